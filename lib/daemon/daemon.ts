// The peer daemon: owns the state database, the libp2p node, the peer protocol, the control API
// and the services (replication, ...), and starts and stops them in dependency order.
import { EventEmitter } from 'node:events';
import type { Libp2p, PeerInfo } from '@libp2p/interface';
import { peerIdFromString } from '@libp2p/peer-id';
import { multiaddr } from '@multiformats/multiaddr';
import type { IdView, PeerView } from '../api/methods.js';
import { backoffDelay, type Backoff } from '../core/backoff.js';
import { UnknownPeerError, UsageError } from '../errors.js';
import type { Logger } from '../log.js';
import { asError } from '../net/frames.js';
import { guardHandler, trustGater } from '../net/gater.js';
import { createNode, parsePeerId, peerAddress } from '../net/node.js';
import { PeerProtocol } from '../net/peer-protocol.js';
import { loadConfig, type Config } from '../store/config.js';
import { loadPeerKey, peerIdOf } from '../store/identity.js';
import { acquirePidLock, openDatabase, StateStore, type PeerRecord } from '../store/state.js';
import { OPEN_FILES_PER_PROTECTION, readLimits } from '../store/open-files.js';
import { systemClock } from './clock.js';
import { ControlServer } from './control-server.js';
import { serviceFactories, type DaemonContext, type PeerEvent, type Service } from './services.js';

export type { DaemonContext } from './services.js';
export type { IdView, PeerState, PeerView } from '../api/methods.js';

const DIAL_TIMEOUT_MS = 5_000;
/** Redials of a peer that refuses us back off from 1 s up to 60 s. */
const REDIAL: Backoff = { firstMs: 1000, maxMs: 60_000 };
/** How long `trust` waits for the peer's Hello before answering "not connected yet". */
const TRUST_CONNECT_WAIT_MS = 3_000;

export interface DaemonOptions {
  home: string;
  log: Logger;
}

export class Daemon {
  private readonly services: Service[] = [];
  private readonly dialing = new Set<string>();
  private readonly redial = new Map<string, { failures: number; at: number }>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(
    private readonly config: Config,
    private readonly state: StateStore,
    private readonly node: Libp2p,
    private readonly peers: PeerProtocol,
    private readonly control: ControlServer,
    private readonly releaseLock: () => void,
    readonly context: DaemonContext,
  ) {}

  static async start(options: DaemonOptions): Promise<Daemon> {
    const { home, log } = options;
    const config = loadConfig(home);
    const privateKey = loadPeerKey(home);
    const releaseLock = acquirePidLock(home);
    let db: ReturnType<typeof openDatabase> | undefined;
    try {
      db = openDatabase(home);
      const state = new StateStore(db);
      const peerId = peerIdOf(privateKey);
      const netLog = log.child('net');
      const events = new EventEmitter<Record<PeerEvent, [string]>>();
      const control = new ControlServer(log.child('control'));
      let onPeerUp = (_peerId: string): void => {};
      let onPeerDown = (_peerId: string): void => {};
      const node = await createNode({
        privateKey,
        listen: config.listen,
        mdns: config.mdns,
        gater: trustGater({
          isTrusted: (id) => state.isTrusted(id),
          onRefused: (id, direction) => {
            if (direction !== 'inbound') return;
            const known = state.get(id) !== undefined;
            state.recordSeen(id, [], 'inbound', Date.now());
            netLog.info('refused a connection from an untrusted peer; it is pending', { peer: id, hint: `doppel trust ${id}` });
            if (!known) control.publish('peer:pending', { peerId: id });
          },
        }),
      });
      const trustLog = log.child('trust');
      const handle: DaemonContext['handle'] = (protocol, handler) =>
        node.handle(protocol, guardHandler(protocol, (id) => state.isTrusted(id), trustLog, handler));
      const peers = new PeerProtocol({
        node,
        name: config.name,
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        log: log.child('peer'),
        handle,
        isTrusted: (id) => state.isTrusted(id),
        onHello: (id, hello) => {
          if (hello.name != null && hello.name !== '') state.nameIfUnnamed(id, hello.name);
          state.recordSeen(id, [], 'dial', Date.now());
        },
        onUp: (id) => onPeerUp(id),
        onDown: (id) => onPeerDown(id),
      });
      const context: DaemonContext = {
        home,
        config,
        db,
        state,
        node,
        log,
        clock: systemClock,
        peerId,
        name: config.name,
        events,
        handle,
        isTrusted: (id) => state.isTrusted(id),
        resolvePeer: (nameOrPeerId) => resolvePeer(state, nameOrPeerId),
        peerName: (id) => state.get(id)?.name,
        lastHeard: (id) => peers.link(id)?.lastSeen,
        askWitnesses: (id, withinMs, timeoutMs) => peers.askWitnesses(id, withinMs, timeoutMs),
        heartbeatAtLeastEvery: (ms) => peers.setMinInterval(ms),
        registerMethod: control.registerMethod.bind(control),
        publish: (event, data) => control.publish(event, data),
      };
      const daemon = new Daemon(config, state, node, peers, control, releaseLock, context);
      onPeerUp = (id) => daemon.peerChanged('peer:connected', id);
      onPeerDown = (id) => {
        state.recordSeen(id, [], 'dial', Date.now());
        daemon.peerChanged('peer:disconnected', id);
      };
      await daemon.run();
      return daemon;
    } catch (err) {
      db?.close();
      releaseLock();
      throw err;
    }
  }

  private async run(): Promise<void> {
    const { log } = this.context;
    await this.node.start();
    this.node.addEventListener('peer:discovery', (evt) => this.discovered(evt.detail));
    for (const addr of this.config.bootstrap) {
      const id = multiaddr(addr).getComponents().at(-1)?.value;
      if (id !== undefined && id !== this.context.peerId) this.state.recordSeen(id, [addr], 'config', Date.now());
    }
    await this.peers.start();
    try {
      for (const factory of serviceFactories) {
        const service = factory(this.context);
        await service.start();
        this.services.push(service);
      }
      this.registerMethods();
      await this.control.listen(this.config.controlSocket);
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.reconnectTimer = setInterval(() => this.reconnect(), Math.max(1000, this.config.heartbeatIntervalMs));
    this.reconnect();
    log.info('doppel peer is up', { peer: this.context.peerId, name: this.config.name, addrs: this.addresses().join(','), control: this.config.controlSocket });
    // Node raises its soft open-file limit to the hard limit as it starts (as many daemons do);
    // the data path keeps within a fixed budget per protection whatever the limit (open-files.ts).
    const limits = readLimits();
    if (limits !== undefined) {
      const perProtection = `each protection holds at most ${OPEN_FILES_PER_PROTECTION}`;
      if (limits.soft < 1024) log.warn(`open-file limit is ${limits.soft}; ${perProtection}: raise LimitNOFILE= or \`ulimit -n\` if many protections run here`);
      else log.info(`open-file limit ${limits.soft} (raised to the hard limit at start; ${perProtection})`);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const { log } = this.context;
    clearInterval(this.reconnectTimer);
    await this.control.close();
    for (const service of [...this.services].reverse()) {
      try {
        await service.stop();
      } catch (err) {
        log.error('a service failed to stop', { error: asError(err) });
      }
    }
    await this.peers.stop();
    await this.node.stop();
    this.context.db.close();
    this.releaseLock();
    log.info('doppel peer stopped');
  }

  private peerChanged(event: PeerEvent, peerId: string): void {
    const name = this.state.get(peerId)?.name;
    if (event === 'peer:connected' || event === 'peer:trusted') this.redial.delete(peerId);
    this.context.log.info(event === 'peer:connected' ? 'peer connected' : event === 'peer:disconnected' ? 'peer disconnected' : event.slice(5), { peer: peerId, name });
    this.context.events.emit(event, peerId);
    this.control.publish(event, { peerId, name: name ?? null });
  }

  private discovered(info: PeerInfo): void {
    const id = info.id.toString();
    if (id === this.context.peerId) return;
    const known = this.state.get(id) !== undefined;
    const addrs = info.multiaddrs.map((ma) => peerAddress(id, ma));
    this.state.recordSeen(id, addrs, 'mdns', Date.now());
    if (!known) {
      this.context.log.info('discovered a peer; it is pending until trusted', { peer: id, addrs: addrs.join(',') });
      this.control.publish('peer:pending', { peerId: id });
    }
  }

  /** Dials trusted peers that have known addresses and no connection. */
  private reconnect(): void {
    for (const peer of this.state.list()) {
      if (!peer.trusted || peer.addrs.length === 0 || this.dialing.has(peer.peerId)) continue;
      if (this.peers.link(peer.peerId) !== undefined) continue;
      if ((this.redial.get(peer.peerId)?.at ?? 0) > Date.now()) continue;
      if (this.node.getConnections().some((c) => c.remotePeer.toString() === peer.peerId)) continue;
      const failures = (this.redial.get(peer.peerId)?.failures ?? 0) + 1;
      // Counted as a failure until the peer's Hello arrives (peerChanged resets it): a peer that
      // does not trust us yet accepts the TCP dial and then closes it.
      this.redial.set(peer.peerId, { failures, at: Date.now() + backoffDelay(failures, REDIAL) });
      void this.dial(peer);
    }
  }

  private async dial(peer: PeerRecord): Promise<string | undefined> {
    this.dialing.add(peer.peerId);
    try {
      await this.node.dial(peer.addrs.map((a) => multiaddr(a)), { signal: AbortSignal.timeout(DIAL_TIMEOUT_MS) });
      return undefined;
    } catch (err) {
      const reason = asError(err).message;
      this.context.log.debug('dial failed; will retry', { peer: peer.peerId, reason });
      return reason;
    } finally {
      this.dialing.delete(peer.peerId);
    }
  }

  private async waitForLink(peerId: string, timeoutMs: number): Promise<void> {
    if (this.peers.link(peerId) !== undefined) return;
    const { events } = this.context;
    await new Promise<void>((resolve) => {
      const done = () => { clearTimeout(timer); events.off('peer:connected', onUp); resolve(); };
      const onUp = (id: string) => { if (id === peerId) done(); };
      const timer = setTimeout(done, timeoutMs);
      events.on('peer:connected', onUp);
    });
  }

  private addresses(): string[] {
    return this.node.getMultiaddrs().map((ma) => ma.toString());
  }

  id(): IdView {
    return { peerId: this.context.peerId, name: this.config.name, addresses: this.addresses() };
  }

  peerList(): PeerView[] {
    return this.state.list().filter((p) => p.peerId !== this.context.peerId).map((p) => {
      const link = p.trusted ? this.peers.link(p.peerId) : undefined;
      return {
        peerId: p.peerId,
        name: p.name ?? link?.name ?? null,
        state: !p.trusted ? 'pending' : link !== undefined ? 'connected' : 'trusted',
        addresses: p.addrs,
        latencyMs: link?.latencyMs ?? null,
        lastSeen: link?.lastSeen ?? p.lastSeen ?? null,
        discovered: p.discovered ?? null,
      };
    });
  }

  private registerMethods(): void {
    const control = this.control;
    control.registerMethod('id', async () => this.id());
    control.registerMethod('peers', async () => this.peerList());
    control.registerMethod('trust', async (params) => {
      const peerId = parsePeerId(params.peerId);
      if (peerId === this.context.peerId) throw new UsageError('that is this peer\'s own PeerId; run `doppel trust` with the other peer\'s id');
      const name = params.name;
      const addrs = (params.addrs ?? []).map((a) => peerAddress(peerId, a));
      if (name !== undefined) {
        const clash = this.state.list().find((p) => p.trusted && p.name === name && p.peerId !== peerId);
        if (clash !== undefined) throw new UsageError(`the name ${name} is already used by trusted peer ${clash.peerId}; choose another --name`);
      }
      const wasTrusted = this.state.isTrusted(peerId);
      const record = this.state.trust(peerId, name, addrs, Date.now());
      if (!wasTrusted) this.peerChanged('peer:trusted', peerId);
      let dialError: string | undefined;
      if (record.addrs.length > 0 && this.peers.link(peerId) === undefined) {
        dialError = await this.dial(record);
        if (dialError === undefined) await this.waitForLink(peerId, TRUST_CONNECT_WAIT_MS);
      }
      const connected = this.peers.link(peerId) !== undefined;
      if (!connected && dialError === undefined && record.addrs.length > 0) {
        dialError = `the peer closed the connection; it may not trust this peer yet: run \`doppel trust ${this.context.peerId}\` there`;
      }
      return { peerId, name: this.state.get(peerId)?.name ?? null, addresses: record.addrs, connected, dialError: dialError ?? null };
    });
    control.registerMethod('untrust', async (params) => {
      const peer = params.peerId;
      let peerId: string;
      try {
        peerId = parsePeerId(peer);
      } catch {
        peerId = resolvePeer(this.state, peer);
      }
      const wasTrusted = this.state.isTrusted(peerId);
      this.state.untrust(peerId);
      // Closing the connections resets every stream on them, replication included.
      await this.node.hangUp(peerIdFromString(peerId)).catch(() => {});
      if (wasTrusted) this.peerChanged('peer:untrusted', peerId);
      return { peerId, wasTrusted };
    });
  }
}

function resolvePeer(state: StateStore, nameOrPeerId: string): string {
  const trusted = state.list().filter((p) => p.trusted);
  const byId = trusted.find((p) => p.peerId === nameOrPeerId);
  if (byId !== undefined) return byId.peerId;
  const byName = trusted.filter((p) => p.name === nameOrPeerId);
  if (byName.length === 1) return byName[0]!.peerId;
  if (byName.length > 1) throw new UsageError(`several trusted peers are named ${nameOrPeerId}; use a PeerId`);
  throw new UnknownPeerError(nameOrPeerId);
}


