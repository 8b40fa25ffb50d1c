// /doppel/peer/1.0.0: one long-lived stream per connection, opened by the dialer. Each side sends
// Hello, then a Heartbeat every interval; the other side echoes it (reply=true, same seq). The
// round trip is the latency `doppel peers` shows; silence for MISSED_HEARTBEATS intervals closes
// the connection so the reconnect loop can start over. Heartbeats also keep the stream under
// libp2p's stream inactivity timeout (120 s; the config caps the interval at 60 s).
//
// A protection's failover policy may want a shorter interval than the configured one
// (`--heartbeat 250ms`): setMinInterval() lowers it for every session. The same stream carries
// witness questions ("do you still reach peer X?") asked before an automatic failover.
import type { Connection, Libp2p, Stream } from '@libp2p/interface';
import { asError, FramedStream } from './frames.js';
import type { GuardedHandler } from './gater.js';
import { MAX_PEER_FRAME_BYTES, PEER_PROTOCOL, peerCodec, PROTOCOL_VERSION, type doppel, type PeerFrame } from './wire.js';
import type { Logger } from '../log.js';

export const MISSED_HEARTBEATS = 5;
const SOFTWARE = `doppel/0.1.0 node/${process.versions.node}`;

export interface PeerLink {
  peerId: string;
  /** Name the peer announced in its Hello. */
  name: string | undefined;
  /** Round trip of the latest answered heartbeat. */
  latencyMs: number | undefined;
  /** Wall-clock ms of the latest frame received. */
  lastSeen: number;
}

export interface PeerProtocolOptions {
  node: Libp2p;
  name: string;
  heartbeatIntervalMs: number;
  log: Logger;
  /** Registers the handler behind the trust check. */
  handle(protocol: string, handler: GuardedHandler): Promise<void>;
  isTrusted(peerId: string): boolean;
  onHello(peerId: string, hello: doppel.IHello): void;
  onUp(peerId: string): void;
  onDown(peerId: string): void;
}

class Session {
  readonly framed: FramedStream<PeerFrame>;
  name: string | undefined;
  latencyMs: number | undefined;
  lastSeen = Date.now();
  helloReceived = false;
  private seq = 0;
  private readonly sentAt = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private intervalMs = 0;

  constructor(readonly peerId: string, readonly connection: Connection, stream: Stream, private readonly owner: PeerProtocol) {
    this.framed = new FramedStream(stream, peerCodec, { maxFrameBytes: MAX_PEER_FRAME_BYTES });
  }

  async run(): Promise<void> {
    const { options } = this.owner;
    const log = options.log;
    try {
      await this.framed.send({ hello: { protocolVersion: PROTOCOL_VERSION, name: options.name, software: SOFTWARE, timeMs: Date.now() } });
      this.schedule();
      this.tick(); // a latency right away, not one interval later
      for await (const frame of this.framed) {
        this.lastSeen = Date.now();
        if (frame.hello != null) {
          if (frame.hello.protocolVersion !== PROTOCOL_VERSION) {
            await this.framed.send({ failure: { code: 'version', message: `doppel protocol ${PROTOCOL_VERSION} expected; upgrade the older peer` } });
            throw new Error(`peer speaks doppel protocol ${frame.hello.protocolVersion}, this peer ${PROTOCOL_VERSION}`);
          }
          this.name = frame.hello.name ?? undefined;
          options.onHello(this.peerId, frame.hello);
          if (!this.helloReceived) {
            this.helloReceived = true;
            this.owner.sessionUp(this);
          }
        } else if (frame.heartbeat != null) {
          const seq = Number(frame.heartbeat.seq ?? 0);
          if (frame.heartbeat.reply === true) {
            const sent = this.sentAt.get(seq);
            if (sent !== undefined) this.latencyMs = Math.round((performance.now() - sent) * 100) / 100;
            this.sentAt.delete(seq);
          } else {
            await this.framed.send({ heartbeat: { seq, timeMs: Date.now(), reply: true } });
          }
        } else if (frame.witnessQuery != null) {
          const q = frame.witnessQuery;
          const about = this.owner.link(q.peerId ?? '');
          const ago = about === undefined ? undefined : Math.max(0, Date.now() - about.lastSeen);
          const reachable = ago !== undefined && ago <= (q.withinMs ?? 0);
          await this.framed.send({ witnessAnswer: { id: q.id ?? 0, reachable, lastSeenAgoMs: ago ?? 0 } });
        } else if (frame.witnessAnswer != null) {
          this.owner.answered(Number(frame.witnessAnswer.id ?? 0), frame.witnessAnswer.reachable === true);
        } else if (frame.failure != null) {
          throw new Error(`peer refused the session: ${frame.failure.code ?? ''} ${frame.failure.message ?? ''}`);
        }
      }
      log.info('peer closed its peer stream', { peer: this.peerId });
    } catch (err) {
      if (this.owner.stopping) return;
      const error = asError(err);
      // A bad frame means the peer is broken or hostile: drop the whole connection, not just the stream.
      log.warn('closing the connection to a peer', { peer: this.peerId, reason: error.message, error: error.name });
      this.connection.abort(error);
    } finally {
      clearInterval(this.timer);
      this.owner.sessionDown(this);
    }
  }

  /** (Re)arms the heartbeat timer at the owner's current interval. */
  schedule(): void {
    const ms = this.owner.intervalMs();
    if (ms === this.intervalMs && this.timer !== undefined) return;
    clearInterval(this.timer);
    this.intervalMs = ms;
    this.timer = setInterval(() => this.tick(), ms);
  }

  private tick(): void {
    const { heartbeatIntervalMs, log } = this.owner.options;
    // Judged against the configured interval: a failover policy's shorter one must not make a
    // busy link close connections (a protection's own countdown is what acts on silence).
    if (Date.now() - this.lastSeen > MISSED_HEARTBEATS * heartbeatIntervalMs) {
      log.warn('peer missed heartbeats; closing the connection', { peer: this.peerId, missed: MISSED_HEARTBEATS });
      this.connection.abort(new Error(`no heartbeat for ${MISSED_HEARTBEATS} intervals`));
      return;
    }
    this.seq += 1;
    this.sentAt.set(this.seq, performance.now());
    this.sentAt.delete(this.seq - MISSED_HEARTBEATS);
    this.framed.send({ heartbeat: { seq: this.seq, timeMs: Date.now(), reply: false } }).catch(() => {
      // The read loop sees the same failure and closes the session.
    });
  }

  close(): void {
    clearInterval(this.timer);
    this.framed.abort(new Error('doppel daemon stopping'));
  }

  /** Sends a witness question; the answer arrives through the owner. */
  ask(id: number, peerId: string, withinMs: number): void {
    this.framed.send({ witnessQuery: { id, peerId, withinMs } }).catch(() => undefined);
  }
}

export class PeerProtocol {
  stopping = false;
  private readonly sessions = new Map<string, Set<Session>>();
  private minIntervalMs = Infinity;
  private questions = 0;
  private readonly pending = new Map<number, (reachable: boolean) => void>();
  private readonly onConnectionOpen = (evt: CustomEvent<Connection>) => { void this.dialSession(evt.detail); };

  constructor(readonly options: PeerProtocolOptions) {}

  async start(): Promise<void> {
    await this.options.handle(PEER_PROTOCOL, (stream, connection) => {
      void this.runSession(stream, connection);
    });
    this.options.node.addEventListener('connection:open', this.onConnectionOpen);
    for (const connection of this.options.node.getConnections()) void this.dialSession(connection);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.options.node.removeEventListener('connection:open', this.onConnectionOpen);
    await this.options.node.unhandle(PEER_PROTOCOL);
    for (const set of this.sessions.values()) for (const s of set) s.close();
  }

  /** The heartbeat interval in force: the configured one, or a failover policy's shorter one. */
  intervalMs(): number {
    return Math.min(this.options.heartbeatIntervalMs, this.minIntervalMs);
  }

  /** Heartbeats at least every `ms` (Infinity: the configured interval), on every session. */
  setMinInterval(ms: number): void {
    this.minIntervalMs = Math.max(50, ms);
    for (const set of this.sessions.values()) for (const s of set) s.schedule();
  }

  /**
   * Asks every connected trusted peer except `peerId` whether it heard from `peerId` within
   * `withinMs`. Resolves after `timeoutMs` (or when all answered) with the answers received:
   * a witness that does not answer in time counts as not asked.
   */
  async askWitnesses(peerId: string, withinMs: number, timeoutMs: number): Promise<{ asked: number; reachable: number }> {
    const waits: Array<Promise<boolean | undefined>> = [];
    for (const [witness, set] of this.sessions) {
      if (witness === peerId || !this.options.isTrusted(witness)) continue;
      const session = [...set].find((s) => s.helloReceived);
      if (session === undefined) continue;
      const id = ++this.questions;
      waits.push(new Promise((resolve) => {
        const timer = setTimeout(() => { this.pending.delete(id); resolve(undefined); }, timeoutMs);
        this.pending.set(id, (reachable) => { clearTimeout(timer); resolve(reachable); });
        session.ask(id, peerId, withinMs);
      }));
    }
    const answers = (await Promise.all(waits)).filter((a): a is boolean => a !== undefined);
    return { asked: answers.length, reachable: answers.filter(Boolean).length };
  }

  /** @internal */ answered(id: number, reachable: boolean): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(reachable);
  }

  /** The freshest view of a peer that completed a Hello, or undefined when it is not connected. */
  link(peerId: string): PeerLink | undefined {
    let best: Session | undefined;
    for (const s of this.sessions.get(peerId) ?? []) {
      if (s.helloReceived && (best === undefined || s.lastSeen > best.lastSeen)) best = s;
    }
    if (best === undefined) return undefined;
    // Both sides may have dialled at once: any session's measured latency is the link's.
    const latencyMs = best.latencyMs ?? [...this.sessions.get(peerId)!].find((s) => s.latencyMs !== undefined)?.latencyMs;
    return { peerId, name: best.name, latencyMs, lastSeen: best.lastSeen };
  }

  private async dialSession(connection: Connection): Promise<void> {
    const peerId = connection.remotePeer.toString();
    if (connection.direction !== 'outbound' || !this.options.isTrusted(peerId)) return;
    try {
      const stream = await connection.newStream(PEER_PROTOCOL);
      await this.runSession(stream, connection);
    } catch (err) {
      if (!this.stopping) this.options.log.warn('could not open the peer stream', { peer: peerId, reason: asError(err).message });
    }
  }

  private async runSession(stream: Stream, connection: Connection): Promise<void> {
    const peerId = connection.remotePeer.toString();
    const session = new Session(peerId, connection, stream, this);
    let set = this.sessions.get(peerId);
    if (set === undefined) this.sessions.set(peerId, set = new Set());
    set.add(session);
    await session.run();
  }

  /** @internal */ sessionUp(session: Session): void {
    const up = [...this.sessions.get(session.peerId) ?? []].filter((s) => s.helloReceived).length;
    if (up === 1) this.options.onUp(session.peerId);
  }

  /** @internal */ sessionDown(session: Session): void {
    const set = this.sessions.get(session.peerId);
    if (set === undefined || !set.delete(session)) return;
    if (set.size === 0) this.sessions.delete(session.peerId);
    if (session.helloReceived && ![...set].some((s) => s.helloReceived)) this.options.onDown(session.peerId);
  }
}
