// Human sizes and rates, in and out. Input follows rsync: K/M/G/T and KiB.. are powers of 1024,
// KB/MB/GB/TB are powers of 1000, a bare number is bytes.
import { UsageError } from '../errors.js';

export class BadUnitError extends UsageError {
  override name = 'BadUnitError';
}

const MULTIPLIERS: Record<string, number> = {
  '': 1, b: 1,
  k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
  kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3, tb: 1000 ** 4,
};

const SIZE_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i;

function parseAmount(text: string, what: string, example: string): number {
  const m = SIZE_RE.exec(text);
  const mult = m ? MULTIPLIERS[m[2]!.toLowerCase()] : undefined;
  if (!m || mult === undefined) {
    throw new BadUnitError(`cannot read ${what} ${JSON.stringify(text)}; write a number with an optional unit, e.g. ${example} (K/M/G/T and KiB/MiB/GiB = 1024-based, KB/MB/GB = 1000-based)`);
  }
  const n = Math.round(Number(m[1]) * mult);
  if (!Number.isSafeInteger(n)) throw new BadUnitError(`${what} ${JSON.stringify(text)} is too large`);
  return n;
}

/** '4096' → 4096, '64k' → 65536, '50MB' → 50e6, '1.5GiB' → 1610612736. */
export function parseSize(text: string): number {
  return parseAmount(text, 'size', "'4096', '64k', '50MB' or '1.5GiB'");
}

/** Bytes per second; '/s' is optional; 0 or 'unlimited' means no limit. */
export function parseRate(text: string): number {
  if (/^\s*unlimited\s*$/i.test(text)) return 0;
  return parseAmount(text.replace(/\s*\/\s*s\s*$/i, ''), 'rate', "'50MB/s', '10M' or 'unlimited'");
}

const DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i;
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** '250ms' → 250, '1s' → 1000, '1.5s' → 1500, '2m' → 120000; a bare number is milliseconds. */
export function parseDuration(text: string): number {
  const m = DURATION_RE.exec(text);
  if (!m) throw new BadUnitError(`cannot read the duration ${JSON.stringify(text)}; write e.g. 250ms, 1s, 1.5s or 2m`);
  const ms = Math.round(Number(m[1]) * DURATION_MS[(m[2] ?? 'ms').toLowerCase()]!);
  if (!Number.isSafeInteger(ms)) throw new BadUnitError(`the duration ${JSON.stringify(text)} is too long`);
  return ms;
}

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → '1.5 KiB', 200 MiB → '200 MiB'. */
export function formatBytes(n: number): string {
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1024 && u < IEC.length - 1) { v /= 1024; u++; }
  const sign = n < 0 ? '-' : '';
  if (u === 0) return `${sign}${v} B`;
  return `${sign}${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${IEC[u]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** 850 → '850 ms', 4200 → '4.2 s', 185000 → '3m 05s', 7380000 → '2h 03m', 273600000 → '3d 04h'. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const pad = (x: number): string => String(x).padStart(2, '0');
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor(s / 60) % 60)}m`;
  return `${Math.floor(s / 86_400)}d ${pad(Math.floor(s / 3600) % 24)}h`;
}
