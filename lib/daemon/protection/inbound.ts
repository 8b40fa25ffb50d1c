// Incoming replicate streams (the daemon has already checked trust): read the offer, refuse it or
// accept it, creating the target protection the first time, and hand the stream to that
// protection's target strategy.
import type { Connection, Stream } from '@libp2p/interface';
import { kindFromWire } from '../../net/entries.js';
import { FramedStream } from '../../net/frames.js';
import { MAX_REPLICATE_FRAME_BYTES, PROTOCOL_VERSION, replicateCodec, type ReplicateFrame, type doppel } from '../../net/wire.js';
import { DEFAULT_OPTIONS, validateProtectionName, type ProtectionRow, type ProtectionStore } from '../../store/protections.js';
import type { DaemonContext } from '../services.js';
import type { ProtectionRuntime, Refusal } from './runtime.js';
import { replicaRoot, resetStream, TargetProtocolError, type TargetStrategy } from './target.js';

const OFFER_TIMEOUT_MS = 30_000;

export interface InboundRoutes {
  /**
   * The runtime of protection `name` with `peerId` in `role` as configured here: 'target' for an
   * offer from its source, 'source' for a reverse offer from its promoted replica.
   */
  find(peerId: string, name: string, role: 'source' | 'target'): ProtectionRuntime | undefined;
  /** Creates and starts the runtime of a target protection just stored; it is found from then on. */
  open(row: ProtectionRow): Promise<ProtectionRuntime>;
}



export class InboundDispatcher {
  /** Streams whose offer is still being read or checked. */
  private readonly negotiating = new Set<FramedStream<ReplicateFrame>>();
  private stopped = false;

  constructor(private readonly ctx: DaemonContext, private readonly store: ProtectionStore, private readonly routes: InboundRoutes) {}

  /** Handler for REPLICATE_PROTOCOL streams. */
  async handle(stream: Stream, connection: Connection): Promise<void> {
    const remote = connection.remotePeer.toString();
    const framed = new FramedStream(stream, replicateCodec, { maxFrameBytes: MAX_REPLICATE_FRAME_BYTES });
    if (this.stopped) {
      framed.abort(new Error('daemon stopping'));
      return;
    }
    this.negotiating.add(framed);
    let target: TargetStrategy;
    try {
      const first = await framed.read(AbortSignal.timeout(OFFER_TIMEOUT_MS));
      if (first?.offer == null) throw new TargetProtocolError('the first frame was not an offer');
      const offer = first.offer;
      const reverse = offer.reverse === true;
      const found = this.routes.find(remote, offer.protection ?? '', reverse ? 'source' : 'target');
      const refusal = this.checkOffer(offer, found) ?? await found?.admit(offer);
      if (refusal != null) {
        this.ctx.log.warn(`refused protection "${offer.protection ?? ''}" from ${remote}: ${refusal.reason}`);
        await framed.send({ offerReply: { accepted: false, code: refusal.code, reason: refusal.reason, generation: refusal.generation ?? 0, divergedFiles: refusal.divergedFiles ?? 0, divergedBytes: refusal.divergedBytes ?? 0 } });
        await framed.close();
        return;
      }
      const runtime = found ?? await this.routes.open(this.accept(remote, offer));
      if (found === undefined) await runtime.admit(offer);
      // admit() may have moved the protection to follow the peer: let that switch finish.
      await runtime.failover.settled();
      if (runtime.target === undefined) throw new TargetProtocolError(`${runtime.name} acts as source here; the offer cannot be served`);
      target = runtime.target;
    } catch (err) {
      await resetStream(this.ctx, framed, remote, err);
      return;
    } finally {
      this.negotiating.delete(framed);
    }
    await target.serve(framed, remote);
  }

  /** Resets streams still negotiating; those already routed end with their protection. */
  stop(): void {
    this.stopped = true;
    for (const framed of this.negotiating) framed.abort(new Error('daemon stopping'));
  }

  private checkOffer(offer: doppel.IOffer, existing: ProtectionRuntime | undefined): Refusal | undefined {
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
    if (existing == null && offer.reverse === true) {
      return { code: 'policy', reason: `this peer protects no data set named "${offer.protection ?? ''}" to the sender; a reverse offer is for a protection's own source` };
    }
    const quota = this.ctx.config.targetQuotaBytes;
    if (quota > 0 && (offer.totalBytes ?? 0) > quota) {
      return { code: 'quota', reason: `the data set (${offer.totalBytes ?? 0} bytes) exceeds this target's quota of ${quota} bytes per source` };
    }
    return undefined;
  }

  /** Stores a new target protection for an accepted offer. */
  private accept(remote: string, offer: doppel.IOffer): ProtectionRow {
    const name = offer.protection ?? '';
    const row = this.store.insert({
      name,
      role: 'target',
      peerId: remote,
      path: replicaRoot(this.ctx.home, remote, name),
      kind: kindFromWire(offer.kind),
      options: { ...DEFAULT_OPTIONS, blockSize: offer.blockSize ?? DEFAULT_OPTIONS.blockSize, compress: offer.compress ?? false },
      generation: offer.generation ?? 1,
      createdAt: this.ctx.clock.now(),
    });
    this.ctx.log.info(`accepted new protection "${name}" from ${this.ctx.peerName(remote) ?? remote} into ${row.path}`);
    return row;
  }
}
