import '../lib/polyfill.js';
import test from 'ava';
import { backoffDelay } from '../lib/core/backoff.js';

const policy = { firstMs: 250, maxMs: 10_000 };

const cases: Array<[failures: number, wantMs: number]> = [
  [0, 0],
  [1, 250],
  [2, 500],
  [3, 1000],
  [6, 8000],
  [7, 10_000],
  [50, 10_000],
  [5000, 10_000],
];

for (const [failures, want] of cases) {
  test(`backoff after ${failures} failure(s) in a row is ${want} ms`, (t) => {
    t.is(backoffDelay(failures, policy), want);
  });
}
