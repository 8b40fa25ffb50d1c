// Block digests of files on disk. Reads are large and positional into reused buffers, with the next
// read in flight while the current one is hashed; big files are split into stripes hashed by
// worker threads. A file that changes while it is read is read again, so a block map never mixes
// two versions of a file.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { xxh64 } from '@node-rs/xxhash';
import { blockCount, DIGEST_BYTES } from '../core/blocks.js';
import { Uint8ArrayList } from 'uint8arraylist';
import { DoppelError } from '../errors.js';
import { HASH_STRIPE_FILES } from './open-files.js';

export interface FileHashes {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** Permission bits only (& 0o7777). */
  mode: number;
  /** Concatenated 8-byte digests, one per block. */
  hashes: Uint8Array;
}

export interface HashOptions {
  blockSize: number;
  signal?: AbortSignal;
  /** Called with the cumulative bytes hashed of this attempt, every few MiB. */
  onProgress?(bytesHashed: number): void;
  /**
   * Stripes hashed at once by worker threads for files of PARALLEL_MIN_BYTES or more. Each stripe
   * keeps two cores busy (one reading, one hashing), so the default is half the cores; on 2 cores
   * one pipelined reader was measured faster than two workers.
   */
  parallelism?: number;
}

export class FileUnstableError extends DoppelError {
  override name = 'FileUnstableError';
  override readonly code = 'file-unstable';
  constructor(readonly path: string) {
    super(`${path}: file kept changing while being read; will retry at the next change`);
  }
}

export class FileHashError extends DoppelError {
  override name = 'FileHashError';
  override readonly code = 'hash-failed';
}

const READ_CHUNK = 4 * 1024 * 1024;
/** Chunks read at once (each in its own buffer) while one is hashed. */
const READ_AHEAD = 3;
// A path swapped for a symlink after the scanner's lstat must not make us read (and ship) whatever
// it points at; one swapped for a fifo must not block the open.
export const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const MAX_ATTEMPTS = 4;
/**
 * Regular files up to this size are read with synchronous calls: on the machines measured, an
 * async open/read/close costs several times the syscall itself (20,000 small files: 3.1 s async,
 * 0.6 s sync), and a 1 MiB read from the page cache blocks the event loop for well under 1 ms.
 */
export const SYNC_READ_BYTES = 1024 * 1024;
/** Files at least this big are worth the start-up cost of worker threads. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

function writeDigest(data: Uint8Array, out: DataView, at: number): void {
  out.setBigUint64(at, xxh64(data), false);
}

/**
 * Digests `data` (block-aligned at `offset` in its file) into the block map `hashes` in place;
 * true when any digest differs from what the map held. No allocation per block.
 */
export function recordBlockDigests(data: Uint8Array, offset: number, blockSize: number, hashes: Uint8Array): boolean {
  const view = new DataView(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  let changed = false;
  for (let at = 0, slot = (offset / blockSize) * DIGEST_BYTES; at < data.length; at += blockSize, slot += DIGEST_BYTES) {
    const digest = xxh64(data.subarray(at, Math.min(at + blockSize, data.length)));
    if (view.getBigUint64(slot, false) !== digest) {
      changed = true;
      view.setBigUint64(slot, digest, false);
    }
  }
  return changed;
}

/** The 8-byte big-endian xxh64 digest of one block. */
export function digestBlock(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(DIGEST_BYTES);
  writeDigest(data, new DataView(out.buffer), 0);
  return out;
}

/**
 * Concatenated digests of `data` cut into `blockSize` blocks (the last may be short). A list (data
 * as received, in pieces) is digested in place; only blocks straddling two pieces are copied.
 */
export function digestBlocks(data: Uint8Array | Uint8ArrayList, blockSize: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.byteLength / blockSize) * DIGEST_BYTES);
  const view = new DataView(out.buffer);
  if (data instanceof Uint8ArrayList) {
    let scratch: Uint8Array | undefined;
    let fill = 0;
    let at = 0;
    for (const piece of data) {
      let i = 0;
      if (fill > 0) {
        const need = Math.min(blockSize - fill, piece.length);
        scratch!.set(piece.subarray(0, need), fill);
        fill += need;
        i = need;
        if (fill === blockSize) {
          writeDigest(scratch!, view, at);
          at += DIGEST_BYTES;
          fill = 0;
        }
      }
      for (; piece.length - i >= blockSize; i += blockSize, at += DIGEST_BYTES) writeDigest(piece.subarray(i, i + blockSize), view, at);
      if (i < piece.length) {
        scratch ??= new Uint8Array(blockSize);
        scratch.set(piece.subarray(i), fill);
        fill += piece.length - i;
      }
    }
    if (fill > 0) writeDigest(scratch!.subarray(0, fill), view, at);
    return out;
  }
  for (let b = 0, at = 0; b < data.length; b += blockSize, at += DIGEST_BYTES) {
    writeDigest(data.subarray(b, Math.min(b + blockSize, data.length)), view, at);
  }
  return out;
}

/** What hashRange needs of an open file: a FileHandle, or the replica's RawFile. */
export interface PositionalReader {
  read(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

// Raised inside an attempt when a read comes back short: the file shrank under us.
export class ShortReadError extends Error {
  override name = 'ShortReadError';
}

/** Reads `length` bytes at `position`; returns the bytes read (less only at the end of the file). */
export async function readFully(fh: PositionalReader, buf: Uint8Array, length: number, position: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Digests of the blocks in [offset, offset + length) of an open file; `offset` must be
 * block-aligned, and only the range's last block may be short. Throws ShortReadError-named errors
 * if the file ends early.
 */
export async function hashRange(
  fh: PositionalReader,
  offset: number,
  length: number,
  blockSize: number,
  opts: {
    signal?: AbortSignal;
    onProgress?(bytesHashed: number): void;
    /**
     * Called with each chunk as soon as it is hashed (`digests` are its blocks' digests); awaited
     * before its buffer is reused, so the callback must copy what it keeps.
     */
    onChunk?(offset: number, data: Uint8Array, digests: Uint8Array): Promise<void> | void;
  } = {},
): Promise<Uint8Array> {
  if (offset % blockSize !== 0) throw new FileHashError(`hash range offset ${offset} is not a multiple of the block size ${blockSize}`);
  const out = new Uint8Array(blockCount(length, blockSize) * DIGEST_BYTES);
  const view = new DataView(out.buffer);
  const chunk = Math.min(Math.max(blockSize, READ_CHUNK - (READ_CHUNK % blockSize)), Math.max(length, 1));
  // Reads run ahead of hashing, several at once: on the machines measured one 4 MiB read from the
  // page cache took longer than hashing it, and parallel reads used both cores (2 GiB: ~1.2 s
  // with one read in flight, ~0.8 s with two or three). Small files get one buffer of their size.
  const chunks = Math.ceil(length / chunk);
  const depth = Math.min(READ_AHEAD, chunks);
  const bufs = Array.from({ length: depth }, () => new Uint8Array(chunk));
  const reads: Promise<number>[] = [];
  const issue = (i: number): void => {
    const read = readFully(fh, bufs[i % depth]!, Math.min(chunk, length - i * chunk), offset + i * chunk);
    read.catch(() => undefined); // awaited below, unless an earlier chunk failed first
    reads.push(read);
  };
  for (let i = 0; i < depth; i++) issue(i);
  let digest = 0;
  for (let i = 0; i < chunks; i++) {
    const pos = i * chunk;
    const want = Math.min(chunk, length - pos);
    const got = await reads.shift()!;
    if (got < want) throw new ShortReadError(`file ended at ${offset + pos + got}, expected ${offset + length}`);
    opts.signal?.throwIfAborted();
    const buf = bufs[i % depth]!;
    for (let b = 0; b < got; b += blockSize, digest += DIGEST_BYTES) {
      writeDigest(buf.subarray(b, Math.min(b + blockSize, got)), view, digest);
    }
    if (opts.onChunk) {
      const first = (pos / blockSize) * DIGEST_BYTES;
      await opts.onChunk(offset + pos, buf.subarray(0, got), out.subarray(first, digest));
    }
    // The buffer just hashed takes the next read.
    if (i + depth < chunks) issue(i + depth);
    opts.onProgress?.(pos + got);
  }
  return out;
}

/**
 * Size of a block device (stat reports 0): the largest offset at which a one-byte read still
 * returns data, found by doubling then bisecting, since Node has no lseek(SEEK_END).
 */
export async function deviceSize(fh: FileHandle): Promise<number> {
  const probe = new Uint8Array(1);
  const hasByteAt = async (pos: number): Promise<boolean> => (await fh.read(probe, 0, 1, pos)).bytesRead === 1;
  if (!(await hasByteAt(0))) return 0;
  let lo = 0; // a byte exists at lo
  let hi = 1; // first candidate without one
  while (await hasByteAt(hi)) { lo = hi; hi *= 2; }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (await hasByteAt(mid)) lo = mid; else hi = mid;
  }
  return hi;
}

const WORKER_URL = new URL(`./hash-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(req: StripeRequest): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: req });
  // Running from source under tsx (tests): Node 20 does not carry --import hooks into workers, so
  // the worker registers the TypeScript loader itself before loading its body.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const body = JSON.stringify(WORKER_URL.href);
  return new Worker(`import(${tsx}).then((m) => { m.register(); return import(${body}); })`, { eval: true, workerData: req });
}

export interface StripeRequest {
  path: string;
  offset: number;
  length: number;
  blockSize: number;
}

export type StripeMessage =
  | { kind: 'progress'; bytes: number }
  | { kind: 'done'; hashes: Uint8Array }
  | { kind: 'error'; name: string; message: string };

function hashStripe(req: StripeRequest, signal: AbortSignal | undefined, onBytes: (bytes: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(req);
    const abort = (): void => { void worker.terminate(); reject(signal!.reason); };
    signal?.addEventListener('abort', abort, { once: true });
    const finish = (): void => { signal?.removeEventListener('abort', abort); };
    worker.on('message', (m: StripeMessage) => {
      if (m.kind === 'progress') { onBytes(m.bytes); return; }
      finish();
      if (m.kind === 'done') resolve(m.hashes);
      else reject(Object.assign(m.name === 'ShortReadError' ? new ShortReadError(m.message) : new FileHashError(m.message), { name: m.name }));
    });
    worker.on('error', (err) => { finish(); reject(err); });
    worker.on('exit', (code) => { finish(); if (code !== 0) reject(new FileHashError(`hash worker for ${req.path} exited with code ${code}`)); });
  });
}

/** Large files are striped one at a time: stripes use every core, and each holds a descriptor. */
let stripeGate: Promise<unknown> = Promise.resolve();

function hashParallel(path: string, size: number, parallelism: number, opts: HashOptions): Promise<Uint8Array> {
  const run = stripeGate.then(() => hashStripes(path, size, parallelism, opts));
  stripeGate = run.catch(() => undefined);
  return run;
}

async function hashStripes(path: string, size: number, parallelism: number, opts: HashOptions): Promise<Uint8Array> {
  const blocks = blockCount(size, opts.blockSize);
  const stripes = Math.min(parallelism, blocks, HASH_STRIPE_FILES);
  const perStripe = Math.ceil(blocks / stripes) * opts.blockSize;
  const progress = new Array<number>(stripes).fill(0);
  const parts = await Promise.all(
    Array.from({ length: stripes }, (_, i) => {
      const offset = i * perStripe;
      return hashStripe({ path, offset, length: Math.max(0, Math.min(perStripe, size - offset)), blockSize: opts.blockSize }, opts.signal, (bytes) => {
        progress[i] = bytes;
        opts.onProgress?.(progress.reduce((a, b) => a + b, 0));
      });
    }),
  );
  const out = new Uint8Array(blocks * DIGEST_BYTES);
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

/**
 * Reads the whole file (or block device) and returns its block map with the metadata it belongs
 * to. Re-reads if the file changed during the read; gives up with FileUnstableError. A symlink is
 * refused (ELOOP): resolve it first if following it is intended.
 */
export async function hashFile(absPath: string, opts: HashOptions): Promise<FileHashes> {
  const small = hashSmallFileSync(absPath, opts.blockSize);
  if (small !== undefined) return small;
  const parallelism = opts.parallelism ?? Math.max(1, Math.floor(availableParallelism() / 2));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(25 * attempt * attempt, undefined, { signal: opts.signal });
    const fh = await open(absPath, OPEN_FLAGS);
    try {
      const before = await fh.stat();
      const device = before.isBlockDevice();
      if (!device && !before.isFile()) throw new FileHashError(`${absPath} is not a regular file or block device; it is skipped`);
      const size = device ? await deviceSize(fh) : before.size;
      let hashes: Uint8Array;
      try {
        hashes = size >= PARALLEL_MIN_BYTES && parallelism > 1
          ? await hashParallel(absPath, size, parallelism, opts)
          : await hashRange(fh, 0, size, opts.blockSize, opts);
      } catch (err) {
        if (err instanceof ShortReadError) continue;
        throw err;
      }
      const after = await fh.stat();
      const now = await lstat(absPath);
      // Writes to a block device do not touch its inode times; only its size can be checked.
      const stable = device
        ? (await deviceSize(fh)) === size
        : after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
      if (stable && now.ino === before.ino) {
        return { size, mtimeMs: before.mtimeMs, ctimeMs: before.ctimeMs, ino: before.ino, mode: before.mode & 0o7777, hashes };
      }
    } finally {
      await fh.close();
    }
  }
  throw new FileUnstableError(absPath);
}

/** Reads `length` bytes at `position` with synchronous calls; returns the bytes read (less at EOF). */
function readFullySync(fd: number, buf: Uint8Array, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * hashFile for a small regular file, all synchronous; undefined when the path is something else
 * (large, a device, changing while read), which hashFile then handles the general way.
 */
function hashSmallFileSync(absPath: string, blockSize: number): FileHashes | undefined {
  const fd = openSync(absPath, OPEN_FLAGS);
  try {
    const before = fstatSync(fd);
    if (!before.isFile() || before.size > SYNC_READ_BYTES) return undefined;
    const buf = new Uint8Array(before.size);
    if (readFullySync(fd, buf, before.size, 0) !== before.size) return undefined;
    const after = fstatSync(fd);
    const now = lstatSync(absPath);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs || now.ino !== before.ino) return undefined;
    return { size: before.size, mtimeMs: before.mtimeMs, ctimeMs: before.ctimeMs, ino: before.ino, mode: before.mode & 0o7777, hashes: digestBlocks(buf, blockSize) };
  } finally {
    closeSync(fd);
  }
}
