// `npm run bench`: doppel against rsync over ssh and against the machine's own limits, in one run
// (issue 4). Prints a table on stdout, progress on stderr, and writes bench/results/<date>.{json,md}.
import '../lib/polyfill.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCeilings } from './ceilings.js';
import { d1Spec, d2Spec, d3Spec, d4Spec, ensureDataset } from './datasets.js';
import { doppelMissing, measureDoppel } from './doppel.js';
import { inOwnNetns, runInOwnNetns } from './netns.js';
import { repoRoot } from './paths.js';
import { stopAll } from './procs.js';
import { buildRows, markdown, textTable, type Results } from './report.js';
import { measureRsync } from './rsync.js';
import { rsyncMissing } from './sshd.js';

const WORKLOADS = ['CEIL', 'W1', 'W2', 'W3', 'M2O', 'RTO'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(`usage: npm run bench -- [--quick] [--only ${WORKLOADS.join(',')}] [--keep] [--seed S]
  --quick   datasets ~16× smaller (D1 128 MiB, D2 1,250 files), for CI; under a minute
  --only    run only these workloads (CEIL = ceilings, M2O = many-to-one, RTO = failover time and failback bytes)
  --keep    keep the temp dir (daemon homes, logs, replicas) and print its path
  --seed    dataset and write-pattern seed (default 1); datasets are cached in bench/data by seed and size
`);
  process.exit(0);
}

const only = values.only?.split(',').map((s) => s.trim().toUpperCase());
const unknown = only?.filter((w) => !WORKLOADS.includes(w)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`unknown workload(s) ${unknown.join(', ')}: choose from ${WORKLOADS.join(', ')}\n`);
  process.exit(2);
}
const wants = (w: string): boolean => only === undefined || only.includes(w);

const t0 = performance.now();
function progress(what: string): void {
  process.stderr.write(`[bench +${((performance.now() - t0) / 1000).toFixed(1)}s] ${what}\n`);
}

const outer = await runInOwnNetns(progress);
if (outer !== undefined) process.exit(outer);

const quick = values.quick;
const seed = values.seed;
const root = repoRoot();
const work = mkdtempSync(join(tmpdir(), 'doppel-bench-'));

async function cleanup(): Promise<void> {
  await stopAll();
  if (values.keep) progress(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    progress(`${sig}: stopping what the bench started`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function section<T>(f: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (err) {
    progress(`error: ${(err as Error).message}`);
    return { error: (err as Error).message };
  }
}

try {
  const cache = join(root, 'bench', 'data');
  mkdirSync(cache, { recursive: true });
  progress(`datasets (cached in ${cache})`);
  const d1 = ensureDataset(d1Spec(quick, seed), cache);
  const d2 = ensureDataset(d2Spec(quick, seed), cache);
  const d3 = ensureDataset(d3Spec(quick, seed), cache);
  const d4 = ensureDataset(d4Spec(seed), cache);

  const date = new Date().toISOString().slice(0, 10);
  const results: Results = {
    date,
    quick,
    seed,
    machine: { node: process.version, cpus: cpus().length, kernel: release() },
    privateLoopback: inOwnNetns(),
    datasets: Object.fromEntries([d1, d2, d3, d4].map((d) => [d.name, { files: d.files.length, bytes: d.totalBytes }])),
    elapsedSeconds: 0,
  };

  if (wants('CEIL')) results.ceilings = await section(() => measureCeilings(work, quick, progress));

  if (wants('W1') || wants('W2')) {
    const missing = rsyncMissing();
    if (missing) {
      progress(`rsync column absent: ${missing}`);
      results.rsync = { absent: missing };
    } else {
      results.rsync = await section(() => measureRsync(work, d1, d2, seed, progress));
    }
  }

  if (wants('W1') || wants('W2') || wants('W3') || wants('M2O') || wants('RTO')) {
    progress('doppel: checking the CLI');
    const missing = await doppelMissing();
    if (missing) {
      progress(`doppel columns ${missing}`);
      results.doppel = { absent: missing };
    } else {
      results.doppel = await section(() => measureDoppel(join(work, 'doppel'), d1, d2, d3, d4, { quick, seed, only: wants, progress }));
    }
  }

  results.elapsedSeconds = (performance.now() - t0) / 1000;
  const rows = buildRows(results);
  process.stdout.write(`${textTable(rows)}\n`);
  const outDir = join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  // Quick runs (CI) get their own name so they never overwrite the day's full run.
  const base = join(outDir, quick ? `${date}-quick` : date);
  writeFileSync(`${base}.json`, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(results, rows));
  progress(`wrote ${base}.json and ${base}.md`);
} catch (err) {
  // Only a broken harness gets here (workload failures are recorded as results): exit non-zero.
  process.stderr.write(`bench harness failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
