// Re-reads a single-file protection (an image) and sends each changed run as soon as the read
// finds it, rather than hashing the whole image first and sending afterwards: nothing says which
// block of an image changed, so a change reaches the target after half a pass on average instead
// of a whole one, and its data is not read twice.
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { blockCount, changedRanges, DIGEST_BYTES } from '../../core/blocks.js';
import { sameMtime } from '../../core/plan.js';
import type { doppel } from '../../net/wire.js';
import { hashRange, OPEN_FLAGS, ShortReadError } from '../../store/hasher.js';
import type { Capture } from './capture.js';
import type { SourceScanner } from './scan.js';
import type { Sender } from './sender.js';
import type { SourceSession } from './session.js';
import type { ProtectionHost } from './strategy.js';

/** Single files at least this big are re-read and sent in one pass. */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;
/** Changes a streaming pass queues behind the batch in flight before it sends them anyway. */
const STREAM_QUEUE_BYTES = 16 * 1024 * 1024;

export interface ImageStreamParts {
  host: ProtectionHost;
  sender: Sender;
  scanner: SourceScanner;
  capture: Capture;
  signal: AbortSignal;
}

/**
 * One streaming pass over the image. Only for a regular file the target holds at the same size;
 * otherwise returns false and the general path (scan, plan, send) runs.
 */
export async function streamImage(parts: ImageStreamParts, session: SourceSession): Promise<boolean> {
  const { host, sender, scanner, capture, signal } = parts;
  const row = host.row;
  const target = session.view.entries.get('');
  const bs = row.options.blockSize;
  if (target?.type !== 'file' || target.hashes === undefined || target.size < STREAM_MIN_BYTES) return false;
  let fh: FileHandle;
  try {
    fh = await open(await realpath(host.dataPath), OPEN_FLAGS);
  } catch {
    return false;
  }
  try {
    const before = await fh.stat();
    if (!before.isFile() || before.size !== target.size || target.hashes.length !== blockCount(before.size, bs) * DIGEST_BYTES) return false;
    // What the replica holds, kept current as batches go out (it is the session's view).
    const replica = new Uint8Array(target.hashes);
    session.view.entries.set('', { ...target, hashes: replica });
    // One batch in flight at a time, the changes found meanwhile queued behind it: applying a
    // batch to a big image costs the target tens of ms whatever its size (fsyncs, the block
    // map), so a batch per changed chunk was slower than the read itself.
    let last = 0;
    let queued: doppel.IOp[] = [];
    let queuedBytes = 0;
    const flush = async (): Promise<void> => {
      if (queued.length === 0) return;
      const ops = queued;
      queued = [];
      queuedBytes = 0;
      last = await sender.sendBatch(session, ops);
    };
    let hashes: Uint8Array;
    try {
      hashes = await hashRange(fh, 0, before.size, bs, {
        signal,
        onChunk: async (offset, data, digests) => {
          session.throwIfClosed();
          const first = (offset / bs) * DIGEST_BYTES;
          const ranges = changedRanges(replica.subarray(first, first + digests.length), digests, data.length, bs);
          if (ranges.length === 0) {
            if (session.appliedSeq >= last) await flush();
            return;
          }
          for (const r of ranges) {
            // A copy: the read buffer is reused as soon as this returns.
            const payload = Buffer.from(data.subarray(r.offset, r.offset + r.length));
            const d = digests.subarray((r.offset / bs) * DIGEST_BYTES, Math.ceil((r.offset + r.length) / bs) * DIGEST_BYTES);
            const write = sender.makeWrite('', offset + r.offset, payload, d);
            queued.push({ write });
            queuedBytes += write.data.length;
            await sender.spend(write.data.length, d.length / DIGEST_BYTES);
          }
          replica.set(digests, first);
          if (session.appliedSeq >= last || queuedBytes >= STREAM_QUEUE_BYTES) await flush();
        },
      });
    } catch (err) {
      // The file shrank under the read: what was sent stands; the general path takes over.
      if (err instanceof ShortReadError) return false;
      throw err;
    }
    await flush();
    const after = await fh.stat();
    const stable = after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
    const mode = before.mode & 0o7777;
    if (stable && (mode !== target.mode || !sameMtime(target.mtimeMs, before.mtimeMs))) {
      last = await sender.sendBatch(session, [{ setAttr: { path: '', mode, mtimeMs: Math.round(before.mtimeMs) } }]);
      session.view.entries.set('', { ...target, hashes: replica, mode, mtimeMs: before.mtimeMs });
    }
    if (stable) scanner.remember({ path: '', type: 'file', size: before.size, mode, mtimeMs: before.mtimeMs, ctimeMs: before.ctimeMs, ino: before.ino, hashes });
    // Changed while read: the blocks sent are right for the moment they were read; go again.
    else capture.markDirty(['']);
    if (last > 0) await sender.waitApplied(session, last);
    return true;
  } finally {
    await fh.close();
  }
}
