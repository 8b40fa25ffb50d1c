import '../lib/polyfill.js';
import test from 'ava';
import { applyStepToView, planBytes, planPaths, planTree, type PlanStep, type TargetView, type TreeEntry } from '../lib/core/plan.js';

const BS = 4096;
const OPTS = { blockSize: BS };

/** A block map from one letter per block: 'aab' = three blocks, the first two alike. */
function map(blocks: string): Uint8Array {
  const out = new Uint8Array(blocks.length * 8);
  for (let i = 0; i < blocks.length; i++) out.fill(blocks.charCodeAt(i), i * 8, i * 8 + 8);
  return out;
}

const file = (path: string, blocks: string, size = blocks.length * BS, mode = 0o644, mtimeMs = 1000): TreeEntry =>
  ({ path, type: 'file', size, mode, mtimeMs, hashes: map(blocks) });
const dir = (path: string, mode = 0o755): TreeEntry => ({ path, type: 'dir', size: 0, mode, mtimeMs: 5 });
const link = (path: string, target: string): TreeEntry => ({ path, type: 'symlink', size: target.length, mode: 0o777, mtimeMs: 0, linkTarget: target });

function tree(...entries: TreeEntry[]): Map<string, TreeEntry> {
  return new Map(entries.map((e) => [e.path, e]));
}

function view(entries: TreeEntry[], staged: TreeEntry[] = []): TargetView {
  return { entries: tree(...entries), staged: tree(...staged) };
}

/** Steps reduced to what the table compares: op, path, and ranges in blocks. */
function brief(steps: PlanStep[]): string[] {
  return steps.map((s) => {
    switch (s.op) {
      case 'stage':
      case 'patch':
        return `${s.op} ${s.path}${s.op === 'stage' && s.base ? ' base' : ''}${s.op === 'patch' && s.resize ? ' resize' : ''} [${s.ranges.map((r) => `${r.offset / BS}+${Math.ceil(r.length / BS)}`).join(',')}]`;
      case 'symlink':
        return `symlink ${s.path} -> ${s.target}`;
      case 'rename':
        return `rename ${s.from} -> ${s.to}`;
      default:
        return `${s.op} ${s.path}`;
    }
  });
}

const big = 'a'.repeat(512); // 2 MiB: above the stage-below threshold, so changes patch in place

const cases: Array<{ name: string; source: TreeEntry[]; target: TreeEntry[]; staged?: TreeEntry[]; want: string[] }> = [
  { name: 'identical trees need nothing', source: [dir('d'), file('d/f', 'ab')], target: [dir('d'), file('d/f', 'ab')], want: [] },
  { name: 'empty target gets dirs parents-first, then files whole', source: [file('d/e/f', 'abc'), dir('d/e'), dir('d')], target: [], want: ['mkdir d', 'mkdir d/e', 'stage d/e/f [0+3]'] },
  { name: 'a small changed file is rebuilt in staging from its base', source: [file('f', 'abc')], target: [file('f', 'abx')], want: ['stage f base [2+1]'] },
  { name: 'a large file with one changed block is patched in place', source: [file('img', big.slice(0, 100) + 'z' + big.slice(101))], target: [file('img', big)], want: ['patch img [100+1]'] },
  { name: 'a large file truncated at a block boundary only resizes', source: [file('img', big.slice(0, 300))], target: [file('img', big)], want: ['patch img resize []'] },
  { name: 'a large file extended sends the new blocks', source: [file('img', big + 'bb')], target: [file('img', big)], want: ['patch img resize [512+2]'] },
  { name: 'a mode change alone is an attr step', source: [file('f', 'ab', 2 * BS, 0o600)], target: [file('f', 'ab')], want: ['attr f'] },
  { name: 'an mtime change alone is an attr step', source: [file('f', 'ab', 2 * BS, 0o644, 2000)], target: [file('f', 'ab')], want: ['attr f'] },
  { name: 'removing a directory prunes removals beneath it, deepest first', source: [], target: [dir('d'), file('d/f', 'a'), dir('d/e'), file('d/e/g', 'b'), file('x', 'c')], want: ['remove d', 'remove x'] },
  { name: 'a file that became a directory is removed first', source: [dir('p'), file('p/q', 'a')], target: [file('p', 'z')], want: ['remove p', 'mkdir p', 'stage p/q [0+1]'] },
  { name: 'a changed symlink target is replaced', source: [link('l', 'new')], target: [link('l', 'old')], want: ['symlink l -> new'] },
  { name: 'a staged partial file resumes with only what it lacks', source: [file('big', 'abcd')], target: [], staged: [file('big', 'ab\0\0')], want: ['stage big [2+2]'] },
  { name: 'a moved file is renamed on the target, not resent', source: [file('new/disk.img', big)], target: [file('disk.img', big)], want: ['rename disk.img -> new/disk.img', 'remove disk.img'] },
  { name: 'a renamed directory moves its files and removes the old directory after', source: [dir('b'), file('b/x', 'ab'), file('b/y', 'cd')], target: [dir('a'), file('a/x', 'ab'), file('a/y', 'cd')], want: ['mkdir b', 'rename a/x -> b/x', 'rename a/y -> b/y', 'remove a'] },
  { name: 'a moved file with a new mode is renamed then chmodded', source: [file('g', 'ab', 2 * BS, 0o600)], target: [file('f', 'ab')], want: ['rename f -> g', 'attr g', 'remove f'] },
  { name: 'a copy (the old file stays) is sent, not renamed', source: [file('f', 'ab'), file('g', 'ab')], target: [file('f', 'ab')], want: ['stage g [0+2]'] },
  { name: 'a zero-byte file is staged with no ranges', source: [file('zero', '', 0)], target: [], want: ['stage zero []'] },
];

for (const c of cases) {
  test(`plan: ${c.name}`, (t) => {
    t.deepEqual(brief(planTree(tree(...c.source), view(c.target, c.staged), OPTS)), c.want);
  });
}

test('plan: applying the steps to the view makes the next plan empty', (t) => {
  const source = tree(dir('d'), file('d/f', 'abc'), link('d/l', 'f'), file('img', big));
  const target = view([file('d', 'x'), file('old', 'y'), file('img', big.replace(/^a/, 'q'))]);
  const steps = planTree(source, target, OPTS);
  for (const step of steps) applyStepToView(target, step);
  t.deepEqual(planTree(source, target, OPTS), []);
});

test('plan: planPaths plans only the named paths and removes vanished ones', (t) => {
  const source = new Map<string, TreeEntry | null>([['a', file('a', 'ab')], ['gone', null]]);
  const target = view([file('a', 'aa'), file('gone', 'x'), file('untouched', 'y')]);
  t.deepEqual(brief(planPaths(['a', 'gone'], source, target, OPTS)), ['remove gone', 'stage a base [1+1]']);
});

test('plan: planBytes counts only the data that travels', (t) => {
  const steps = planTree(tree(file('a', 'abc'), file('b', 'x', 100)), view([file('a', 'abz')]), OPTS);
  t.is(planBytes(steps), BS + 100);
});

test('plan: a file scanned without hashes is sent whole, never matched as a move', (t) => {
  const moved = file('old', 'ab');
  const unhashed: TreeEntry = { path: 'new', type: 'file', size: 2 * BS + 10, mode: 0o600, mtimeMs: 7 };
  const steps = planTree(tree(unhashed), view([moved]), { ...OPTS, maxRunBytes: 2 * BS });
  const stage = steps.find((s) => s.op === 'stage');
  t.truthy(stage);
  if (stage?.op !== 'stage') return;
  t.true(stage.unhashed);
  t.false(stage.base);
  t.deepEqual(stage.ranges, [{ offset: 0, length: 2 * BS }, { offset: 2 * BS, length: 10 }]);
  t.is(stage.hashes.length, 3 * 8, 'a slot per block for the sender to fill');
  t.false(steps.some((s) => s.op === 'rename'));
});
