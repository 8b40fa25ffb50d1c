import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, mkdir, mkdtemp, open, rename, rm, stat, symlink, truncate, unlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { sha256File, walk, waitUntil } from './helpers/tree.js';

interface Status {
  name: string; role: string; peer: string; state: string; pendingBytes: number; lagMs: number; appliedSeq: number;
  mirror: { doneBytes: number; totalBytes: number }; lastError: string | null;
  counters: { bytesSent: number; blocksSent: number; batches: number; bytesReceived: number };
}

async function statusOf(d: TestDaemon, name: string, role = 'source'): Promise<Status | undefined> {
  const all = (await d.cliJson(['status'])) as Status[];
  return all.find((p) => p.name === name && p.role === role);
}

async function scratch(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-src-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function replicaOf(target: TestDaemon, source: TestDaemon, name: string): string {
  return join(target.home, 'replicas', source.peerId, name);
}

/** Waits until the replica's independent hash walk equals the source's. */
async function converges(src: string, replica: string, timeoutMs = 30_000): Promise<boolean> {
  const want = JSON.stringify(await walk(src));
  return waitUntil(async () => JSON.stringify(await walk(replica)) === want, timeoutMs, 100);
}

async function pair(t: ExecutionContext): Promise<[TestDaemon, TestDaemon]> {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  return [alpha, bravo];
}

test.serial('a directory tree is mirrored byte-identical and follows renames, deletes, truncation and extension', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  await mkdir(join(src, 'etc/nested/deeper'), { recursive: true });
  await mkdir(join(src, 'empty'));
  await writeFile(join(src, 'etc/nested/deeper/config.ini'), 'x=1\n');
  await writeFile(join(src, 'zero'), '');
  await writeFile(join(src, 'ünïcødé ファイル.txt'), 'unicode\n');
  await writeFile(join(src, 'big.bin'), randomBytes(3 * 1024 * 1024 + 123));
  await writeFile(join(src, 'script.sh'), '#!/bin/sh\necho hi\n');
  await chmod(join(src, 'script.sh'), 0o750);
  await chmod(join(src, 'empty'), 0o700);
  await symlink('etc/nested/deeper/config.ini', join(src, 'link-to-config'));
  await symlink('/nonexistent/dangling', join(src, 'dangling'));

  const out = await alpha.cli(['protect', 'site', src, '--to', 'bravo']);
  t.is(out.code, 0, out.stderr);
  const replica = replicaOf(bravo, alpha, 'site');
  t.true(await converges(src, replica), 'initial mirror converges');
  t.true(await waitUntil(async () => (await statusOf(alpha, 'site'))?.state === 'replicating', 10_000));
  t.is((await statusOf(bravo, 'site', 'target'))?.state, 'replicating');

  await rename(join(src, 'etc/nested/deeper/config.ini'), join(src, 'etc/config-moved.ini'));
  await rename(join(src, 'etc/nested'), join(src, 'etc/renamed-dir'));
  await unlink(join(src, 'zero'));
  await truncate(join(src, 'big.bin'), 1024 * 1024 + 7);
  await appendFile(join(src, 'script.sh'), 'echo more\n'.repeat(1000));
  await writeFile(join(src, 'new.txt'), 'new file\n');
  await rm(join(src, 'empty'), { recursive: true });
  t.true(await converges(src, replica), 'changes converge');

  const grow = await open(join(src, 'big.bin'), 'r+');
  await grow.write(randomBytes(2 * 1024 * 1024), 0, 2 * 1024 * 1024, 5 * 1024 * 1024);
  await grow.close();
  t.true(await converges(src, replica), 'extension with a hole converges');

  // A moved file is renamed on the target, not resent.
  const before = (await statusOf(alpha, 'site'))!.counters.bytesSent;
  await mkdir(join(src, 'archive'));
  await rename(join(src, 'big.bin'), join(src, 'archive/big-moved.bin'));
  t.true(await converges(src, replica), 'the move converges');
  const sent = (await statusOf(alpha, 'site'))!.counters.bytesSent - before;
  t.true(sent < 64 * 1024, `a 7 MiB file moved cost ${sent} bytes`);
});

test.serial('a 4 KiB write into a large file sends only a few blocks', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  const image = join(src, 'disk.img');
  await writeFile(image, randomBytes(32 * 1024 * 1024));
  t.is((await alpha.cli(['protect', 'vm', image, '--to', 'bravo'])).code, 0);
  const replica = join(replicaOf(bravo, alpha, 'vm'), 'data');
  const want = await sha256File(image);
  t.true(await waitUntil(async () => (await sha256File(replica)) === want, 30_000, 100), 'mirror converges');
  t.true(await waitUntil(async () => (await statusOf(alpha, 'vm'))?.state === 'replicating', 10_000));
  const before = (await statusOf(alpha, 'vm'))!.counters.bytesSent;

  const fh = await open(image, 'r+');
  await fh.write(randomBytes(4096), 0, 4096, 17 * 1024 * 1024 + 4096);
  await fh.close();
  const changed = await sha256File(image);
  t.true(await waitUntil(async () => (await sha256File(replica)) === changed, 20_000, 50), 'the write reaches the replica');
  const after = (await statusOf(alpha, 'vm'))!.counters.bytesSent;
  t.true(after - before <= 16 * 1024, `sent ${after - before} bytes for a 4 KiB write`);
  t.true(after - before >= 4096);
});

test.serial('an image changed in several places, its mode too, converges sending only those blocks', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  const image = join(src, 'disk.img');
  const size = 24 * 1024 * 1024 + 3 * 4096 + 100; // a short last chunk and a short last block
  await writeFile(image, randomBytes(size));
  t.is((await alpha.cli(['protect', 'vm', image, '--to', 'bravo'])).code, 0);
  const replica = join(replicaOf(bravo, alpha, 'vm'), 'data');
  t.true(await waitUntil(async () => (await sha256File(replica)) === (await sha256File(image)), 30_000, 100), 'mirror converges');
  t.true(await waitUntil(async () => (await statusOf(alpha, 'vm'))?.state === 'replicating', 10_000));
  const before = (await statusOf(alpha, 'vm'))!.counters.bytesSent;

  const fh = await open(image, 'r+');
  for (const offset of [0, 9 * 1024 * 1024 + 8192, size - 50]) await fh.write(randomBytes(50), 0, 50, offset);
  await fh.close();
  await chmod(image, 0o600);
  const want = await sha256File(image);
  t.true(await waitUntil(async () => (await sha256File(replica)) === want, 20_000, 50), 'every change reaches the replica');
  t.true(await waitUntil(async () => ((await stat(replica)).mode & 0o777) === 0o600, 10_000, 50), 'and the mode');
  const sent = (await statusOf(alpha, 'vm'))!.counters.bytesSent - before;
  t.true(sent <= 3 * 2 * 4096, `sent ${sent} bytes for three 50-byte writes`);
});

test.serial('many-to-one: two sources with the same protection name stay isolated on one target', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const charlie = await startDaemon({ t, name: 'charlie' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  await trustEachOther(charlie, bravo);
  const srcA = await scratch(t);
  const srcC = await scratch(t);
  await writeFile(join(srcA, 'who'), 'alpha\n');
  await writeFile(join(srcC, 'who'), 'charlie\n');
  await mkdir(join(srcC, 'only-charlie'));
  t.is((await alpha.cli(['protect', 'data', srcA, '--to', 'bravo'])).code, 0);
  t.is((await charlie.cli(['protect', 'data', srcC, '--to', 'bravo'])).code, 0);
  t.true(await converges(srcA, replicaOf(bravo, alpha, 'data')));
  t.true(await converges(srcC, replicaOf(bravo, charlie, 'data')));
  t.is(await readFile(join(replicaOf(bravo, alpha, 'data'), 'who'), 'utf8'), 'alpha\n');
  const targets = ((await bravo.cliJson(['status'])) as Status[]).filter((p) => p.role === 'target');
  t.deepEqual(targets.map((p) => p.peer).sort(), [alpha.peerId, charlie.peerId].sort());
});

test.serial('one-to-many: one source protects a path to two targets', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  const charlie = await startDaemon({ t, name: 'charlie' });
  await trustEachOther(alpha, bravo);
  await trustEachOther(alpha, charlie);
  const src = await scratch(t);
  await writeFile(join(src, 'a.txt'), 'fan out\n');
  t.is((await alpha.cli(['protect', 'fan', src, '--to', 'bravo', '--to', 'charlie'])).code, 0);
  t.true(await converges(src, replicaOf(bravo, alpha, 'fan')));
  t.true(await converges(src, replicaOf(charlie, alpha, 'fan')));
  await writeFile(join(src, 'b.txt'), 'second\n');
  t.true(await converges(src, replicaOf(bravo, alpha, 'fan')));
  t.true(await converges(src, replicaOf(charlie, alpha, 'fan')));
});

test.serial('a raw-device-like source is replicated by interval scanning', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  const dev = join(src, 'volume.raw');
  await writeFile(dev, randomBytes(4 * 1024 * 1024));
  t.is((await alpha.cli(['protect', 'vol', dev, '--to', 'bravo', '--scan-interval', '300'])).code, 0);
  const replica = join(replicaOf(bravo, alpha, 'vol'), 'data');
  t.true(await waitUntil(async () => (await sha256File(replica)) === (await sha256File(dev)), 20_000, 100));
  // Write without changing size, then restore the mtime: only a content scan can see it.
  const fh = await open(dev, 'r+');
  const st = await fh.stat();
  await fh.write(Buffer.alloc(8192, 7), 0, 8192, 65536);
  await fh.utimes(st.atime, st.mtime);
  await fh.close();
  const want = await sha256File(dev);
  t.true(await waitUntil(async () => (await sha256File(replica)) === want, 20_000, 100), 'the interval scan finds the write');
  const status = await statusOf(alpha, 'vol');
  t.is(status?.state, 'replicating');
});

test.serial('pause stops sending and resume sends what changed meanwhile', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  await writeFile(join(src, 'f'), 'one\n');
  t.is((await alpha.cli(['protect', 'p', src, '--to', 'bravo'])).code, 0);
  const replica = replicaOf(bravo, alpha, 'p');
  t.true(await converges(src, replica));
  t.is((await alpha.cli(['pause', 'p'])).code, 0);
  t.true(await waitUntil(async () => (await statusOf(alpha, 'p'))?.state === 'paused', 5_000));
  await writeFile(join(src, 'f'), 'two\n');
  await new Promise((r) => setTimeout(r, 1000));
  t.is(await readFile(join(replica, 'f'), 'utf8'), 'one\n', 'nothing sent while paused');
  t.is((await alpha.cli(['resume', 'p'])).code, 0);
  t.true(await converges(src, replica));
});

test.serial('verify reports a replica damaged behind doppel\'s back and --repair fixes it', async (t) => {
  const [alpha, bravo] = await pair(t);
  const src = await scratch(t);
  await writeFile(join(src, 'a'), randomBytes(100_000));
  await writeFile(join(src, 'b'), 'bee\n');
  t.is((await alpha.cli(['protect', 'v', src, '--to', 'bravo'])).code, 0);
  const replica = replicaOf(bravo, alpha, 'v');
  t.true(await converges(src, replica));
  t.true(await waitUntil(async () => (await statusOf(alpha, 'v'))?.state === 'replicating', 10_000));
  t.is((await alpha.cli(['verify', 'v'])).code, 0, 'an intact replica verifies');
  // Damage a block without changing size or mtime, as bit rot would.
  const fh = await open(join(replica, 'a'), 'r+');
  const st = await fh.stat();
  await fh.write(Buffer.from('CORRUPT'), 0, 7, 50_000);
  await fh.utimes(st.atime, st.mtime);
  await fh.close();
  const found = await alpha.cli(['verify', 'v', '--json']);
  t.is(found.code, 1, 'verify exits 1 when the replica differs');
  t.regex(found.stdout, /"path": "a"/);
  t.is((await alpha.cli(['verify', 'v', '--repair'])).code, 0);
  t.is(await sha256File(join(replica, 'a')), await sha256File(join(src, 'a')));
});

test.serial('bad input on the command line gets a clear error and a non-zero exit', async (t) => {
  const [alpha] = await pair(t);
  const src = await scratch(t);
  const missing = await alpha.cli(['protect', 'x', join(src, 'nope'), '--to', 'bravo']);
  t.not(missing.code, 0);
  t.regex(missing.stderr, /does not exist/);
  const badName = await alpha.cli(['protect', '../evil', src, '--to', 'bravo']);
  t.not(badName.code, 0);
  t.regex(badName.stderr, /not a valid protection name/);
  const stranger = await alpha.cli(['protect', 'x', src, '--to', 'nobody']);
  t.not(stranger.code, 0);
  const unknown = await alpha.cli(['unprotect', 'never-was']);
  t.not(unknown.code, 0);
  t.regex(unknown.stderr, /no protection named/);
});
