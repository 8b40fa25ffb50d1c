// The target role of a protection: serve the session its source opened (inbound.ts checked the
// offer and routed the stream here), send the replica's block map, apply batches through the
// journal and acknowledge them. Everything a source sends is checked here or in the applier; a bad
// frame resets the stream and leaves the replica untouched.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { batchGenerationCheck } from '../../core/generation.js';
import { entryToWire } from '../../net/entries.js';
import { FramedStream, asError } from '../../net/frames.js';
import type { ReplicateFrame, doppel } from '../../net/wire.js';
import { Applier, type ReplicaEntry } from '../../store/applier.js';
import { isOutOfFiles, outOfFilesMessage } from '../../store/open-files.js';
import type { ProtectionRow } from '../../store/protections.js';
import type { DaemonContext } from '../services.js';
import { ReplicaGuard, touchedPaths, type Touch } from './replica-guard.js';
import type { ProtectionHost, RoleStrategy, StrategyFacts } from './strategy.js';

/** Send a received-bytes ack after this many bytes, so the source's window keeps moving. */
const ACK_EVERY_BYTES = 4 * 1024 * 1024;
const INDEX_CHUNK_ENTRIES = 2000;
const INDEX_CHUNK_BYTES = 4 * 1024 * 1024;
/** How long stop waits for sessions to discard their incomplete batch and save staged block maps. */
const STOP_WAIT_MS = 5_000;
/** How long a failing stream waits for its Failure frame to go out before the reset. */
const FAILURE_SEND_WAIT_MS = 1000;

export class TargetProtocolError extends Error {
  override name = 'TargetProtocolError';
}

/** Where the replica of `name` from `sourcePeerId` lives; nothing a source sends lands outside it. */
export function replicaRoot(home: string, sourcePeerId: string, name: string): string {
  return join(home, 'replicas', sourcePeerId, name);
}

/**
 * Ends a replication stream that failed: logs why, tells the source (its Failure frame, so its
 * status says it too; a lost link just fails this send) and resets the stream.
 */
export async function resetStream(ctx: DaemonContext, framed: FramedStream<ReplicateFrame>, remote: string, err: unknown, host?: ProtectionHost): Promise<void> {
  const e = asError(err);
  const outOfFiles = isOutOfFiles(err);
  const message = outOfFiles ? outOfFilesMessage(err) : e.message;
  ctx.log.warn(`replication stream from ${remote}${host ? ` (${host.row.name})` : ''} reset: ${message}`);
  host?.setError(message);
  const sent = framed.send({ failure: { code: outOfFiles ? 'resources' : 'apply', message } }).then(() => framed.close());
  await Promise.race([sent.catch(() => undefined), new Promise((r) => setTimeout(r, FAILURE_SEND_WAIT_MS).unref())]);
  framed.abort(e);
}

export class TargetStrategy implements RoleStrategy {
  readonly role = 'target';
  /** The session being served; a new one from the same source supersedes it. */
  private session: FramedStream<ReplicateFrame> | undefined;
  private readonly serving = new Set<Promise<void>>();
  /** Watches the replica for writes behind the applier while this side acts as target. */
  private readonly guard: ReplicaGuard;

  constructor(private readonly host: ProtectionHost) {
    this.guard = new ReplicaGuard(host);
  }

  private stopped = false;

  /** Guards the replica; nothing else runs until a source opens a session (inbound.ts routes it to serve). */
  async start(): Promise<void> {
    await this.guard.start();
  }

  /** Ends the session; its handler discards an incomplete batch and saves staged block maps. */
  async stop(reason: string): Promise<void> {
    this.stopped = true;
    this.session?.abort(new Error(reason));
    await Promise.race([Promise.allSettled(this.serving), new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
    await this.guard.stop();
  }

  facts(): StrategyFacts {
    return {
      mirror: null,
      inFlightBytes: 0,
      oldestChangeAt: undefined,
      progressBytes: this.host.counters.bytesReceived,
      appliedSeq: this.host.row.appliedSeq,
    };
  }

  /** Serves an accepted offer's stream until it ends. */
  async serve(framed: FramedStream<ReplicateFrame>, remote: string): Promise<void> {
    const running = this.run(framed, remote);
    this.serving.add(running);
    try {
      await running;
    } finally {
      this.serving.delete(running);
    }
  }

  private async run(framed: FramedStream<ReplicateFrame>, remote: string): Promise<void> {
    const { ctx } = this.host;
    this.session?.abort(new Error('superseded by a new session from the same source'));
    this.session = framed;
    this.host.setState(this.host.row.mirrored ? 'replicating' : 'mirroring');
    let applier: Applier | undefined;
    try {
      const row = this.host.row;
      // A replica's directory is made on first use; a source following its promoted replica has its data.
      if (row.role === 'target') await mkdir(row.path, { recursive: true, mode: 0o755 });
      await this.guard.start();
      const opened = this.host.openApplier();
      if (opened === undefined) throw new TargetProtocolError(`${row.name} is a ${row.kind} here, which cannot follow a promoted replica yet`);
      applier = opened;
      const recovered = await this.guard.applying([], () => opened.recover());
      if (recovered.replayedSeq != null) ctx.log.info(`${row.name} from ${remote}: replayed journaled batch ${recovered.replayedSeq}`);
      this.host.setAppliedSeq(applier.appliedSeq());
      await framed.send({ offerReply: { accepted: true, generation: this.host.row.generation, appliedSeq: this.host.row.appliedSeq } });
      await this.sendIndex(framed, await this.guard.index(applier, 'session'));
      ctx.log.info(`${row.name}: replicating from ${ctx.peerName(remote) ?? remote}`);
      await this.receive(framed, applier);
    } catch (err) {
      // Ended here on purpose (a promotion, unprotect, shutdown): not an error of the protection.
      await resetStream(ctx, framed, remote, err, this.stopped ? undefined : this.host);
    } finally {
      await applier?.abortBatch().catch(() => undefined);
      await applier?.closeSpans().catch((err: Error) => ctx.log.warn(`saving staged block maps failed: ${err.message}; they will be re-read`));
      if (this.session === framed) {
        this.session = undefined;
        this.host.setState('disconnected');
      }
    }
  }

  private async sendIndex(framed: FramedStream<ReplicateFrame>, entries: ReplicaEntry[]): Promise<void> {
    let chunk: doppel.IIndexEntry[] = [];
    let bytes = 0;
    for (const replicaEntry of entries) {
      const entry = entryToWire(replicaEntry);
      chunk.push(entry);
      bytes += (entry.blockHashes?.length ?? 0) + (entry.path?.length ?? 0) + 32;
      if (chunk.length >= INDEX_CHUNK_ENTRIES || bytes >= INDEX_CHUNK_BYTES) {
        await framed.send({ index: { entries: chunk, last: false } });
        chunk = [];
        bytes = 0;
      }
    }
    await framed.send({ index: { entries: chunk, last: true } });
  }

  private async receive(framed: FramedStream<ReplicateFrame>, applier: Applier): Promise<void> {
    const host = this.host;
    let current: number | undefined;
    let touched: Touch[] = [];
    let ackedAt = 0;
    for (;;) {
      const frame = await framed.read();
      if (frame == null) return;
      if (frame.batch != null) {
        const batch = frame.batch;
        const seq = batch.seq ?? 0;
        const check = batchGenerationCheck(batch.generation ?? 0, host.row.generation);
        if (check !== 'ok') {
          // Stale: from a source that was failed over (fenced); newer: it bumped without telling us.
          const why = check === 'stale' ? 'from a fenced source; refused, nothing applied' : 'ahead of this side; refused';
          throw new TargetProtocolError(`batch ${seq} carries generation ${batch.generation ?? 0}, the protection is at ${host.row.generation}: ${why}`);
        }
        if (current == null) {
          if (seq <= host.row.appliedSeq) throw new TargetProtocolError(`batch ${seq} was already applied (last applied ${host.row.appliedSeq})`);
          current = seq;
          await applier.beginBatch(seq);
        } else if (seq !== current) {
          throw new TargetProtocolError(`batch ${seq} started before batch ${current} ended`);
        }
        await applier.addOps(batch.ops ?? []);
        // Only a guarded replica needs to know what a batch overwrites.
        if (host.row.guard !== undefined) touched.push(...touchedPaths(batch.ops ?? [], host.row.kind !== 'tree'));
        host.counters.bytesReceived = framed.bytesReceived;
        if (batch.final) {
          await this.guard.applying(touched, () => applier.commitBatch());
          current = undefined;
          touched = [];
          host.counters.batches++;
          host.setAppliedSeq(seq);
          if (host.row.lastError != null) host.setError(null);
          if (batch.mirrorDone && !host.row.mirrored) {
            host.setMirrored();
            host.setState('replicating');
          }
          await framed.send({ ack: { receivedBytes: framed.bytesReceived, appliedSeq: seq } });
          ackedAt = framed.bytesReceived;
        } else if (framed.bytesReceived - ackedAt >= ACK_EVERY_BYTES) {
          await framed.send({ ack: { receivedBytes: framed.bytesReceived, appliedSeq: host.row.appliedSeq } });
          ackedAt = framed.bytesReceived;
        }
      } else if (frame.handover != null && frame.handover.ack !== true) {
        // Everything was applied: take the primary role (persisted before the answer goes out).
        const generation = frame.handover.generation ?? 0;
        if (current != null) throw new TargetProtocolError(`handover in the middle of batch ${current}`);
        await host.takeRole(generation, () => framed.send({ handover: { generation, ack: true } }));
      } else if (frame.verify != null) {
        await this.sendIndex(framed, await this.guard.index(applier, 'verify'));
      } else if (frame.failure != null) {
        throw new TargetProtocolError(`source failed: ${frame.failure.message ?? frame.failure.code ?? 'unknown'}`);
      } else {
        throw new TargetProtocolError('unexpected frame from the source');
      }
    }
  }
}
