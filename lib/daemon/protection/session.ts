// One session of a source with its target: dial, offer, the target's block map, then the frames
// the target sends while batches flow (acknowledgements, verify answers, failures).
import { peerIdFromString } from '@libp2p/peer-id';
import type { TargetView } from '../../core/plan.js';
import { entriesFromIndex, kindToWire } from '../../net/entries.js';
import { FramedStream, asError } from '../../net/frames.js';
import { MAX_REPLICATE_FRAME_BYTES, PROTOCOL_VERSION, REPLICATE_PROTOCOL, replicateCodec, type ReplicateFrame, type doppel } from '../../net/wire.js';
import type { ProtectionRow } from '../../store/protections.js';
import type { DaemonContext } from '../services.js';
import type { OfferFlags } from './strategy.js';

const DIAL_TIMEOUT_MS = 10_000;
const OFFER_REPLY_TIMEOUT_MS = 30_000;
/** The target reads its whole replica to build the block map; a large one takes a while. */
const INDEX_TIMEOUT_MS = 120_000;

export class OfferRefusedError extends Error {
  override name = 'OfferRefusedError';
  /** The target's generation, when it said (a refusal for code 'generation' does). */
  generation = 0;
  /** code 'split-brain': what the target wrote that this side lacks. */
  divergence = { files: 0, bytes: 0 };
  constructor(readonly code: string, reason: string) {
    super(`target refused the protection (${code}): ${reason}`);
  }
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

/** The session ended or cannot go on; the source starts a new one, which resumes where this one stopped. */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

/** The target ended the session and said why (its Failure frame). */
export class TargetFailedError extends Error {
  override name = 'TargetFailedError';
  constructor(readonly code: string, message: string) {
    super(`target: ${message}`);
  }
}

export class SourceSession {
  /** The target's block map, kept current as batches go out. */
  view: TargetView = { entries: new Map(), staged: new Map() };
  ackedBytes = 0;
  appliedSeq = 0;
  nextSeq = 1;
  closed = false;
  closeError: Error | undefined;
  /** Mirror batches sent and not yet applied, with their data bytes: progress follows acks. */
  private readonly mirrorBatches: Array<{ seq: number; bytes: number }> = [];
  private ackWaiters: Array<() => void> = [];
  private handoverWaiter: { resolve: (generation: number) => void; reject: (err: Error) => void } | undefined;
  private indexWaiter: { entries: doppel.IIndexEntry[]; resolve: (entries: doppel.IIndexEntry[]) => void; reject: (err: Error) => void } | undefined;

  private constructor(readonly framed: FramedStream<ReplicateFrame>) {}

  static async dial(ctx: DaemonContext, peerId: string, signal: AbortSignal): Promise<SourceSession> {
    let stream;
    try {
      stream = await ctx.node.dialProtocol(peerIdFromString(peerId), REPLICATE_PROTOCOL, { signal: AbortSignal.any([signal, AbortSignal.timeout(DIAL_TIMEOUT_MS)]) });
    } catch (err) {
      throw new TargetUnreachableError(`cannot reach ${ctx.peerName(peerId) ?? peerId}: ${asError(err).message}`);
    }
    return new SourceSession(new FramedStream(stream, replicateCodec, { maxFrameBytes: MAX_REPLICATE_FRAME_BYTES }));
  }

  /** Offers the protection; once accepted, the session resumes after the target's last applied batch. */
  async negotiate(ctx: DaemonContext, row: ProtectionRow, totalBytes: number, flags: OfferFlags): Promise<number> {
    await this.framed.send({
      offer: {
        protocolVersion: PROTOCOL_VERSION,
        protection: row.name,
        kind: kindToWire(row.kind),
        generation: row.generation,
        blockSize: row.options.blockSize,
        totalBytes,
        compress: row.options.compress,
        sourceName: ctx.name,
        reverse: flags.reverse,
        failback: flags.failback,
        diverged: flags.diverged,
        divergedFiles: flags.divergedFiles,
        divergedBytes: flags.divergedBytes,
        failoverMode: row.options.failover.mode,
        heartbeatMs: row.options.failover.heartbeatMs,
        missed: row.options.failover.missed,
      },
    });
    const reply = await this.framed.read(AbortSignal.timeout(OFFER_REPLY_TIMEOUT_MS));
    if (reply?.offerReply == null) throw new ProtocolError('target did not answer the offer');
    if (!reply.offerReply.accepted) {
      const refused = new OfferRefusedError(reply.offerReply.code ?? 'refused', reply.offerReply.reason ?? '');
      refused.generation = reply.offerReply.generation ?? 0;
      refused.divergence = { files: reply.offerReply.divergedFiles ?? 0, bytes: reply.offerReply.divergedBytes ?? 0 };
      throw refused;
    }
    this.appliedSeq = reply.offerReply.appliedSeq ?? 0;
    this.nextSeq = this.appliedSeq + 1;
    const entries: doppel.IIndexEntry[] = [];
    for (;;) {
      const frame = await this.framed.read(AbortSignal.timeout(INDEX_TIMEOUT_MS));
      if (frame?.index == null) throw new ProtocolError('target did not send its block map');
      entries.push(...(frame.index.entries ?? []));
      if (frame.index.last) break;
    }
    this.view = entriesFromIndex(entries);
    return reply.offerReply.generation ?? 0;
  }

  /**
   * Reads what the target sends until the session ends; `onAck` runs after each acknowledgement,
   * `onEnd` once at the end. Never rejects: why the session ended is in closeError.
   */
  async readLoop(onAck: () => void, onEnd: () => void): Promise<void> {
    try {
      for (;;) {
        const frame = await this.framed.read();
        if (frame == null) break;
        if (frame.ack != null) {
          this.ackedBytes = Math.max(this.ackedBytes, frame.ack.receivedBytes ?? 0);
          this.appliedSeq = Math.max(this.appliedSeq, frame.ack.appliedSeq ?? 0);
          onAck();
          this.wakeAckWaiters();
        } else if (frame.index != null && this.indexWaiter != null) {
          this.indexWaiter.entries.push(...(frame.index.entries ?? []));
          if (frame.index.last) {
            const waiter = this.indexWaiter;
            this.indexWaiter = undefined;
            waiter.resolve(waiter.entries);
          }
        } else if (frame.handover?.ack === true) {
          this.handoverWaiter?.resolve(frame.handover.generation ?? 0);
          this.handoverWaiter = undefined;
        } else if (frame.failure != null) {
          throw new TargetFailedError(frame.failure.code ?? 'failed', frame.failure.message ?? 'failed without saying why');
        } else {
          throw new ProtocolError('target sent an unexpected frame');
        }
      }
      this.closeError = new SessionEndedError('target closed the session');
    } catch (err) {
      this.closeError = asError(err);
    } finally {
      this.closed = true;
      this.indexWaiter?.reject(this.closeError ?? new SessionEndedError('session closed'));
      this.handoverWaiter?.reject(this.closeError ?? new SessionEndedError('session closed'));
      this.wakeAckWaiters();
      onEnd();
    }
  }

  /** Asks the target for a fresh block map, read from its disk rather than its cache (verify). */
  async requestIndex(id: number): Promise<doppel.IIndexEntry[]> {
    const entries = new Promise<doppel.IIndexEntry[]>((resolve, reject) => {
      this.indexWaiter = { entries: [], resolve, reject };
    });
    // Rejected when the session ends; if the send below fails, nobody else awaits it.
    entries.catch(() => undefined);
    await this.framed.send({ verify: { id } });
    return entries;
  }

  /**
   * Asks the target to take the primary role at `generation` (everything it lacks was applied);
   * resolves once it has durably taken it.
   */
  async handOver(generation: number, timeoutMs: number): Promise<void> {
    this.throwIfClosed();
    const taken = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new SessionEndedError(`the target did not take the primary role within ${timeoutMs / 1000} s`)), timeoutMs);
      this.handoverWaiter = {
        resolve: (g) => { clearTimeout(timer); resolve(g); },
        reject: (err) => { clearTimeout(timer); reject(err); },
      };
    });
    taken.catch(() => undefined);
    await this.framed.send({ handover: { generation } });
    const g = await taken;
    if (g !== generation) throw new ProtocolError(`the target took the role at generation ${g}, not ${generation}`);
  }

  /** A mirror batch just sent, to be credited to the mirror's progress once applied. */
  sentMirrorBatch(seq: number, bytes: number): void {
    this.mirrorBatches.push({ seq, bytes });
  }

  /** Data bytes of the mirror batches applied since the last call. */
  takeAppliedMirrorBytes(): number {
    let bytes = 0;
    while (this.mirrorBatches.length > 0 && this.mirrorBatches[0]!.seq <= this.appliedSeq) bytes += this.mirrorBatches.shift()!.bytes;
    return bytes;
  }

  /** Resolves at the next acknowledgement (or the end of the session), or after `ms`. */
  ackOrTimeout(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.ackWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  throwIfClosed(): void {
    if (this.closed) throw this.closeError ?? new SessionEndedError('session closed');
  }

  end(): void {
    this.closed = true;
    this.wakeAckWaiters();
    this.framed.abort(new SessionEndedError('session ended'));
  }

  private wakeAckWaiters(): void {
    for (const w of this.ackWaiters.splice(0)) w();
  }
}
