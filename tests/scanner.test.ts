import '../lib/polyfill.js';
import test from 'ava';
import Database from 'better-sqlite3';
import { appendFile, chmod, mkdir, mkdtemp, rm, symlink, writeFile, rename, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DIGEST_BYTES } from '../lib/core/blocks.js';
import { compileRules } from '../lib/core/rules.js';
import { migrations } from '../lib/store/migrations.js';
import { digestBlock, digestBlocks, FileUnstableError, hashFile, recordBlockDigests } from '../lib/store/hasher.js';
import { ScanCache } from '../lib/store/scan-cache.js';
import { scanPaths, scanSingle, scanTree, type ScanOptions } from '../lib/store/scanner.js';

const BS = 4096;

function openCache(id = 1): ScanCache {
  const db = new Database(':memory:');
  for (const m of migrations) m.up(db);
  return new ScanCache(db, id);
}

async function tempDir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-scan-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

// A tree with the awkward cases in it.
async function fixtureTree(root: string): Promise<Buffer> {
  const big = randomBytes(5 * BS + 123);
  await mkdir(join(root, 'a/b/c'), { recursive: true });
  await mkdir(join(root, 'empty'));
  await mkdir(join(root, 'skip/deep'), { recursive: true });
  await mkdir(join(root, '.doppel'));
  await writeFile(join(root, '.doppel/journal'), 'internal');
  await writeFile(join(root, 'skip/deep/x'), 'excluded');
  await writeFile(join(root, 'a/b/c/big.bin'), big);
  await writeFile(join(root, 'zero'), '');
  await writeFile(join(root, 'a/small.txt'), 'hello');
  await writeFile(join(root, 'a/日本語 ü.txt'), 'unicode');
  await symlink('small.txt', join(root, 'a/link'));
  await symlink('../nowhere', join(root, 'a/dangling'));
  await chmod(join(root, 'a/small.txt'), 0o640);
  return big;
}

function options(cache: ScanCache, progress?: { bytes: number; files: number }): ScanOptions {
  return {
    rules: compileRules({ exclude: ['skip'] }),
    blockSize: BS,
    cache,
    onProgress(bytes, files) { if (progress) { progress.bytes = bytes; progress.files = files; } },
  };
}

test('digests are 8-byte big-endian xxh64', (t) => {
  // xxh64 of the empty input with seed 0.
  t.deepEqual([...digestBlock(new Uint8Array(0))], [0xef, 0x46, 0xdb, 0x37, 0x51, 0xd8, 0xe9, 0x99]);
});

test('hashFile gives one digest per block, the last one over the short tail', async (t) => {
  const dir = await tempDir(t);
  const data = randomBytes(3 * BS + 7);
  await writeFile(join(dir, 'f'), data);
  const h = await hashFile(join(dir, 'f'), { blockSize: BS });
  t.is(h.size, data.length);
  t.is(h.hashes.length, 4 * DIGEST_BYTES);
  t.deepEqual(h.hashes.subarray(3 * DIGEST_BYTES), digestBlock(data.subarray(3 * BS)));
  t.deepEqual(h.hashes.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES), digestBlock(data.subarray(BS, 2 * BS)));
});

test('hashFile in parallel stripes gives the same map as one reader', async (t) => {
  const dir = await tempDir(t);
  const data = randomBytes(64 * 1024 * 1024 + 5000);
  await writeFile(join(dir, 'big'), data);
  const one = await hashFile(join(dir, 'big'), { blockSize: BS, parallelism: 1 });
  let progress = 0;
  const two = await hashFile(join(dir, 'big'), { blockSize: BS, parallelism: 2, onProgress: (b) => { progress = b; } });
  t.deepEqual(two.hashes, one.hashes);
  t.is(progress, data.length);
});

test('hashFile gives up on a file that keeps changing', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'busy.log');
  // Big enough that every hashing pass (4 attempts) spans several appends, however fast the reads.
  await writeFile(file, randomBytes(32 * 1024 * 1024));
  let writing = true;
  const writer = (async () => {
    const deadline = Date.now() + 10_000;
    while (writing && Date.now() < deadline) await appendFile(file, 'x');
  })();
  try {
    await t.throwsAsync(hashFile(file, { blockSize: BS }), { instanceOf: FileUnstableError, message: /will retry at the next change/ });
  } finally {
    writing = false;
    await writer;
  }
});

test('scanTree records files, dirs and symlinks, skipping excluded and internal paths', async (t) => {
  const root = await tempDir(t);
  const big = await fixtureTree(root);
  const cache = openCache();
  const { entries, errors } = await scanTree(root, options(cache));
  t.deepEqual(errors, []);
  t.deepEqual([...entries.keys()], ['a', 'empty', 'zero', 'a/b', 'a/dangling', 'a/link', 'a/small.txt', 'a/日本語 ü.txt', 'a/b/c', 'a/b/c/big.bin']);
  t.like(entries.get('a/small.txt'), { type: 'file', size: 5, mode: 0o640 });
  t.like(entries.get('a/link'), { type: 'symlink', linkTarget: 'small.txt' });
  t.like(entries.get('a/dangling'), { type: 'symlink', linkTarget: '../nowhere' });
  t.like(entries.get('empty'), { type: 'dir', size: 0 });
  t.is(entries.get('zero')!.hashes!.length, 0);
  const bigEntry = entries.get('a/b/c/big.bin')!;
  t.is(bigEntry.hashes!.length, 6 * DIGEST_BYTES);
  t.deepEqual(bigEntry.hashes!.subarray(0, DIGEST_BYTES), digestBlock(big.subarray(0, BS)));
  // The cache now holds exactly what was found.
  t.deepEqual([...cache.all()].map((e) => e.path).sort(), [...entries.keys()].sort());
});

test('a rescan rehashes only the file that changed and forgets vanished paths', async (t) => {
  const root = await tempDir(t);
  await fixtureTree(root);
  const cache = openCache();
  const first = { bytes: 0, files: 0 };
  await scanTree(root, options(cache, first));
  t.is(first.bytes, 5 + 7 + 5 * BS + 123);

  await writeFile(join(root, 'a/small.txt'), 'hello, world');
  await rm(join(root, 'a/b'), { recursive: true });
  const second = { bytes: 0, files: 0 };
  const { entries } = await scanTree(root, options(cache, second));
  t.is(second.bytes, 12);
  t.false(entries.has('a/b/c/big.bin'));
  t.is(cache.get('a/b/c/big.bin'), undefined);
  t.is(cache.get('a/b'), undefined);

  const third = { bytes: 0, files: 0 };
  await scanTree(root, options(cache, third));
  t.is(third.bytes, 0);
});

test('a file whose mtime is restored but whose ctime moved is rehashed', async (t) => {
  const root = await tempDir(t);
  await writeFile(join(root, 'f'), 'aaaa');
  const cache = openCache();
  const { entries } = await scanTree(root, options(cache));
  const before = entries.get('f')!;
  await writeFile(join(root, 'f'), 'bbbb');
  await utimes(join(root, 'f'), before.mtimeMs / 1000, before.mtimeMs / 1000);
  const progress = { bytes: 0, files: 0 };
  const after = (await scanTree(root, options(cache, progress))).entries.get('f')!;
  t.is(progress.bytes, 4);
  t.notDeepEqual(after.hashes, before.hashes);
});

test('unreadable directories are reported, and their cached subtree is kept', async (t) => {
  if (process.getuid?.() === 0) { t.pass('root reads everything; nothing to test'); return; }
  const root = await tempDir(t);
  await mkdir(join(root, 'locked'));
  await writeFile(join(root, 'locked/f'), 'x');
  const cache = openCache();
  await scanTree(root, options(cache));
  await chmod(join(root, 'locked'), 0);
  t.teardown(() => chmod(join(root, 'locked'), 0o755));
  const { errors } = await scanTree(root, options(cache));
  t.is(errors[0]?.path, 'locked');
  t.truthy(cache.get('locked/f'));
});

test('scanPaths reports changed, vanished and new paths, with the subtree of a new directory', async (t) => {
  const root = await tempDir(t);
  await fixtureTree(root);
  const cache = openCache();
  await scanTree(root, options(cache));

  await writeFile(join(root, 'a/small.txt'), 'changed');
  await rm(join(root, 'zero'));
  await mkdir(join(root, 'new/inner'), { recursive: true });
  await writeFile(join(root, 'new/inner/f'), 'fresh');
  await rename(join(root, 'a/b'), join(root, 'moved'));
  const progress = { bytes: 0, files: 0 };
  const { entries, errors } = await scanPaths(root, ['a/small.txt', 'zero', 'new', 'a/b', 'moved', 'skip/deep/x'], options(cache, progress));
  t.deepEqual(errors, []);
  t.like(entries.get('a/small.txt'), { size: 7 });
  t.is(entries.get('zero'), null);
  t.is(entries.get('a/b'), null);
  t.like(entries.get('new'), { type: 'dir' });
  t.like(entries.get('new/inner/f'), { type: 'file', size: 5 });
  t.like(entries.get('moved/c/big.bin'), { type: 'file' });
  t.false(entries.has('skip/deep/x'));
  t.is(cache.get('a/b/c/big.bin'), undefined);
  t.truthy(cache.get('moved/c/big.bin'));
  t.is(cache.get('zero'), undefined);
  // A full scan now agrees with the cache the incremental one left.
  const full = await scanTree(root, options(cache));
  t.deepEqual([...cache.all()].map((e) => e.path).sort(), [...full.entries.keys()].sort());
});

test('scanPaths replaces a directory by a file', async (t) => {
  const root = await tempDir(t);
  await mkdir(join(root, 'd'));
  await writeFile(join(root, 'd/inside'), 'x');
  const cache = openCache();
  await scanTree(root, options(cache));
  await rm(join(root, 'd'), { recursive: true });
  await writeFile(join(root, 'd'), 'now a file');
  const { entries } = await scanPaths(root, ['d'], options(cache));
  t.like(entries.get('d'), { type: 'file', size: 10 });
  t.is(cache.get('d/inside'), undefined);
  t.like(cache.get('d'), { type: 'file' });
});

test('scanSingle hashes a single file once, then trusts the cache until it changes', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'disk.img');
  await writeFile(file, randomBytes(3 * BS));
  const cache = openCache();
  const opts = { blockSize: BS, cache, progress: 0, onProgress(b: number) { this.progress = b; } };
  const first = await scanSingle(file, opts);
  t.like(first, { path: '', type: 'file', size: 3 * BS });
  t.is(first!.hashes!.length, 3 * DIGEST_BYTES);
  opts.progress = -1;
  await scanSingle(file, opts);
  t.is(opts.progress, 0);
  await appendFile(file, 'tail');
  const grown = await scanSingle(file, opts);
  t.is(grown!.size, 3 * BS + 4);
  await rm(file);
  t.is(await scanSingle(file, opts), null);
  t.is(cache.get(''), undefined);
});

test('scan caches of two protections do not see each other', async (t) => {
  const db = new Database(':memory:');
  for (const m of migrations) m.up(db);
  const one = new ScanCache(db, 1);
  const two = new ScanCache(db, 2);
  one.put({ path: 'a', type: 'dir', size: 0, mode: 0o755, mtimeMs: 1.5, ctimeMs: 2.5, ino: 3 });
  one.put({ path: 'a/x_%', type: 'file', size: 1, mode: 0o644, mtimeMs: 1, ctimeMs: 1, ino: 4, hashes: new Uint8Array(8).fill(7) });
  one.put({ path: 'ab', type: 'symlink', size: 1, mode: 0o777, mtimeMs: 1, ctimeMs: 1, ino: 5, linkTarget: 'a' });
  two.put({ path: 'a', type: 'dir', size: 0, mode: 0o700, mtimeMs: 1, ctimeMs: 1, ino: 9 });
  t.deepEqual(one.get('a'), { path: 'a', type: 'dir', size: 0, mode: 0o755, mtimeMs: 1.5, ctimeMs: 2.5, ino: 3 });
  t.deepEqual([...one.get('a/x_%')!.hashes!], new Array(8).fill(7));
  t.deepEqual([...one.below('a')].map((e) => e.path), ['a/x_%']);
  one.deleteTree('a');
  t.deepEqual([...one.all()].map((e) => e.path), ['ab']);
  t.is(two.get('a')?.mode, 0o700);
});

test('scanSingle reads a block device, whose size stat reports as 0', async (t) => {
  if (process.getuid?.() !== 0) { t.pass('needs root to attach a loop device'); return; }
  const dir = await tempDir(t);
  const image = join(dir, 'dev.img');
  const data = randomBytes(3 * 1024 * 1024 + 512);
  await writeFile(image, data);
  let device: string;
  try {
    device = (await promisify(execFile)('losetup', ['-f', '--show', image])).stdout.trim();
  } catch {
    t.pass('no loop device available');
    return;
  }
  t.teardown(async () => { await promisify(execFile)('losetup', ['-d', device]); });
  const entry = await scanSingle(device, { blockSize: BS, cache: openCache() });
  t.is(entry!.size, data.length);
  t.deepEqual(entry!.hashes!.subarray(-DIGEST_BYTES), digestBlock(data.subarray(data.length - 512)));
});

test('hashFile never reads through a symlink; scanSingle follows the one the operator configured', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'secret'), 'not for the replica');
  await symlink(join(dir, 'secret'), join(dir, 'planted'));
  await t.throwsAsync(hashFile(join(dir, 'planted'), { blockSize: BS }), { code: 'ELOOP' });
  const entry = await scanSingle(join(dir, 'planted'), { blockSize: BS, cache: openCache() });
  t.is(entry!.size, 19);
});

test('deferHash leaves chosen files unread and out of the cache; the rest are hashed', async (t) => {
  const root = await tempDir(t);
  await writeFile(join(root, 'later.bin'), randomBytes(3 * BS));
  await writeFile(join(root, 'now.bin'), randomBytes(BS));
  const cache = openCache();
  const asked: Array<[string, number]> = [];
  const { entries } = await scanTree(root, {
    rules: compileRules({}),
    blockSize: BS,
    cache,
    deferHash: (rel, size) => { asked.push([rel, size]); return rel === 'later.bin'; },
  });
  t.is(entries.get('later.bin')?.hashes, undefined);
  t.is(entries.get('later.bin')?.size, 3 * BS);
  t.is(entries.get('now.bin')?.hashes?.length, DIGEST_BYTES);
  t.is(cache.get('later.bin'), undefined, 'nothing cached until the sender has digested it');
  t.truthy(cache.get('now.bin')?.hashes);
  t.deepEqual(asked.sort(), [['later.bin', 3 * BS], ['now.bin', BS]]);
  const single = await scanSingle(join(root, 'later.bin'), { blockSize: BS, cache: openCache(2), deferHash: () => true });
  t.is(single?.hashes, undefined);
  t.is(single?.size, 3 * BS);
});

test('recordBlockDigests fills a block map in place and reports whether it changed', (t) => {
  const data = randomBytes(3 * BS + 100);
  const map = new Uint8Array(6 * DIGEST_BYTES);
  t.true(recordBlockDigests(data, 2 * BS, BS, map));
  t.deepEqual(map.subarray(2 * DIGEST_BYTES), digestBlocks(data, BS));
  t.deepEqual(map.subarray(0, 2 * DIGEST_BYTES), new Uint8Array(2 * DIGEST_BYTES), 'blocks before the offset untouched');
  t.false(recordBlockDigests(data, 2 * BS, BS, map), 'same data: unchanged');
});
