import '../lib/polyfill.js';
import test from 'ava';
import { blockCount, BlockMapError, changedRanges, DIGEST_BYTES, equalDigests } from '../lib/core/blocks.js';

// A block map from one small number per block (each digest is that byte repeated).
function map(...blocks: number[]): Uint8Array {
  const out = new Uint8Array(blocks.length * DIGEST_BYTES);
  blocks.forEach((b, i) => out.fill(b, i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));
  return out;
}

test('blockCount', (t) => {
  const cases: Array<[size: number, bs: number, n: number]> = [[0, 4096, 0], [1, 4096, 1], [4096, 4096, 1], [4097, 4096, 2], [10, 3, 4]];
  for (const [size, bs, n] of cases) t.is(blockCount(size, bs), n, `${size}/${bs}`);
  t.throws(() => blockCount(10, 0), { instanceOf: BlockMapError });
});

test('equalDigests', (t) => {
  t.true(equalDigests(map(1, 2), map(1, 2)));
  t.false(equalDigests(map(1, 2), map(1, 3)));
  t.false(equalDigests(map(1), map(1, 1)));
});

const BS = 10;
const cases: Array<{ name: string; old: Uint8Array | undefined; new: Uint8Array; size: number; maxRun?: number; expect: Array<[number, number]> }> = [
  { name: 'new file: everything', old: undefined, new: map(1, 2, 3), size: 25, expect: [[0, 25]] },
  { name: 'empty file: nothing', old: undefined, new: map(), size: 0, expect: [] },
  { name: 'unchanged: nothing', old: map(1, 2, 3), new: map(1, 2, 3), size: 30, expect: [] },
  { name: 'one block in the middle', old: map(1, 2, 3), new: map(1, 9, 3), size: 30, expect: [[10, 10]] },
  { name: 'neighbours coalesce', old: map(1, 2, 3, 4), new: map(9, 9, 3, 9), size: 40, expect: [[0, 20], [30, 10]] },
  { name: 'appended short tail', old: map(1, 2), new: map(1, 2, 7), size: 23, expect: [[20, 3]] },
  { name: 'changed short last block', old: map(1, 2, 3), new: map(1, 2, 8), size: 27, expect: [[20, 7]] },
  { name: 'shrunk: no ranges, size travels separately', old: map(1, 2, 3), new: map(1, 2), size: 20, expect: [] },
  { name: 'runs split at maxRunBytes', old: undefined, new: map(1, 2, 3, 4, 5), size: 45, maxRun: 20, expect: [[0, 20], [20, 20], [40, 5]] },
  { name: 'maxRunBytes below a block still moves one block', old: undefined, new: map(1, 2), size: 20, maxRun: 3, expect: [[0, 10], [10, 10]] },
  { name: 'maxRunBytes rounds down to whole blocks', old: undefined, new: map(1, 2, 3), size: 30, maxRun: 25, expect: [[0, 20], [20, 10]] },
];

for (const c of cases) {
  test(`changedRanges: ${c.name}`, (t) => {
    const got = changedRanges(c.old, c.new, c.size, BS, c.maxRun);
    t.deepEqual(got.map((r) => [r.offset, r.length]), c.expect);
  });
}

test('changedRanges rejects a map that does not fit the size', (t) => {
  t.throws(() => changedRanges(undefined, map(1), 25, BS), { instanceOf: BlockMapError });
});
