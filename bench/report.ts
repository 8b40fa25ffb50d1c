import type { Ceilings } from './ceilings.js';
import type { DoppelResults, LatencyResult, Outcome, RtoResult, W1Result } from './doppel.js';
import type { RsyncResults, TransferResult } from './rsync.js';

export interface Results {
  date: string;
  quick: boolean;
  seed: string;
  machine: { node: string; cpus: number; kernel: string };
  /** True when the run had a network namespace of its own, so loopback counters are the bench's alone. */
  privateLoopback: boolean;
  datasets: Record<string, { files: number; bytes: number }>;
  ceilings?: Ceilings | { error: string };
  rsync?: RsyncResults | { absent: string } | { error: string };
  doppel?: Partial<DoppelResults> | { absent: string } | { error: string };
  elapsedSeconds: number;
}

export interface Row {
  workload: string;
  doppel: string;
  rsync: string;
  ratio: string;
  target: string;
  verdict: 'pass' | 'fail' | 'n/a' | '';
}

const MiB = 2 ** 20;

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

function errorOf(v: unknown): string | undefined {
  if (v === undefined) return 'not run';
  if (typeof v === 'object' && v !== null) {
    if ('absent' in v) return String((v as { absent: string }).absent);
    if ('error' in v) return `error: ${String((v as { error: string }).error)}`;
  }
  return undefined;
}

function ok<T>(v: Outcome<T> | undefined): v is T {
  return v !== undefined && !(typeof v === 'object' && v !== null && 'error' in v);
}

function verdict(pass: boolean | undefined): Row['verdict'] {
  return pass === undefined ? 'n/a' : pass ? 'pass' : 'fail';
}

/** The table issue 4 asks for: each workload, both tools, their ratio, the target and pass/fail. */
export function buildRows(r: Results): Row[] {
  const rows: Row[] = [];
  const c = r.ceilings;
  if (c && !('error' in c)) {
    const p2p = typeof c.libp2pNoiseYamuxMBps === 'number' ? `${fmt(c.libp2pNoiseYamuxMBps)} MB/s` : c.libp2pNoiseYamuxMBps;
    rows.push({ workload: 'ceiling: raw TCP loopback', doppel: `${fmt(c.tcpLoopbackMBps)} MB/s`, rsync: '', ratio: '', target: '', verdict: '' });
    rows.push({ workload: 'ceiling: libp2p noise+yamux stream', doppel: p2p, rsync: '', ratio: '', target: '', verdict: '' });
    rows.push({ workload: 'ceiling: disk write (dd conv=fsync)', doppel: `${fmt(c.diskWriteFsyncMBps)} MB/s`, rsync: '', ratio: '', target: '', verdict: '' });
    rows.push({ workload: 'ceiling: node:crypto sha256', doppel: `${fmt(c.sha256MBps)} MB/s`, rsync: '', ratio: '', target: '', verdict: '' });
  } else {
    rows.push({ workload: 'ceilings', doppel: errorOf(c) ?? '', rsync: '', ratio: '', target: '', verdict: '' });
  }

  const rs = r.rsync && !('absent' in r.rsync) && !('error' in r.rsync) ? r.rsync : undefined;
  const rsNote = rs ? undefined : errorOf(r.rsync);
  const dp = r.doppel && !('absent' in r.doppel) && !('error' in r.doppel) ? r.doppel : undefined;
  const dpNote = dp ? undefined : errorOf(r.doppel);
  const dCell = <T>(v: Outcome<T> | undefined, f: (x: T) => string): string => (dpNote ?? (ok(v) ? f(v) : errorOf(v)!));
  const rCell = (v: TransferResult | undefined, f: (x: TransferResult) => string): string => rsNote ?? (v ? f(v) : 'not run');

  const w1 = (label: string, d: Outcome<W1Result> | undefined, x: TransferResult | undefined, need: number): void => {
    const ratio = ok(d) && x ? d.MBps / x.MBps : undefined;
    rows.push({
      workload: `W1 ${label} mirror MB/s`,
      doppel: dCell(d, (v) => `${fmt(v.MBps)} MB/s${v.verified === 'ok' ? '' : ` (replica: ${v.verified})`}`),
      rsync: rCell(x, (v) => `${fmt(v.MBps)} MB/s${v.verified === 'ok' ? '' : ` (copy: ${v.verified})`}`),
      ratio: ratio === undefined ? '' : `${fmt(ratio, 2)}×`,
      target: `≥ ${need}× rsync`,
      verdict: verdict(ratio === undefined ? undefined : ratio >= need && ok(d) && d.verified === 'ok'),
    });
    rows.push({
      workload: `W1 ${label} CPU s (source + target)`,
      doppel: dCell(d, (v) => `${fmt(v.sourceCpuSeconds)} + ${fmt(v.targetCpuSeconds)}`),
      rsync: rCell(x, (v) => `${fmt(v.clientCpuSeconds)} + ${fmt(v.serverCpuSeconds)}`),
      ratio: ok(d) && x ? `${fmt((d.sourceCpuSeconds + d.targetCpuSeconds) / (x.clientCpuSeconds + x.serverCpuSeconds), 2)}×` : '',
      target: '',
      verdict: '',
    });
  };
  w1('D1', dp?.w1d1, rs?.w1d1, 2.0);
  const d1 = dp?.w1d1;
  rows.push({
    workload: 'W1 D1 daemon peak RSS (source / target)',
    doppel: dCell(d1, (v) => `${fmt(v.sourcePeakRssBytes / MiB, 0)} / ${fmt(v.targetPeakRssBytes / MiB, 0)} MiB`),
    rsync: '',
    ratio: '',
    target: '≤ 250 MiB',
    verdict: verdict(ok(d1) ? Math.max(d1.sourcePeakRssBytes, d1.targetPeakRssBytes) <= 250 * MiB : undefined),
  });
  w1('D2', dp?.w1d2, rs?.w1d2, 1.5);

  const w2 = dp?.w2;
  rows.push({
    workload: 'W2 64×4 KiB writes: bytes on the wire',
    doppel: dCell(w2, (v) => `${v.wireBytes === null ? 'n/a (no counters in status)' : `${fmt(v.wireBytes / 1024)} KiB`} (lo ${fmt(v.loopbackBytes / 1024)} KiB)`),
    rsync: rCell(rs?.w2, (v) => `${fmt(v.wireBytes / 1024)} KiB (lo ${fmt(v.loopbackBytes / 1024)} KiB)`),
    ratio: ok(w2) && w2.wireBytes !== null && rs ? `${fmt(w2.wireBytes / rs.w2.wireBytes, 2)}×` : '',
    target: '≤ 1 MiB',
    verdict: verdict(ok(w2) && w2.wireBytes !== null ? w2.wireBytes <= MiB && w2.verified === 'ok' : undefined),
  });
  const w2ratio = ok(w2) && rs ? w2.secondsUntilMatch / rs.w2.wallSeconds : undefined;
  rows.push({
    workload: 'W2 time until the replica matches',
    doppel: dCell(w2, (v) => `${fmt(v.secondsUntilMatch, 3)} s${v.verified === 'ok' ? '' : ` (replica: ${v.verified})`}`),
    rsync: rCell(rs?.w2, (v) => `${fmt(v.wallSeconds, 3)} s`),
    ratio: w2ratio === undefined ? '' : `${fmt(w2ratio, 2)}×`,
    target: '≤ 0.5× rsync',
    verdict: verdict(w2ratio === undefined ? undefined : w2ratio <= 0.5),
  });

  const lat = (label: string, v: Outcome<LatencyResult> | undefined, p50: number, p99?: number): void => {
    rows.push({
      workload: `W3 ${label} change latency p50 / p99 / max`,
      doppel: dCell(v, (x) => `${fmt(x.p50Ms)} / ${fmt(x.p99Ms)} / ${fmt(x.maxMs)} ms (${x.trials} trials${x.timeouts ? `, ${x.timeouts} timed out` : ''})`),
      rsync: '',
      ratio: '',
      target: p99 === undefined ? `p50 ≤ ${p50} ms` : `p50 ≤ ${p50}, p99 ≤ ${p99} ms`,
      verdict: verdict(ok(v) ? v.p50Ms <= p50 && (p99 === undefined || v.p99Ms <= p99) && v.timeouts === 0 : undefined),
    });
  };
  lat('small file', dp?.w3small, 50, 200);
  // Named by its real size: --quick shrinks D1 to 128 MiB.
  const imageBytes = Object.entries(r.datasets).find(([k]) => k.startsWith('D1'))?.[1]?.bytes;
  lat(imageBytes === undefined ? 'D1 image' : `${imageBytes >= 2 ** 30 ? `${imageBytes / 2 ** 30} GiB` : `${Math.round(imageBytes / 2 ** 20)} MiB`} image`, dp?.w3image, 500);

  const m = dp?.manyToOne;
  const mRatio = ok(m) ? m.aggregateMBps / m.singleMBps : undefined;
  rows.push({
    workload: `many-to-one: ${ok(m) ? m.sources : 8} sources aggregate vs 1`,
    doppel: dCell(m, (v) => `${fmt(v.aggregateMBps)} vs ${fmt(v.singleMBps)} MB/s${v.verified === 'ok' ? '' : ` (replica: ${v.verified})`}`),
    rsync: '',
    ratio: mRatio === undefined ? '' : `${fmt(mRatio, 2)}×`,
    target: '≥ 0.8× single',
    verdict: verdict(mRatio === undefined ? undefined : mRatio >= 0.8 && ok(m) && m.verified === 'ok'),
  });
  const rto = (label: string, v: Outcome<RtoResult> | undefined, limit: number): void => {
    rows.push({
      workload: `RTO ${label}: source SIGKILLed -> promoted, hook started`,
      doppel: dCell(v, (x) => `${fmt(x.seconds, 2)} s (heartbeat ${x.heartbeatMs} ms × ${x.missed}, auto, 1 witness)`),
      rsync: '',
      ratio: '',
      target: `≤ ${limit} s`,
      verdict: verdict(ok(v) ? v.seconds <= limit : undefined),
    });
  };
  rto('default', dp?.rtoDefault, 5);
  rto('--heartbeat 250ms --missed 4', dp?.rtoTuned, 2);
  const fb = dp?.failback;
  rows.push({
    workload: `failback after 64 × 4 KiB writes on the promoted ${imageBytes === undefined ? 'D1' : `${Math.round(imageBytes / 2 ** 20)} MiB`} image`,
    doppel: dCell(fb, (x) => `${fmt(x.wireBytes / 1024)} KiB on the wire, ${fmt(x.seconds, 1)} s${x.verified === 'ok' ? '' : ` (${x.verified})`}`),
    rsync: '',
    ratio: '',
    target: '≤ 1 MiB',
    verdict: verdict(ok(fb) ? fb.wireBytes <= MiB && fb.verified === 'ok' : undefined),
  });
  return rows;
}

const HEADERS = ['workload', 'doppel', 'rsync', 'ratio', 'target', 'pass/fail'];

function cells(row: Row): string[] {
  return [row.workload, row.doppel, row.rsync, row.ratio, row.target, row.verdict];
}

/** Plain aligned columns for a terminal or a CI log. */
export function textTable(rows: Row[]): string {
  const all = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]): string => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map((r) => line(cells(r)))].join('\n');
}

export function markdown(r: Results, rows: Row[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const size = (b: number): string => (b >= MiB ? `${(b / MiB).toFixed(0)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
  const ds = Object.entries(r.datasets).map(([k, v]) => `${k}: ${v.files} file(s), ${size(v.bytes)}`).join('; ');
  return [
    `# doppel bench, ${r.date}${r.quick ? ' (--quick)' : ''}`,
    '',
    `Node ${r.machine.node}, ${r.machine.cpus} CPUs, Linux ${r.machine.kernel}; seed ${r.seed}; ${ds}; run took ${r.elapsedSeconds.toFixed(0)} s.`,
    'Ceiling rows are the machine\'s limits, measured in the same run (shown in the doppel column). Ratios are measured in the same run; absolute numbers drift on a shared machine. rsync is `rsync -a` (W2: `-a --inplace --no-whole-file`) over ssh to a throwaway sshd on 127.0.0.1.',
    r.privateLoopback
      ? 'The run had its own network namespace: loopback (lo) byte counts are the bench\'s alone, including TCP/IP, noise and ssh framing.'
      : 'Loopback (lo) byte counts are machine-wide (no private network namespace) and include TCP/IP, noise and ssh framing.',
    '',
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(esc).join(' | ')} |`),
    '',
  ].join('\n');
}
