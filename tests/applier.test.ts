import '../lib/polyfill.js';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import test from 'ava';
import type { doppel } from '../lib/net/wire.js';
import { digestBlocks } from '../lib/store/hasher.js';
import { Applier } from '../lib/store/applier.js';
import { OPEN_FILES_PER_PROTECTION } from '../lib/store/open-files.js';
import { applyBatchCrash } from './helpers/crash-batch.js';
import {
  applyBatch, beginOp, blockMap, BS, bytes, commitOp, fileOps, mkdirOp, openTarget, removeOp, renameOp, resizeOp, sha256, symlinkOp, writeOp,
} from './helpers/replica.js';

function tempHome(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-applier-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const fileSha = (p: string): string => sha256(readFileSync(p));

test('mirrors a tree with dirs, links, modes, an empty file and a multi-block file', async (t) => {
  const target = await openTarget(tempHome(t));
  const big = bytes(3 * BS + 100, 7);
  const small = Buffer.from('hello, ünïcode\n');
  await applyBatch(target, 1, [
    mkdirOp('docs'),
    mkdirOp('docs/empty', 0o700),
    symlinkOp('docs/link', '../big.img'),
    ...fileOps('big.img', big, 2 * BS),
    ...fileOps('docs/ünï.txt', small, 1 << 20, 0o600),
    beginOp('zero', 0),
    commitOp('zero'),
  ]);
  const r = target.root;
  t.is(fileSha(join(r, 'big.img')), sha256(big));
  t.is(fileSha(join(r, 'docs/ünï.txt')), sha256(small));
  t.is(statSync(join(r, 'docs/ünï.txt')).mode & 0o777, 0o600);
  t.is(statSync(join(r, 'docs/empty')).mode & 0o777, 0o700);
  t.is(readlinkSync(join(r, 'docs/link')), '../big.img');
  t.is(statSync(join(r, 'zero')).size, 0);
  t.is(statSync(join(r, 'big.img')).mtimeMs, 1_700_000_000_000);
  t.is(target.applier.appliedSeq(), 1);

  const index = new Map((await target.applier.index()).map((e) => [e.path, e]));
  t.deepEqual([...index.keys()].sort(), ['big.img', 'docs', 'docs/empty', 'docs/link', 'docs/ünï.txt', 'zero']);
  t.deepEqual(Buffer.from(index.get('big.img')!.hashes!), blockMap(big));
  t.is(index.get('docs/link')!.linkTarget, '../big.img');
  t.deepEqual(readdirSync(join(target.home, '.replica.doppel/journal')), [], 'journal emptied after apply');
  t.deepEqual(readdirSync(r).sort(), ['big.img', 'docs', 'zero'], 'nothing of doppel\'s inside the replica');
});

test('in-place patches of an 8 MiB file change only the patched ranges; index stays exact', async (t) => {
  const target = await openTarget(tempHome(t));
  const content = bytes(8 * 1024 * 1024, 11);
  await applyBatch(target, 1, fileOps('disk.img', content));
  const expected = Buffer.from(content);
  const ops: doppel.IOp[] = [];
  for (let i = 0; i < 64; i++) {
    const offset = Math.floor(((i * 104729) % (8 * 1024 * 1024 - 10000)) / BS) * BS;
    const data = bytes(100 + (i % 5) * 3000, 500 + i);
    expected.set(data, offset);
    ops.push(writeOp('disk.img', offset, data));
  }
  await applyBatch(target, 2, ops);
  t.is(fileSha(join(target.root, 'disk.img')), sha256(expected));
  const entry = (await target.applier.index()).find((e) => e.path === 'disk.img')!;
  t.deepEqual(Buffer.from(entry.hashes!), blockMap(expected));

  // Resize and extend-by-write, then a compressed write.
  await applyBatch(target, 3, [resizeOp('disk.img', 5 * BS + 1)]);
  const tail = Buffer.alloc(3 * BS, 9);
  const z = deflateRawSync(tail);
  await applyBatch(target, 4, [{ write: { path: 'disk.img', offset: 7 * BS, data: z, hash: digestBlocks(tail, BS), rawLength: tail.length, compressed: true } }]);
  const after = Buffer.concat([expected.subarray(0, 5 * BS + 1), Buffer.alloc(2 * BS - 1), tail]);
  t.is(fileSha(join(target.root, 'disk.img')), sha256(after));
  const e2 = (await target.applier.index()).find((e) => e.path === 'disk.img')!;
  t.deepEqual(Buffer.from(e2.hashes!), blockMap(after));
});

test('renames, removes and rename-then-reuse of the old name apply in order', async (t) => {
  const target = await openTarget(tempHome(t));
  const a0 = bytes(10_000, 1);
  const a1 = bytes(20_000, 2);
  await applyBatch(target, 1, [mkdirOp('x/y'), ...fileOps('x/y/f', a0), ...fileOps('a', a0)]);
  await applyBatch(target, 2, [renameOp('a', 'b'), ...fileOps('a', a1), renameOp('x', 'z'), removeOp('z/y/nothing')]);
  t.is(fileSha(join(target.root, 'b')), sha256(a0));
  t.is(fileSha(join(target.root, 'a')), sha256(a1));
  t.is(fileSha(join(target.root, 'z/y/f')), sha256(a0));
  t.false(existsSync(join(target.root, 'x')));
  const index = new Map((await target.applier.index()).map((e) => [e.path, e]));
  t.deepEqual(Buffer.from(index.get('z/y/f')!.hashes!), blockMap(a0));
  await applyBatch(target, 3, [removeOp('z')]);
  t.false(existsSync(join(target.root, 'z')));
});

test('a staged 64 MiB file interrupted halfway is indexed as staged and resumes', async (t) => {
  const home = tempHome(t);
  const size = 64 * 1024 * 1024;
  const content = bytes(size, 21);
  const chunk = 1024 * 1024;
  const first = await openTarget(home);
  await first.applier.beginBatch(1);
  await first.applier.addOps([beginOp('vm.img', size)]);
  for (let off = 0; off < size / 2; off += chunk) await first.applier.addOps([writeOp('vm.img', off, content.subarray(off, off + chunk))]);
  await first.applier.commitBatch();
  // The link drops in the middle of the next batch.
  await first.applier.beginBatch(2);
  await first.applier.addOps([writeOp('vm.img', size / 2, content.subarray(size / 2, size / 2 + chunk))]);
  await first.applier.abortBatch();
  first.db.close();

  const second = await openTarget(home);
  t.false(existsSync(join(second.root, 'vm.img')));
  const staged = (await second.applier.index()).find((e) => e.staged)!;
  t.is(staged.path, 'vm.img');
  t.is(staged.size, size);
  const expectedPartial = Buffer.concat([content.subarray(0, size / 2 + chunk), Buffer.alloc(size / 2 - chunk)]);
  t.deepEqual(Buffer.from(staged.hashes!), blockMap(expectedPartial));

  await second.applier.beginBatch(2);
  await second.applier.addOps([beginOp('vm.img', size)]);
  for (let off = size / 2 + chunk; off < size; off += chunk) await second.applier.addOps([writeOp('vm.img', off, content.subarray(off, off + chunk))]);
  await second.applier.addOps([commitOp('vm.img')]);
  await second.applier.commitBatch();
  t.is(fileSha(join(second.root, 'vm.img')), sha256(content));
  const index = await second.applier.index();
  t.falsy(index.find((e) => e.staged));
  t.deepEqual(Buffer.from(index.find((e) => e.path === 'vm.img')!.hashes!), blockMap(content));
});

test('FileBegin with base keeps unsent blocks of the current file', async (t) => {
  const target = await openTarget(tempHome(t));
  const old = bytes(10 * BS, 31);
  await applyBatch(target, 1, fileOps('f', old));
  const patch = bytes(BS, 32);
  await applyBatch(target, 2, [beginOp('f', 12 * BS, true), writeOp('f', 11 * BS, patch), commitOp('f')]);
  const expected = Buffer.concat([old, Buffer.alloc(BS), patch]);
  t.is(fileSha(join(target.root, 'f')), sha256(expected));
});

test('a single-file protection maps path "" to <replica>/data', async (t) => {
  const target = await openTarget(tempHome(t), 'file');
  const img = bytes(5 * BS, 41);
  await applyBatch(target, 1, fileOps('', img));
  t.is(fileSha(join(target.root, 'data')), sha256(img));
  const index = await target.applier.index();
  t.deepEqual(index.map((e) => e.path), ['']);
  await t.throwsAsync(applyBatch(target, 2, [writeOp('other', 0, img)]), { name: 'BadPathError' });
});

test('hostile ops are refused, nothing of the batch is applied, nothing outside the root changes', async (t) => {
  const home = tempHome(t);
  const target = await openTarget(home);
  const outside = join(home, 'outside');
  mkdirSync(outside);
  const canary = join(home, 'canary');
  writeFileSync(canary, 'canary');
  await applyBatch(target, 1, [symlinkOp('out', outside), symlinkOp('leaf', canary), mkdirOp('d')]);
  const evil = Buffer.from('evil');
  const bomb = deflateRawSync(Buffer.alloc(1024 * 1024));
  const cases: { name: string; ops: doppel.IOp[]; error: string }[] = [
    { name: 'dot-dot', ops: [writeOp('../canary', 0, evil)], error: 'BadPathError' },
    { name: 'absolute', ops: [writeOp(canary, 0, evil)], error: 'BadPathError' },
    { name: 'NUL', ops: [writeOp('a\0b', 0, evil)], error: 'BadPathError' },
    { name: 'nested dot-dot', ops: [mkdirOp('d/../../x')], error: 'BadPathError' },
    { name: 'rename outside', ops: [renameOp('d', '../d')], error: 'BadPathError' },
    { name: 'state dir', ops: [writeOp('.doppel/journal/1/ops', 0, evil)], error: 'BadPathError' },
    { name: 'through existing link', ops: [writeOp('out/evil', 0, evil)], error: 'OutsideRootError' },
    { name: 'staged through existing link', ops: [beginOp('out/evil', 4)], error: 'OutsideRootError' },
    { name: 'rename into link', ops: [renameOp('d', 'out/d')], error: 'OutsideRootError' },
    { name: 'write to leaf link', ops: [writeOp('leaf', 0, evil)], error: 'OutsideRootError' },
    { name: 'link then write through', ops: [symlinkOp('l2', outside), writeOp('l2/evil', 0, evil)], error: 'OutsideRootError' },
    { name: 'link then mkdir through', ops: [symlinkOp('l3', outside), mkdirOp('l3/sub')], error: 'OutsideRootError' },
    { name: 'bad hash', ops: [{ write: { path: 'h', offset: 0, data: evil, hash: new Uint8Array(8) } }], error: 'CorruptBlockError' },
    { name: 'deflate bomb', ops: [{ write: { path: 'h', offset: 0, data: bomb, hash: new Uint8Array(8), rawLength: 10, compressed: true } }], error: 'CorruptBlockError' },
    { name: 'commit without begin', ops: [commitOp('nope')], error: 'BadOpError' },
  ];
  let seq = 2;
  for (const c of cases) {
    await target.applier.beginBatch(seq);
    const ok = async (): Promise<void> => {
      await target.applier.addOps([...fileOps(`ok-${seq}`, evil), ...c.ops]);
      await target.applier.commitBatch();
    };
    await t.throwsAsync(ok(), { name: c.error }, c.name);
    t.false(existsSync(join(target.root, `ok-${seq}`)), `${c.name}: nothing of the batch applied`);
    seq++;
  }
  t.is(readFileSync(canary, 'utf8'), 'canary');
  t.deepEqual(readdirSync(outside), []);
  t.is(target.applier.appliedSeq(), 1);
  // The applier keeps serving after refusals.
  await applyBatch(target, seq, fileOps('fine', evil));
  t.is(readFileSync(join(target.root, 'fine'), 'utf8'), 'evil');
});

test('SIGKILL at random points during apply leaves the replica entirely before or after the batch', async (t) => {
  t.timeout(120_000);
  const outcomes = { before: 0, after: 0 };
  for (let run = 0; run < 6; run++) {
    const home = tempHome(t);
    const setup = await openTarget(home);
    await applyBatch(setup, 1, applyBatchCrash.setup());
    setup.db.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers/apply-child.ts'), home], { stdio: ['ignore', 'pipe', 'inherit'] });
    const delay = [0, 5, 15, 30, 60, 120][run]!;
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('crash child did not start within 60 s')); }, 60_000);
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('go')) setTimeout(() => child.kill('SIGKILL'), delay);
      });
      child.on('exit', () => { clearTimeout(guard); resolve(); });
    });

    const after = await openTarget(home);
    const files = (state: Record<string, Buffer>): boolean => Object.entries(state).every(([p, b]) => existsSync(join(after.root, p)) && fileSha(join(after.root, p)) === sha256(b));
    const isBefore = files(applyBatchCrash.before) && !existsSync(join(after.root, 'e'));
    const isAfter = files(applyBatchCrash.after) && !existsSync(join(after.root, 'd'));
    t.true(isBefore || isAfter, `run ${run} (kill after ${delay} ms): replica is neither before nor after`);
    t.is(after.applier.appliedSeq(), isAfter ? 2 : 1);
    if (isAfter) {
      const index = new Map((await after.applier.index()).map((e) => [e.path, e]));
      t.deepEqual(Buffer.from(index.get('e/c')!.hashes!), blockMap(applyBatchCrash.after['e/c']!));
    }
    outcomes[isAfter ? 'after' : 'before']++;
    after.db.close();
  }
  t.log(`outcomes: ${JSON.stringify(outcomes)}`);
});

test('the replica root itself and lstat-visible types are preserved', async (t) => {
  const target = await openTarget(tempHome(t));
  await applyBatch(target, 1, [{ setAttr: { path: '', mode: 0o750, mtimeMs: 1_600_000_000_000 } }, symlinkOp('dangling', '/nonexistent')]);
  t.is(statSync(target.root).mode & 0o777, 0o750);
  t.true(lstatSync(join(target.root, 'dangling')).isSymbolicLink());
});

test.serial('a batch of 3,000 new files and one patching 200 files keep a bounded number of descriptors open', async (t) => {
  const target = await openTarget(tempHome(t));
  const openNow = (): number => readdirSync('/proc/self/fd').length;
  const before = openNow();
  let peak = before;
  await target.applier.beginBatch(1);
  for (let i = 0; i < 3000; i++) {
    await target.applier.addOps(fileOps(`mail/${i}`, bytes(1024 + (i % 7) * 1000, i + 1)));
    peak = Math.max(peak, openNow());
  }
  await target.applier.commitBatch();
  t.true(peak - before <= OPEN_FILES_PER_PROTECTION, `peak ${peak - before} descriptors above the baseline while receiving`);
  t.is(fileSha(join(target.root, 'mail/2999')), sha256(bytes(1024 + (2999 % 7) * 1000, 3000)));

  const patches: doppel.IOp[] = [];
  for (let i = 0; i < 200; i++) patches.push(writeOp(`mail/${i}`, 0, bytes(BS, 9000 + i)));
  const sampling = setInterval(() => { peak = Math.max(peak, openNow()); }, 1);
  await applyBatch(target, 2, patches);
  clearInterval(sampling);
  t.true(peak - before <= OPEN_FILES_PER_PROTECTION, `peak ${peak - before} descriptors above the baseline while applying`);
  t.is(readFileSync(join(target.root, 'mail/199')).subarray(0, BS).compare(bytes(BS, 9199)), 0);
  t.is(openNow(), before, 'nothing left open after the commits');
});

test('a replica made with its state inside (.doppel) is migrated beside it, resume points kept', async (t) => {
  const home = tempHome(t);
  const old = await openTarget(home);
  const r = old.root;
  // The layout of earlier versions: journal and staging under <replica>/.doppel.
  const before = new Applier({ replicaRoot: r, stateDir: join(r, '.doppel'), db: old.db, protectionId: 1, blockSize: BS });
  await before.recover();
  const small = bytes(3 * BS + 5, 21);
  await applyBatch({ ...old, applier: before }, 1, fileOps('kept.txt', small));
  // A large file interrupted half-way stays staged: the point its mirror resumes from.
  const big = bytes(40 * 1024 * 1024, 22);
  await before.beginBatch(2);
  await before.addOps([beginOp('big.img', big.length), writeOp('big.img', 0, big.subarray(0, 8 * 1024 * 1024))]);
  await before.abortBatch();
  t.true(existsSync(join(r, '.doppel/staging')));

  const after = new Applier({ replicaRoot: r, db: old.db, protectionId: 1, blockSize: BS });
  await after.recover();
  t.false(existsSync(join(r, '.doppel')), 'the state directory left the replica');
  t.deepEqual(readdirSync(r), ['kept.txt'], 'the replica holds exactly the source\'s files');
  const staged = (await after.index()).find((e) => e.path === 'big.img');
  t.true(staged?.staged, 'the staged file is still a resume point');
  await applyBatch({ ...old, applier: after }, 2, [...fileOps('big.img', big, 8 * 1024 * 1024)]);
  t.is(fileSha(join(r, 'big.img')), sha256(big));
  t.is(fileSha(join(r, 'kept.txt')), sha256(small));
});
