// Block maps: a file is a sequence of fixed-size blocks, each summarised by an 8-byte digest
// (xxh64, big-endian). Diffing two maps tells which byte ranges must travel.
import { DoppelError } from '../errors.js';

export const DEFAULT_BLOCK_SIZE = 4096;
export const DIGEST_BYTES = 8;
export const DEFAULT_MAX_RUN_BYTES = 4 * 1024 * 1024;

export interface ByteRange {
  offset: number;
  length: number;
}

export class BlockMapError extends DoppelError {
  override name = 'BlockMapError';
  override readonly code = 'block-map';
}

/** Number of blocks covering `size` bytes; the last may be short. */
export function blockCount(size: number, blockSize: number): number {
  if (!Number.isSafeInteger(blockSize) || blockSize <= 0) throw new BlockMapError(`block size must be a positive integer, got ${blockSize}`);
  return Math.ceil(size / blockSize);
}

/** Byte-wise equality of two digests or whole block maps. */
export function equalDigests(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function blockDiffers(oldHashes: Uint8Array | undefined, newHashes: Uint8Array, block: number): boolean {
  const start = block * DIGEST_BYTES;
  if (oldHashes === undefined || start + DIGEST_BYTES > oldHashes.length) return true;
  for (let i = start; i < start + DIGEST_BYTES; i++) if (oldHashes[i] !== newHashes[i]) return true;
  return false;
}

/**
 * The byte ranges of the new file whose blocks are new or differ from the old map, with
 * neighbouring blocks coalesced into runs of at most `maxRunBytes` (rounded down to whole blocks,
 * at least one). Truncation is not a range: the caller sends the new size separately.
 */
export function changedRanges(
  oldHashes: Uint8Array | undefined,
  newHashes: Uint8Array,
  newSize: number,
  blockSize: number,
  maxRunBytes = DEFAULT_MAX_RUN_BYTES,
): ByteRange[] {
  const blocks = blockCount(newSize, blockSize);
  if (newHashes.length !== blocks * DIGEST_BYTES) {
    throw new BlockMapError(`block map has ${newHashes.length / DIGEST_BYTES} digests but a ${newSize}-byte file has ${blocks} blocks of ${blockSize}`);
  }
  const blocksPerRun = Math.max(1, Math.floor(maxRunBytes / blockSize));
  const ranges: ByteRange[] = [];
  let runStart = -1;
  const close = (end: number): void => {
    const offset = runStart * blockSize;
    ranges.push({ offset, length: Math.min(end * blockSize, newSize) - offset });
    runStart = -1;
  };
  for (let b = 0; b < blocks; b++) {
    if (blockDiffers(oldHashes, newHashes, b)) {
      if (runStart >= 0 && b - runStart === blocksPerRun) close(b);
      if (runStart < 0) runStart = b;
    } else if (runStart >= 0) {
      close(b);
    }
  }
  if (runStart >= 0) close(blocks);
  return ranges;
}
