import '../lib/polyfill.js';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ReplicaFs } from '../lib/store/replica-fs.js';

function setup(t: { teardown(fn: () => void): void }): { fs: ReplicaFs; root: string; outside: string; canary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-rfs-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const root = join(dir, 'replica');
  const outside = join(dir, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  const canary = join(outside, 'canary');
  writeFileSync(canary, 'canary');
  symlinkSync(outside, join(root, 'out'));
  symlinkSync(canary, join(root, 'leaf'));
  return { fs: new ReplicaFs(root), root, outside, canary };
}

test('creates parents and writes inside the root', async (t) => {
  const { fs, root } = setup(t);
  const fh = await fs.openWrite('a/b/c.txt');
  await fh.write(Buffer.from('hi'), 0, 2, 0);
  await fh.close();
  t.is(readFileSync(join(root, 'a/b/c.txt'), 'utf8'), 'hi');
  t.is(lstatSync(join(root, 'a/b')).mode & 0o777, 0o755);
});

const refusals: [string, (fs: ReplicaFs) => Promise<unknown>, string][] = [
  ['openWrite through a link', (fs) => fs.openWrite('out/x'), 'OutsideRootError'],
  ['openWrite of a leaf link', (fs) => fs.openWrite('leaf'), 'OutsideRootError'],
  ['mkdir through a link', (fs) => fs.mkdir('out/x/y'), 'OutsideRootError'],
  ['symlink through a link', (fs) => fs.symlink('out/l', '/etc'), 'OutsideRootError'],
  ['resize of a leaf link', (fs) => fs.resize('leaf', 0), 'OutsideRootError'],
  ['rename into a link', (fs) => fs.rename('leaf', 'out/moved'), 'OutsideRootError'],
  ['remove through a link', (fs) => fs.remove('out/canary'), 'OutsideRootError'],
  ['dot-dot', (fs) => fs.openWrite('../x'), 'BadPathError'],
  ['absolute', (fs) => fs.mkdir('/tmp/x'), 'BadPathError'],
];

for (const [name, run, error] of refusals) {
  test(`refuses: ${name}`, async (t) => {
    const { fs, canary, outside } = setup(t);
    await t.throwsAsync(run(fs), { name: error });
    t.is(readFileSync(canary, 'utf8'), 'canary');
    t.false(existsSync(join(outside, 'x')));
    t.false(existsSync(join(outside, 'moved')));
  });
}

test('chmod and utimes never act through a link; remove deletes the link, not its target', async (t) => {
  const { fs, root, canary } = setup(t);
  const before = lstatSync(canary);
  await fs.chmod('leaf', 0o600);
  await fs.utimes('leaf', 1_000_000_000_000);
  const after = lstatSync(canary);
  t.is(after.mode, before.mode);
  t.is(after.mtimeMs, before.mtimeMs);
  await fs.remove('out');
  t.false(existsSync(join(root, 'out')));
  t.is(readFileSync(canary, 'utf8'), 'canary');
});

test('symlink creates the link itself and replaces files; rename replaces the destination', async (t) => {
  const { fs, root } = setup(t);
  writeFileSync(join(root, 'f'), 'x');
  await fs.symlink('f', '../anything');
  t.is(readlinkSync(join(root, 'f')), '../anything');
  await fs.mkdir('d/e');
  writeFileSync(join(root, 'g'), 'g');
  await fs.rename('g', 'd');
  t.is(readFileSync(join(root, 'd'), 'utf8'), 'g');
  t.is(await fs.stat('missing/x'), undefined);
});
