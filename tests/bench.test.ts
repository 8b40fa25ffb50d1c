import test from 'ava';
import { d2Spec, randomAlignedWrites } from '../bench/datasets.js';
import { ByteStream, Rng } from '../bench/prng.js';
import { textTable, type Row } from '../bench/report.js';

test('the dataset generator is deterministic per seed, so cached datasets and results are comparable', (t) => {
  t.deepEqual(new ByteStream('1').next(4096), new ByteStream('1').next(4096));
  t.notDeepEqual(new ByteStream('1').next(4096), new ByteStream('2').next(4096));
  const a = new Rng('x');
  const b = new Rng('x');
  t.deepEqual([a.int(1000), a.int(1000), a.float()], [b.int(1000), b.int(1000), b.float()]);
});

test('D2 matches issue 4: 20,000 files of 1 KiB–1 MiB, skewed small, about 1 GiB', (t) => {
  const sizes = d2Spec(false, '1').sizes;
  const total = sizes.reduce((a, b) => a + b, 0);
  t.is(sizes.length, 20000);
  t.true(Math.min(...sizes) >= 1024 && Math.max(...sizes) <= 1024 * 1024);
  t.true(total > 0.8 * 2 ** 30 && total < 1.3 * 2 ** 30, `total ${total}`);
  const sorted = [...sizes].sort((a, b) => a - b);
  t.true(sorted[sizes.length / 2]! < 64 * 1024, 'median below 64 KiB');
});

test('W2 writes are 64 distinct 4 KiB-aligned blocks inside the file', (t) => {
  const writes = randomAlignedWrites('', 128 * 2 ** 20, 64, '1');
  t.is(new Set(writes.map((w) => w.offset)).size, 64);
  for (const w of writes) {
    t.is(w.offset % 4096, 0);
    t.true(w.offset + w.data.length <= 128 * 2 ** 20);
  }
});

test('the table aligns columns whatever the cell widths', (t) => {
  const rows: Row[] = [{ workload: 'W1 D1 mirror MB/s', doppel: '10.0 MB/s', rsync: '5.0 MB/s', ratio: '2.00×', target: '≥ 2× rsync', verdict: 'pass' }];
  const lines = textTable(rows).split('\n');
  t.is(lines.length, 3);
  t.is(lines[0]!.indexOf('| doppel'), lines[2]!.indexOf('| 10.0'));
  t.true(lines[2]!.endsWith('pass'));
});
