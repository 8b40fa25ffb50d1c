// Trees of many small files (a mail spool, a web root, a source tree) under the open-file limits
// users' hosts start with: they mirror whole, an interrupted mirror resumes where it stopped, and
// the source's status follows what the target acknowledged.
import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runCli, startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { walk, waitUntil } from './helpers/tree.js';

interface Status {
  name: string; role: string; state: string; pendingBytes: number; lastError: string | null;
  mirror: { doneBytes: number; totalBytes: number };
  counters: { bytesSent: number };
}

async function statusOf(d: TestDaemon, name: string, role = 'source'): Promise<Status | undefined> {
  return ((await d.cliJson(['status'])) as Status[]).find((p) => p.name === name && p.role === role);
}

/** `count` files of `minBytes`..`maxBytes` random bytes, 100 to a directory; returns their total size. */
async function manyFiles(t: ExecutionContext, count: number, minBytes: number, maxBytes: number): Promise<{ dir: string; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-many-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) await mkdir(sub);
    const size = minBytes + Math.floor(Math.random() * (maxBytes - minBytes + 1));
    await writeFile(join(sub, `f${i}.txt`), randomBytes(size));
    bytes += size;
  }
  return { dir, bytes };
}

test.serial('[slow] 5,000 small files mirror byte-identical under ulimit -n 256, with no EMFILE', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha', nofile: 256 });
  const bravo = await startDaemon({ t, name: 'bravo', nofile: 256 });
  await trustEachOther(alpha, bravo);
  const { dir } = await manyFiles(t, 5000, 1024, 8192);
  const out = await alpha.cli(['protect', 'spool', dir, '--to', 'bravo']);
  t.is(out.code, 0, out.stderr);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'spool');
  const want = JSON.stringify(await walk(dir));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 180_000, 500), 'the replica matches the source (independent sha256 walk)');
  t.true(await waitUntil(async () => (await statusOf(alpha, 'spool'))?.state === 'replicating', 20_000, 200));
  const st = (await statusOf(alpha, 'spool'))!;
  t.is(st.mirror.doneBytes, st.mirror.totalBytes);
  t.is(st.pendingBytes, 0);
  t.notRegex(alpha.logs(), /EMFILE|too many open files/i);
  t.notRegex(bravo.logs(), /EMFILE|too many open files/i);
});

test.serial('[slow] a many-file mirror interrupted half-way resends only what the target had not applied', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  // 3,000 files of 16 KiB (the shape that never mirrored), sent at 8 MB/s so the kill lands mid-way.
  const { dir, bytes } = await manyFiles(t, 3000, 16 * 1024, 16 * 1024);
  t.is((await alpha.cli(['protect', 'mail', dir, '--to', 'bravo', '--bwlimit', '8MB/s'])).code, 0);
  const halfway = await waitUntil(async () => ((await statusOf(alpha, 'mail'))?.mirror.doneBytes ?? 0) >= bytes / 3, 60_000, 50);
  t.true(halfway, 'the target acknowledged a third of the mirror');
  await bravo.kill();

  // The source must not claim the mirror complete, nor nothing pending, while the target is away.
  t.true(await waitUntil(async () => (await statusOf(alpha, 'mail'))?.state === 'disconnected', 30_000, 100), 'the source sees the target gone');
  const deadline = Date.now() + 3000;
  let down: Status;
  do {
    down = (await statusOf(alpha, 'mail'))!;
    t.true(down.mirror.doneBytes < down.mirror.totalBytes, `mirror ${down.mirror.doneBytes}/${down.mirror.totalBytes} not shown complete`);
    t.true(down.pendingBytes > 0, 'pending bytes are shown while the target is down');
    t.not(down.state, 'replicating');
  } while (Date.now() < deadline);

  // What the replica holds now is what the second attempt must not send again.
  const source = await walk(dir);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'mail');
  let applied = 0;
  for (const [path, entry] of Object.entries(await walk(replica))) {
    if (entry.type === 'file' && entry.sha256 === source[path]?.sha256) applied += entry.size;
  }
  t.true(applied >= bytes / 4, `the replica kept what was applied (${applied} of ${bytes} bytes)`);
  const sentBefore = down.counters.bytesSent;

  await bravo.restart();
  const want = JSON.stringify(source);
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 120_000, 300), 'converges after the target returns');
  t.true(await waitUntil(async () => (await statusOf(alpha, 'mail'))?.state === 'replicating', 20_000, 200));
  const resent = (await statusOf(alpha, 'mail'))!.counters.bytesSent - sentBefore;
  t.true(resent <= bytes - applied, `second attempt sent ${resent} bytes; at most the ${bytes - applied} missing`);
});

test.serial('[slow] running out of descriptors is an error on both sides that says to raise the limit', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  // Once up and connected, the target may open nothing more: prlimit lowers the running daemon's
  // soft limit (a limit this low from the start would stop Node from loading its own modules).
  const held = (await readdir(`/proc/${bravo.pid!}/fd`)).length;
  const lower = spawnSync('prlimit', ['--pid', String(bravo.pid!), `--nofile=${held}:1024`]);
  t.is(lower.status, 0, lower.stderr.toString());
  const { dir } = await manyFiles(t, 200, 1024, 4096);
  t.is((await alpha.cli(['protect', 'tiny', dir, '--to', 'bravo'])).code, 0);
  // Each retry goes through negotiating and mirroring again; between attempts the state is error.
  let src: Status | undefined;
  const failed = await waitUntil(async () => {
    src = await statusOf(alpha, 'tiny');
    return src?.state === 'error' && /ulimit -n/.test(src.lastError ?? '');
  }, 30_000, 100);
  if (!failed) t.log(bravo.logs().slice(-4000));
  t.true(failed, `the source is in error and says what to do: ${src?.state} ${src?.lastError}`);
  // Two descriptors more let the CLI in (an attempt to connect may still find none free) while the
  // data path still runs out: the target says it too, and the daemon kept running.
  spawnSync('prlimit', ['--pid', String(bravo.pid!), `--nofile=${held + 2}:1024`]);
  t.true(await waitUntil(async () => /EMFILE.*LimitNOFILE/.test((await statusOf(bravo, 'tiny', 'target'))?.lastError ?? ''), 30_000, 100), 'the target says it too');

  // Raised again, the same daemons finish the mirror and the error clears.
  const raise = spawnSync('prlimit', ['--pid', String(bravo.pid!), '--nofile=1024:1024']);
  t.is(raise.status, 0, raise.stderr.toString());
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'tiny');
  const want = JSON.stringify(await walk(dir));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 60_000, 300), 'converges once the limit is raised');
  t.true(await waitUntil(async () => {
    const s = await statusOf(alpha, 'tiny');
    return s?.state === 'replicating' && s.lastError === null;
  }, 30_000, 200), 'the source is replicating again with no error');
});

test('doppel up under a limit too low to start says so and how to raise it', async (t) => {
  const home = await mkdtemp(join(tmpdir(), 'doppel-lowlimit-'));
  t.teardown(() => rm(home, { recursive: true, force: true }));
  t.is((await runCli(['init', '--name', 'low', '--no-mdns', '--listen', '/ip4/127.0.0.1/tcp/0', '--home', home])).code, 0);
  const up = spawnSync('/bin/sh', ['-c', 'ulimit -n 100 && exec "$0" "$@"', process.execPath, CLI, 'up', '--home', home], { timeout: 20_000 });
  t.is(up.status, 1);
  t.regex(up.stderr.toString(), /open-file limit is 100; doppel up needs at least 256: raise it with `ulimit -n 1024` or LimitNOFILE=1024/);
});
