// Bandwidth limiting as pure arithmetic: the caller passes the clock in and sleeps itself.

export class TokenBucket {
  private rate = 0;
  private burst = 0;
  // Starts full: setRate caps it to the burst.
  private tokens = Number.POSITIVE_INFINITY;
  private lastMs: number | undefined;

  /** `bytesPerSecond` 0 means unlimited. The burst defaults to a tenth of a second's worth, at least 64 KiB. */
  constructor(bytesPerSecond: number, burstBytes?: number) {
    this.setRate(bytesPerSecond, burstBytes);
  }

  /** Changes the limit at runtime (the operator edits bwlimit); saved-up credit is capped to the new burst. */
  setRate(bytesPerSecond: number, burstBytes?: number): void {
    if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) {
      throw new RangeError(`rate must be a finite number of bytes per second, 0 for unlimited; got ${bytesPerSecond}`);
    }
    this.rate = bytesPerSecond;
    this.burst = burstBytes ?? Math.max(64 * 1024, bytesPerSecond / 10);
    this.tokens = Math.min(this.tokens, this.burst);
  }

  /**
   * Consumes `bytes` and returns how many milliseconds to wait before sending them. A send larger
   * than the bucket goes into debt, so the average rate holds whatever the chunk size.
   */
  delayFor(bytes: number, nowMs: number): number {
    if (this.rate === 0) return 0;
    if (this.lastMs !== undefined && nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000);
    }
    // A clock that steps backwards must not mint credit later.
    if (this.lastMs === undefined || nowMs > this.lastMs) this.lastMs = nowMs;
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }
}
