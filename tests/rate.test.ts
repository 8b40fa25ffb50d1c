import '../lib/polyfill.js';
import test from 'ava';
import { TokenBucket } from '../lib/core/rate.js';
import { BadUnitError, formatBytes, formatDuration, formatRate, parseRate, parseSize } from '../lib/core/units.js';

test('unlimited never waits', (t) => {
  const b = new TokenBucket(0);
  t.is(b.delayFor(1e12, 0), 0);
});

test('a burst passes, then sends are paced at the rate', (t) => {
  const b = new TokenBucket(1000, 500);
  t.is(b.delayFor(500, 0), 0);
  t.is(b.delayFor(100, 0), 100);
  // 100 ms later the debt is repaid; 250 more bytes need 250 ms.
  t.is(b.delayFor(250, 100), 250);
});

test('a send bigger than the burst goes into debt proportionally', (t) => {
  const b = new TokenBucket(1_000_000, 100_000);
  t.is(b.delayFor(1_100_000, 0), 1000);
});

test('credit does not accumulate beyond the burst', (t) => {
  const b = new TokenBucket(1000, 100);
  t.is(b.delayFor(100, 0), 0);
  t.is(b.delayFor(100, 60_000), 0);
  t.is(b.delayFor(100, 60_000), 100);
});

test('average rate holds over a long run of chunks', (t) => {
  const b = new TokenBucket(10 * 1024 * 1024);
  let now = 0;
  const chunk = 256 * 1024;
  for (let i = 0; i < 400; i++) now += b.delayFor(chunk, now);
  const rate = (400 * chunk) / (now / 1000);
  t.true(Math.abs(rate - 10 * 1024 * 1024) / (10 * 1024 * 1024) < 0.02, `rate ${rate}`);
});

test('a clock stepping back does not mint credit', (t) => {
  const b = new TokenBucket(1000, 100);
  t.is(b.delayFor(100, 1000), 0);
  t.is(b.delayFor(100, 500), 100);
  // Credit is counted from the latest time seen, 1000, not from 500.
  t.is(b.delayFor(0, 1000), 100);
  t.is(b.delayFor(0, 1100), 0);
});

test('setRate changes the pace and caps saved credit', (t) => {
  const b = new TokenBucket(1000, 1000);
  b.setRate(100, 10);
  t.is(b.delayFor(20, 0), 100);
  t.throws(() => b.setRate(-1));
});

const sizes: Array<[string, number]> = [
  ['4096', 4096], ['0', 0], ['64k', 65536], ['64K', 65536], ['1.5GiB', 1610612736], ['50MB', 50_000_000],
  ['2 MiB', 2 * 1024 * 1024], ['1g', 1024 ** 3], ['10b', 10], ['1TB', 1e12], ['.5k', 512],
];
for (const [text, n] of sizes) test(`parseSize ${JSON.stringify(text)}`, (t) => t.is(parseSize(text), n));

const rates: Array<[string, number]> = [['50MB/s', 50_000_000], ['50MB', 50_000_000], ['10M/s', 10 * 1024 * 1024], ['0', 0], ['unlimited', 0], ['1 KiB / s', 1024]];
for (const [text, n] of rates) test(`parseRate ${JSON.stringify(text)}`, (t) => t.is(parseRate(text), n));

for (const bad of ['', 'abc', '-5', '10 parsecs', '5MB/h', '1e3', '99999999999TB']) {
  test(`rejects ${JSON.stringify(bad)} with a hint`, (t) => {
    const err = t.throws(() => (bad.includes('/') ? parseRate(bad) : parseSize(bad)), { instanceOf: BadUnitError });
    t.is(err?.name, 'BadUnitError');
  });
}

test('formatting', (t) => {
  t.is(formatBytes(0), '0 B');
  t.is(formatBytes(1023), '1023 B');
  t.is(formatBytes(1536), '1.5 KiB');
  t.is(formatBytes(200 * 1024 * 1024), '200 MiB');
  t.is(formatBytes(1.25 * 1024 ** 4), '1.3 TiB');
  t.is(formatRate(50 * 1024 * 1024), '50.0 MiB/s');
  t.is(formatDuration(850), '850 ms');
  t.is(formatDuration(4200), '4.2 s');
  t.is(formatDuration(42_000), '42 s');
  t.is(formatDuration(185_000), '3m 05s');
  t.is(formatDuration(7_380_000), '2h 03m');
  t.is(formatDuration(273_600_000), '3d 04h');
});
