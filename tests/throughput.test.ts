import '../lib/polyfill.js';
import test from 'ava';
import { NO_THROUGHPUT, sampleThroughput } from '../lib/core/throughput.js';

/** Feeds `[bytes, atMs]` samples from nothing and returns the rounded average after each. */
function run(samples: Array<[number, number]>): number[] {
  let t = NO_THROUGHPUT;
  return samples.map(([bytes, at]) => {
    t = sampleThroughput(t, bytes, at);
    return Math.round(t.bps);
  });
}

const cases: Array<{ name: string; samples: Array<[number, number]>; want: number[] }> = [
  { name: 'the first sample only sets the baseline', samples: [[5000, 1000]], want: [0] },
  { name: 'a steady rate is approached by halves', samples: [[0, 1000], [1000, 2000], [2000, 3000], [3000, 4000]], want: [0, 500, 750, 875] },
  { name: 'the rate is per second whatever the sampling interval', samples: [[0, 1000], [1000, 1500]], want: [0, 1000] },
  { name: 'no new bytes decays the average', samples: [[0, 1000], [4000, 2000], [4000, 3000], [4000, 4000]], want: [0, 2000, 1000, 500] },
  { name: 'a counter that went back (a new session) is a new baseline, not a negative rate', samples: [[0, 1000], [4000, 2000], [100, 3000], [1100, 4000]], want: [0, 2000, 2000, 1500] },
  { name: 'a clock that did not advance adds nothing', samples: [[0, 1000], [4000, 1000]], want: [0, 0] },
];

for (const c of cases) {
  test(`throughput: ${c.name}`, (t) => {
    t.deepEqual(run(c.samples), c.want);
  });
}
