// The crash test's scenario: seq 1 lays down "before", seq 2 turns it into "after" with renames,
// a new file version through staging and many in-place patches.
import type { doppel } from '../../lib/net/wire.js';
import { bytes, fileOps, renameOp, writeOp } from './replica.js';

const A0 = bytes(256 * 1024, 1);
const B0 = bytes(100 * 1024, 2);
const C0 = bytes(4 * 1024 * 1024, 3);
const A1 = bytes(300 * 1024, 4);
const PATCHES = Array.from({ length: 256 }, (_, i) => ({ offset: ((i * 7919) % 1024) * 4096, data: bytes(4096, 100 + i) }));
const C1 = Buffer.from(C0);
for (const p of PATCHES) C1.set(p.data, p.offset);

export const applyBatchCrash = {
  setup: (): doppel.IOp[] => [...fileOps('a', A0), ...fileOps('b', B0), ...fileOps('d/c', C0)],
  ops: (): doppel.IOp[] => [
    renameOp('a', 'b'),
    ...fileOps('a', A1, 64 * 1024),
    ...PATCHES.map((p) => writeOp('d/c', p.offset, p.data)),
    renameOp('d', 'e'),
  ],
  before: { a: A0, b: B0, 'd/c': C0 } as Record<string, Buffer>,
  after: { a: A1, b: A0, 'e/c': C1 } as Record<string, Buffer>,
};
