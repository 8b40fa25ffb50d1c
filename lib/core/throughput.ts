// Throughput as an exponentially weighted average of a byte counter sampled about once a second.
// Both roles use it: the source samples bytes the target acknowledged, the target bytes received.

export interface Throughput {
  /** The average, in bytes per second. */
  bps: number;
  /** The counter at the last sample, and when it was taken (ms; 0 before the first). */
  lastBytes: number;
  lastAt: number;
}

export const NO_THROUGHPUT: Throughput = { bps: 0, lastBytes: 0, lastAt: 0 };

/** Each sample weighs as much as all earlier ones: a change shows within a few seconds. */
const WEIGHT = 0.5;

/** The average after reading `bytes` from the counter at `now`. */
export function sampleThroughput(prev: Throughput, bytes: number, now: number): Throughput {
  // A counter that went back (a new session counts from 0) or a clock that did not advance says
  // nothing about the rate: start again from this sample.
  if (prev.lastAt > 0 && bytes >= prev.lastBytes && now > prev.lastAt) {
    const rate = ((bytes - prev.lastBytes) * 1000) / (now - prev.lastAt);
    return { bps: prev.bps * (1 - WEIGHT) + rate * WEIGHT, lastBytes: bytes, lastAt: now };
  }
  return { bps: prev.bps, lastBytes: bytes, lastAt: now };
}
