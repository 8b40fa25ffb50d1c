// Apply throughput, run by hand: node --import tsx tests/helpers/apply-bench.ts
// 1 GiB new file through the staging fast path in 1 MiB Writes (64 MiB batches), then in-place
// patches (4 KiB and 1 MiB) into it through the journal.
import '../../lib/polyfill.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginOp, bytes, commitOp, openTarget, writeOp } from './replica.js';

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;
const home = mkdtempSync(join(tmpdir(), 'doppel-bench-'));
try {
  const t = await openTarget(home);
  const chunk = bytes(MiB, 5);
  let seq = 1;
  let start = performance.now();
  for (let off = 0; off < GiB; off += 64 * MiB) {
    await t.applier.beginBatch(seq++);
    if (off === 0) await t.applier.addOps([beginOp('img', GiB)]);
    for (let o = off; o < off + 64 * MiB; o += MiB) await t.applier.addOps([writeOp('img', o, chunk)]);
    if (off + 64 * MiB >= GiB) await t.applier.addOps([commitOp('img')]);
    await t.applier.commitBatch();
  }
  const stagedS = (performance.now() - start) / 1000;
  console.log(`staging fast path: 1 GiB in ${stagedS.toFixed(2)} s = ${(1024 / stagedS).toFixed(0)} MiB/s`);

  const small = bytes(4096, 9);
  start = performance.now();
  const batches = 20;
  for (let b = 0; b < batches; b++) {
    await t.applier.beginBatch(seq++);
    const ops = Array.from({ length: 64 }, (_, i) => writeOp('img', (((b * 64 + i) * 2654435761) % (GiB / 4096)) * 4096, small));
    await t.applier.addOps(ops);
    await t.applier.commitBatch();
  }
  const patchMs = (performance.now() - start) / batches;
  console.log(`in-place: batch of 64 random 4 KiB patches into the 1 GiB file: ${patchMs.toFixed(1)} ms per batch (journal + fsync + apply + index update)`);

  start = performance.now();
  for (let b = 0; b < 4; b++) {
    await t.applier.beginBatch(seq++);
    for (let i = 0; i < 64; i++) await t.applier.addOps([writeOp('img', (b * 64 + i) * MiB, chunk)]);
    await t.applier.commitBatch();
  }
  const bulkS = (performance.now() - start) / 1000;
  console.log(`in-place: 256 MiB in 1 MiB patches (64 MiB batches): ${(256 / bulkS).toFixed(0)} MiB/s`);
  start = performance.now();
  const index = await t.applier.index();
  console.log(`index() after patches: ${(performance.now() - start).toFixed(0)} ms for ${index.length} entries (no re-read)`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
