// The daemon's clock, injected through DaemonContext so tests can drive time (countdowns, lag,
// stalls) instead of waiting for it. Wall-clock ms, as Date.now(): times are persisted and shown.

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
