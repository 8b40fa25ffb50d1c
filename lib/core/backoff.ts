// Exponential retry backoff: the wait after the nth failure in a row doubles from a first wait up
// to a ceiling, so a peer that is down is not hammered and one that returns is found soon.

export interface Backoff {
  /** Wait after the first failure (ms). */
  firstMs: number;
  /** The ceiling (ms). */
  maxMs: number;
}

/** The wait after `failures` failures in a row (0 before any). */
export function backoffDelay(failures: number, backoff: Backoff): number {
  if (failures <= 0) return 0;
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** (failures - 1));
}
