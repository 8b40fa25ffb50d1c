// The sending half of a source session: plan steps become ordered batches of frames, within a
// window of unacknowledged bytes and the bandwidth limit; a batch counts once the target applied it.
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { DIGEST_BYTES } from '../../core/blocks.js';
import { flowState, STALL_MS } from '../../core/flow.js';
import { applyStepToView, type PlanStep } from '../../core/plan.js';
import { TokenBucket } from '../../core/rate.js';
import { encodeBatchParts, type doppel } from '../../net/wire.js';
import { readFully, recordBlockDigests } from '../../store/hasher.js';
import type { RawFile } from '../../store/raw-file.js';
import { openSourceFile } from '../../store/source-file.js';
import type { Capture } from './capture.js';
import type { SourceScanner } from './scan.js';
import { SessionEndedError, type SourceSession } from './session.js';
import type { ProtectionHost } from './strategy.js';

/** Frame payload target; frames are capped at MAX_REPLICATE_FRAME_BYTES. */
const FRAME_DATA_BYTES = 4 * 1024 * 1024;
/** What an op costs in a frame besides its data, roughly. */
const OP_OVERHEAD_BYTES = 64;
/** A batch ends after this much data during the mirror (a staged file may span batches). */
const MIRROR_BATCH_BYTES = 64 * 1024 * 1024;
/**
 * ...or after this many files: what an interrupted mirror loses is at most one batch, and a tree
 * of small files must not make one batch of everything (the target commits a batch whole).
 */
const MIRROR_BATCH_FILES = 500;
/** Errors opening a scanned file that mean it is no longer a file there. */
const VANISHED = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
/** How often waits re-check the clock when no acknowledgement comes. */
const ACK_POLL_MS = 1000;
/** Applying one batch never takes this long; beyond it the session is presumed dead. */
const APPLY_TIMEOUT_MS = 600_000;

export class Sender {
  private readonly bucket: TokenBucket;

  constructor(private readonly host: ProtectionHost, private readonly capture: Capture, private readonly scanner: SourceScanner) {
    this.bucket = new TokenBucket(host.row.options.bwlimit);
  }

  /**
   * Turns plan steps into batches on the wire and waits until the target applied them. Mirror
   * batches are not awaited one by one; their data is credited to the mirror as they are applied.
   */
  async sendSteps(session: SourceSession, steps: PlanStep[], opts: { mirror: boolean }): Promise<void> {
    try {
      await this.sendBatches(session, steps, opts);
    } finally {
      this.scanner.flush();
    }
  }

  /** Sends `ops` as a batch of one frame without waiting for it to be applied; returns its seq. */
  async sendBatch(session: SourceSession, ops: doppel.IOp[]): Promise<number> {
    const seq = session.nextSeq++;
    await this.sendFrame(session, { seq, generation: this.host.row.generation, ops, final: true });
    return seq;
  }

  makeWrite(path: string, offset: number, payload: Buffer, hash: Uint8Array): doppel.IWrite & { data: Uint8Array } {
    if (this.host.row.options.compress) {
      const packed = deflateRawSync(payload, { level: 1 });
      // Incompressible blocks (already compressed or encrypted data) travel as they are.
      if (packed.length < payload.length * 0.9) {
        return { path, offset, data: packed, hash, rawLength: payload.length, compressed: true };
      }
    }
    return { path, offset, data: payload, hash, rawLength: payload.length, compressed: false };
  }

  /** Counts block data put in a batch and waits as long as --bwlimit requires after it. */
  async spend(wireBytes: number, blocks: number): Promise<void> {
    this.host.counters.bytesSent += wireBytes;
    this.host.counters.blocksSent += blocks;
    if (this.host.row.options.bwlimit <= 0) return;
    const wait = this.bucket.delayFor(wireBytes, this.host.ctx.clock.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  async waitApplied(session: SourceSession, seq: number): Promise<void> {
    const clock = this.host.ctx.clock;
    const deadline = clock.now() + APPLY_TIMEOUT_MS;
    while (!session.closed && session.appliedSeq < seq) {
      if (clock.now() > deadline) throw new SessionEndedError(`target did not apply batch ${seq} within 10 minutes; reconnecting`);
      await session.ackOrTimeout(ACK_POLL_MS);
    }
    if (session.appliedSeq < seq) throw session.closeError ?? new SessionEndedError('session closed before the batch was applied');
  }

  private async sendBatches(session: SourceSession, steps: PlanStep[], opts: { mirror: boolean }): Promise<void> {
    const blockSize = this.host.row.options.blockSize;
    let ops: doppel.IOp[] = [];
    let frameBytes = 0;
    let batchBytes = 0;
    let batchFiles = 0;
    /** Mirror data in the batch being sent, credited to the mirror's progress once applied. */
    let mirrorBytes = 0;
    let seq = session.nextSeq;
    const flush = async (final: boolean, mirrorDone = false): Promise<void> => {
      if (ops.length === 0 && !final) return;
      await this.sendFrame(session, { seq, generation: this.host.row.generation, ops, final, mirrorDone });
      ops = [];
      frameBytes = 0;
      if (final) {
        const sent = seq;
        if (opts.mirror) session.sentMirrorBatch(sent, mirrorBytes);
        seq = session.nextSeq = seq + 1;
        batchBytes = 0;
        batchFiles = 0;
        mirrorBytes = 0;
        if (!opts.mirror) await this.waitApplied(session, sent);
      }
    };
    const push = async (op: doppel.IOp, dataBytes = 0): Promise<void> => {
      ops.push(op);
      frameBytes += dataBytes + OP_OVERHEAD_BYTES;
      batchBytes += dataBytes;
      if (frameBytes >= FRAME_DATA_BYTES) await flush(false);
    };

    for (const step of steps) {
      session.throwIfClosed();
      switch (step.op) {
        case 'remove': await push({ remove: { path: step.path } }); break;
        case 'mkdir': await push({ mkdir: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } }); break;
        case 'symlink': await push({ symlink: { path: step.path, target: step.target } }); break;
        case 'attr': await push({ setAttr: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } }); break;
        case 'rename': await push({ rename: { from: step.from, to: step.to } }); break;
        case 'stage':
        case 'patch': {
          const sentHashes = new Uint8Array(step.hashes);
          if (step.op === 'stage') await push({ fileBegin: { path: step.path, size: step.size, base: step.base } });
          else if (step.resize) await push({ resize: { path: step.path, size: step.size } });
          let file: RawFile | undefined;
          let complete = true;
          try {
            file = await openSourceFile(this.absolute(step.path), step.ranges.reduce((n, r) => n + r.length, 0));
            for (const range of step.ranges) {
              const data = Buffer.allocUnsafeSlow(range.length);
              const bytesRead = await readFully(file, data, range.length, range.offset);
              const payload = bytesRead === range.length ? data : data.subarray(0, bytesRead);
              if (bytesRead < range.length) complete = false;
              if (payload.length === 0) continue;
              const changed = recordBlockDigests(payload, range.offset, blockSize, sentHashes);
              // Unhashed: there were no digests to compare; the watcher reports a change anyway.
              if (changed && !(step.op === 'stage' && step.unhashed)) this.capture.markDirty([step.path]);
              const first = (range.offset / blockSize) * DIGEST_BYTES;
              const digests = sentHashes.subarray(first, first + Math.ceil(payload.length / blockSize) * DIGEST_BYTES);
              const write = this.makeWrite(step.path, range.offset, payload, digests);
              await push({ write }, write.data.length);
              mirrorBytes += payload.length;
              await this.spend(write.data.length, Math.ceil(payload.length / blockSize));
            }
          } catch (err) {
            complete = false;
            if (!VANISHED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
            // Vanished (or replaced by a symlink) since the scan: the watcher reports it, and the
            // next pass sends what the path is now.
            this.capture.markDirty([step.path]);
          } finally {
            await file?.close();
          }
          if (step.op === 'stage') await push({ fileCommit: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } });
          else await push({ setAttr: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } });
          step.hashes = sentHashes;
          batchFiles++;
          if (step.op === 'stage' && step.unhashed) this.scanner.fileSent(step.path, sentHashes, complete);
          break;
        }
      }
      applyStepToView(session.view, step);
      if (opts.mirror && (batchBytes >= MIRROR_BATCH_BYTES || batchFiles >= MIRROR_BATCH_FILES)) await flush(true);
    }
    await flush(true, opts.mirror);
    await this.waitApplied(session, seq - 1);
  }

  /** One frame of a batch, once the window has room; counts the batch when `final`. */
  private async sendFrame(session: SourceSession, batch: doppel.IBatch): Promise<void> {
    await this.waitWindow(session);
    // Block data goes out as it was read, without a copy into the frame (see encodeBatchParts):
    // each read gets its own buffer, since the stream holds it until it has been encrypted.
    const { parts, length } = encodeBatchParts(batch);
    await session.framed.sendParts(parts, length);
    this.host.counters.wireBytesSent = session.framed.bytesSent;
    if (batch.final) this.host.counters.batches++;
  }

  private async waitWindow(session: SourceSession): Promise<void> {
    const clock = this.host.ctx.clock;
    const flow = { sentBytes: 0, ackedBytes: session.ackedBytes, progressAt: clock.now() };
    while (!session.closed) {
      const now = clock.now();
      if (session.ackedBytes !== flow.ackedBytes) {
        flow.ackedBytes = session.ackedBytes;
        flow.progressAt = now;
      }
      flow.sentBytes = session.framed.bytesSent;
      const state = flowState(flow, now);
      if (state === 'open') break;
      // A stalled stream is dropped and resumed by a new session (the mirror resumes from the
      // target's staging files) rather than left hanging.
      if (state === 'stalled') throw new SessionEndedError(`target acknowledged nothing for ${STALL_MS / 1000} s with data in flight; reconnecting`);
      await session.ackOrTimeout(ACK_POLL_MS);
    }
    session.throwIfClosed();
  }

  private absolute(path: string): string {
    return path === '' ? this.host.dataPath : join(this.host.dataPath, path);
  }
}
