import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyWrites, compareTree, datasetDir, randomAlignedWrites, rollBack, saveUndo, type Dataset } from './datasets.js';
import { HarnessError, loopbackBytes, reapedChildrenCpuSeconds, run, sleep } from './procs.js';
import { startSshd, type Sshd } from './sshd.js';

export interface TransferResult {
  wallSeconds: number;
  MBps: number;
  /** rsync + ssh on the sending side (children of the bench, reaped). */
  clientCpuSeconds: number;
  /** sshd + rsync --server on the receiving side (reaped by the bench's sshd). */
  serverCpuSeconds: number;
  /** rsync's own --stats: total bytes sent + received by the client. */
  wireBytes: number;
  /** Loopback interface bytes in the same interval: includes ssh and TCP overhead, and any other loopback traffic on the machine. */
  loopbackBytes: number;
  verified: string;
}

export interface RsyncResults {
  w1d1: TransferResult;
  w1d2: TransferResult;
  w2: TransferResult;
}

function statsNumber(stats: string, label: string): number {
  const m = new RegExp(`${label}: ([\\d,]+)`).exec(stats);
  if (!m) throw new HarnessError(`rsync --stats printed no "${label}"`);
  return Number(m[1]!.replaceAll(',', ''));
}

async function rsync(sshd: Sshd, flags: string[], src: string, dst: string, bytes: number): Promise<Omit<TransferResult, 'verified'>> {
  const client0 = reapedChildrenCpuSeconds('self');
  const server0 = reapedChildrenCpuSeconds(sshd.pid);
  const lo0 = loopbackBytes();
  const r = await run('rsync', [...flags, '--stats', '-e', sshd.rsh, src, `${sshd.user}@127.0.0.1:${dst}`], { timeoutMs: 600_000 });
  const lo1 = loopbackBytes();
  if (r.code !== 0) throw new HarnessError(`rsync exited ${r.code}: ${r.stderr.trim()}`);
  // sshd reaps its per-connection child a moment after the client sees the end.
  await sleep(300);
  const wallSeconds = r.wallMs / 1000;
  return {
    wallSeconds,
    MBps: bytes / 1e6 / wallSeconds,
    clientCpuSeconds: reapedChildrenCpuSeconds('self') - client0,
    serverCpuSeconds: reapedChildrenCpuSeconds(sshd.pid) - server0,
    wireBytes: statsNumber(r.stdout, 'Total bytes sent') + statsNumber(r.stdout, 'Total bytes received'),
    loopbackBytes: lo1 - lo0,
  };
}

/**
 * The anchors: what a sysadmin runs today. `-a` for the initial copies; for the image update
 * `--inplace --no-whole-file` (rsync's delta algorithm, patching the file rather than rewriting
 * 2 GiB into a temp file), which is how rsync is used on VM images.
 */
export async function measureRsync(work: string, d1: Dataset, d2: Dataset, seed: string, progress: (what: string) => void): Promise<RsyncResults> {
  const sshd = await startSshd(join(work, 'sshd'));
  const target = join(work, 'rsync-target');
  try {
    mkdirSync(target, { recursive: true });
    progress(`rsync W1 D1 (${(d1.totalBytes / 2 ** 20).toFixed(0)} MiB image)`);
    const w1d1 = await rsync(sshd, ['-a'], d1.path, `${target}/`, d1.totalBytes);
    const image = join(target, 'image.bin');
    const v1 = compareTree(d1, image) ?? 'ok';
    progress(`rsync W1 D2 (${d2.files.length} files)`);
    const w1d2 = await rsync(sshd, ['-a'], `${d2.path}/`, `${target}/tree/`, d2.totalBytes);
    const v2 = compareTree(d2, join(target, 'tree')) ?? 'ok';
    progress('rsync W2 (64 × 4 KiB writes into D1)');
    const writes = randomAlignedWrites('', d1.totalBytes, 64, `${seed}:W2`);
    saveUndo(d1, writes);
    applyWrites(d1, writes);
    let w2: TransferResult;
    try {
      const r = await rsync(sshd, ['-a', '--inplace', '--no-whole-file'], d1.path, `${target}/`, 64 * 4096);
      w2 = { ...r, verified: compareTree(d1, image, true) ?? 'ok' };
    } finally {
      rollBack(datasetDir(d1));
    }
    return { w1d1: { ...w1d1, verified: v1 }, w1d2: { ...w1d2, verified: v2 }, w2 };
  } finally {
    await sshd.stop();
    rmSync(target, { recursive: true, force: true });
  }
}
