// The target side: accept or refuse offers, send the replica's block map, apply batches through
// the journal and acknowledge them. Everything a source sends is checked here or in the applier;
// a bad frame resets the stream and leaves the replica untouched.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection, Stream } from '@libp2p/interface';
import { FramedStream, asError } from '../net/frames.js';
import { entryToWire, kindFromWire } from '../net/entries.js';
import { MAX_REPLICATE_FRAME_BYTES, PROTOCOL_VERSION, replicateCodec, type ReplicateFrame, type doppel } from '../net/wire.js';
import { Applier, type ReplicaEntry } from '../store/applier.js';
import { DEFAULT_OPTIONS, ProtectionStore, validateProtectionName, type ProtectionRow } from '../store/protections.js';
import { isOutOfFiles, outOfFilesMessage } from '../store/open-files.js';
import type { DaemonContext as EngineContext } from './services.js';
import { emptyCounters, type Counters, type ProtectionStatus } from './status.js';

/** Send a received-bytes ack after this many bytes, so the source's window keeps moving. */
const ACK_EVERY_BYTES = 4 * 1024 * 1024;
const INDEX_CHUNK_ENTRIES = 2000;
const INDEX_CHUNK_BYTES = 4 * 1024 * 1024;

interface ActiveSession {
  framed: FramedStream<ReplicateFrame>;
  startedAt: number;
}

/** One target protection's live state, shown by `status`. */
class TargetState {
  session: ActiveSession | undefined;
  counters: Counters = emptyCounters();
  throughput = { bps: 0, lastBytes: 0, lastAt: 0 };

  constructor(public row: ProtectionRow) {}
}

export class TargetService {
  private readonly states = new Map<number, TargetState>();
  private readonly store: ProtectionStore;
  private timer: NodeJS.Timeout | undefined;
  private readonly handlers = new Set<Promise<void>>();

  constructor(private readonly ctx: EngineContext) {
    this.store = new ProtectionStore(ctx.db);
    for (const row of this.store.list('target')) this.states.set(row.id, new TargetState(row));
  }

  replicaRoot(sourcePeerId: string, name: string): string {
    return join(this.ctx.home, 'replicas', sourcePeerId, name);
  }

  start(): void {
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const st of this.states.values()) {
        const bytes = st.counters.bytesReceived;
        if (st.throughput.lastAt > 0) {
          const rate = ((bytes - st.throughput.lastBytes) * 1000) / (now - st.throughput.lastAt);
          st.throughput.bps = st.throughput.bps * 0.5 + rate * 0.5;
        }
        st.throughput.lastBytes = bytes;
        st.throughput.lastAt = now;
      }
    }, 1000);
    this.timer.unref();
  }

  /** Ends every session; each handler discards its incomplete batch and saves staged block maps. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const st of this.states.values()) st.session?.framed.abort(new Error('daemon stopping'));
    await Promise.race([Promise.allSettled(this.handlers), new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  statuses(): ProtectionStatus[] {
    return [...this.states.values()].map((st) => this.statusOf(st));
  }

  private statusOf(st: TargetState): ProtectionStatus {
    const row = st.row;
    const active = st.session != null;
    return {
      name: row.name,
      role: 'target',
      peer: row.peerId,
      peerName: this.ctx.peerName(row.peerId) ?? null,
      path: row.path,
      kind: row.kind,
      state: active ? (row.mirrored ? 'replicating' : 'mirroring') : 'disconnected',
      generation: row.generation,
      // Mirror progress is tracked by the source, which knows what it still has to send.
      mirror: { doneBytes: 0, totalBytes: 0, etaSeconds: null },
      pendingBytes: 0,
      lagMs: 0,
      throughputBps: Math.round(st.throughput.bps),
      lastError: row.lastError,
      appliedSeq: row.appliedSeq,
      counters: { ...st.counters },
    };
  }

  /** Forget a target protection; the replica's files stay where they are. */
  remove(name: string, sourcePeerId?: string): ProtectionRow[] {
    const removed: ProtectionRow[] = [];
    for (const [id, st] of this.states) {
      if (st.row.name !== name || (sourcePeerId != null && st.row.peerId !== sourcePeerId)) continue;
      st.session?.framed.abort(new Error('protection removed on the target'));
      this.store.remove(id);
      this.states.delete(id);
      removed.push(st.row);
    }
    return removed;
  }

  /** Handler for REPLICATE_PROTOCOL streams (the daemon has already checked trust). */
  async handle(stream: Stream, connection: Connection): Promise<void> {
    const running = this.serve(stream, connection);
    this.handlers.add(running);
    try {
      await running;
    } finally {
      this.handlers.delete(running);
    }
  }

  private async serve(stream: Stream, connection: Connection): Promise<void> {
    const remote = connection.remotePeer.toString();
    const framed = new FramedStream(stream, replicateCodec, { maxFrameBytes: MAX_REPLICATE_FRAME_BYTES });
    let st: TargetState | undefined;
    let applier: Applier | undefined;
    try {
      const first = await framed.read(AbortSignal.timeout(30_000));
      if (first?.offer == null) throw new TargetProtocolError('the first frame was not an offer');
      const offer = first.offer;
      const refusal = this.checkOffer(remote, offer);
      if (refusal != null) {
        this.ctx.log.warn(`refused protection "${offer.protection ?? ''}" from ${remote}: ${refusal.reason}`);
        await framed.send({ offerReply: { accepted: false, code: refusal.code, reason: refusal.reason } });
        await framed.close();
        return;
      }
      st = this.accept(remote, offer);
      st.session?.framed.abort(new Error('superseded by a new session from the same source'));
      const session: ActiveSession = { framed, startedAt: Date.now() };
      st.session = session;
      await mkdir(st.row.path, { recursive: true, mode: 0o755 });
      applier = new Applier({ replicaRoot: st.row.path, db: this.ctx.db, protectionId: st.row.id, blockSize: st.row.options.blockSize });
      const recovered = await applier.recover();
      if (recovered.replayedSeq != null) this.ctx.log.info(`${st.row.name} from ${remote}: replayed journaled batch ${recovered.replayedSeq}`);
      st.row = { ...st.row, appliedSeq: applier.appliedSeq() };
      await framed.send({ offerReply: { accepted: true, generation: st.row.generation, appliedSeq: st.row.appliedSeq } });
      await this.sendIndex(framed, await applier.index());
      this.ctx.log.info(`${st.row.name}: replicating from ${this.ctx.peerName(remote) ?? remote}`);
      this.ctx.publish('protection', this.statusOf(st));
      await this.receive(st, framed, applier);
    } catch (err) {
      const e = asError(err);
      const outOfFiles = isOutOfFiles(err);
      const message = outOfFiles ? outOfFilesMessage(err) : e.message;
      this.ctx.log.warn(`replication stream from ${remote}${st ? ` (${st.row.name})` : ''} reset: ${message}`);
      if (st != null) {
        st.row = { ...st.row, lastError: message };
        this.store.setLastError(st.row.id, message);
      }
      // Tell the source why, so its status says it too (a lost link just fails this send).
      await this.sendFailure(framed, outOfFiles ? 'resources' : 'apply', message);
      framed.abort(e);
    } finally {
      await applier?.abortBatch().catch(() => undefined);
      await applier?.closeSpans().catch((err: Error) => this.ctx.log.warn(`saving staged block maps failed: ${err.message}; they will be re-read`));
      if (st?.session?.framed === framed) {
        st.session = undefined;
        this.ctx.publish('protection', this.statusOf(st));
      }
    }
  }

  private async sendFailure(framed: FramedStream<ReplicateFrame>, code: string, message: string): Promise<void> {
    const sent = framed.send({ failure: { code, message } }).then(() => framed.close());
    await Promise.race([sent.catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  private checkOffer(remote: string, offer: doppel.IOffer): { code: string; reason: string } | undefined {
    if ((offer.protocolVersion ?? 0) !== PROTOCOL_VERSION) {
      return { code: 'version', reason: `protocol version ${offer.protocolVersion ?? 0} is not supported (this peer speaks ${PROTOCOL_VERSION}); upgrade both peers` };
    }
    try {
      validateProtectionName(offer.protection ?? '');
      kindFromWire(offer.kind);
    } catch (err) {
      return { code: 'policy', reason: (err as Error).message };
    }
    const blockSize = offer.blockSize ?? 0;
    if (blockSize < 512 || blockSize > 1024 * 1024 || (blockSize & (blockSize - 1)) !== 0) {
      return { code: 'policy', reason: `block size ${blockSize} must be a power of two between 512 B and 1 MiB` };
    }
    const existing = this.store.find('target', remote, offer.protection ?? '');
    if (existing != null && (offer.generation ?? 0) < existing.generation) {
      return { code: 'generation', reason: `the replica is at generation ${existing.generation}, newer than the source's ${offer.generation ?? 0}; it was failed over: fail back instead` };
    }
    const quota = this.ctx.config.targetQuotaBytes;
    if (quota > 0 && (offer.totalBytes ?? 0) > quota) {
      return { code: 'quota', reason: `the data set (${offer.totalBytes ?? 0} bytes) exceeds this target's quota of ${quota} bytes per source` };
    }
    return undefined;
  }

  private accept(remote: string, offer: doppel.IOffer): TargetState {
    const name = offer.protection ?? '';
    let row = this.store.find('target', remote, name);
    if (row == null) {
      row = this.store.insert({
        name,
        role: 'target',
        peerId: remote,
        path: this.replicaRoot(remote, name),
        kind: kindFromWire(offer.kind),
        options: { ...DEFAULT_OPTIONS, blockSize: offer.blockSize ?? DEFAULT_OPTIONS.blockSize, compress: offer.compress ?? false },
        generation: offer.generation ?? 1,
        createdAt: Date.now(),
      });
      this.ctx.log.info(`accepted new protection "${name}" from ${this.ctx.peerName(remote) ?? remote} into ${row.path}`);
    }
    let st = this.states.get(row.id);
    if (st == null) {
      st = new TargetState(row);
      this.states.set(row.id, st);
    }
    return st;
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

  private async receive(st: TargetState, framed: FramedStream<ReplicateFrame>, applier: Applier): Promise<void> {
    let current: number | undefined;
    let ackedAt = 0;
    for (;;) {
      const frame = await framed.read();
      if (frame == null) return;
      if (frame.batch != null) {
        const batch = frame.batch;
        const seq = batch.seq ?? 0;
        if ((batch.generation ?? 0) !== st.row.generation) {
          throw new TargetProtocolError(`batch ${seq} carries generation ${batch.generation ?? 0}, the protection is at ${st.row.generation}`);
        }
        if (current == null) {
          if (seq <= st.row.appliedSeq) throw new TargetProtocolError(`batch ${seq} was already applied (last applied ${st.row.appliedSeq})`);
          current = seq;
          await applier.beginBatch(seq);
        } else if (seq !== current) {
          throw new TargetProtocolError(`batch ${seq} started before batch ${current} ended`);
        }
        await applier.addOps(batch.ops ?? []);
        st.counters.bytesReceived = framed.bytesReceived;
        if (batch.final) {
          await applier.commitBatch();
          current = undefined;
          st.counters.batches++;
          st.row = { ...st.row, appliedSeq: seq };
          if (st.row.lastError != null) {
            st.row = { ...st.row, lastError: null };
            this.store.setLastError(st.row.id, null);
          }
          if (batch.mirrorDone && !st.row.mirrored) {
            st.row = { ...st.row, mirrored: true };
            this.store.setMirrored(st.row.id, true);
            this.ctx.publish('protection', this.statusOf(st));
          }
          await framed.send({ ack: { receivedBytes: framed.bytesReceived, appliedSeq: seq } });
          ackedAt = framed.bytesReceived;
        } else if (framed.bytesReceived - ackedAt >= ACK_EVERY_BYTES) {
          await framed.send({ ack: { receivedBytes: framed.bytesReceived, appliedSeq: st.row.appliedSeq } });
          ackedAt = framed.bytesReceived;
        }
      } else if (frame.verify != null) {
        // Verify must not trust the replica's cached block map: drop it so every file is re-read.
        this.store.clearScanCache(st.row.id);
        await this.sendIndex(framed, await applier.index());
      } else if (frame.failure != null) {
        throw new TargetProtocolError(`source failed: ${frame.failure.message ?? frame.failure.code ?? 'unknown'}`);
      } else {
        throw new TargetProtocolError('unexpected frame from the source');
      }
    }
  }
}

export class TargetProtocolError extends Error {
  override name = 'TargetProtocolError';
}

