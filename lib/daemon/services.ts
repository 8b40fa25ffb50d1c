// Extension point of the daemon: a service (e.g. replication) is created from the daemon's
// context after libp2p starts, started in list order, and stopped in reverse before libp2p stops.
import type { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { Libp2p } from '@libp2p/interface';
import type { GuardedHandler } from '../net/gater.js';
import type { Logger } from '../log.js';
import type { Config } from '../store/config.js';
import type { StateStore } from '../store/state.js';
import { ReplicationService } from './replication.js';

export interface Service {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Events on `DaemonContext.events`; each carries the peer's PeerId string. */
export type PeerEvent = 'peer:trusted' | 'peer:untrusted' | 'peer:connected' | 'peer:disconnected';

export type MethodHandler = (params: Record<string, unknown>) => Promise<unknown>;

export interface DaemonContext {
  home: string;
  config: Config;
  db: Database.Database;
  state: StateStore;
  node: Libp2p;
  log: Logger;
  /** This peer's PeerId and name. */
  peerId: string;
  name: string;
  isTrusted(peerId: string): boolean;
  /** A trusted peer's PeerId from its PeerId or name; throws UnknownPeerError otherwise. */
  resolvePeer(nameOrPeerId: string): string;
  peerName(peerId: string): string | undefined;
  /** Adds a control API method; its errors reach the client as {code, message}. */
  registerMethod(name: string, handler: MethodHandler): void;
  /** Sends an event to control API subscribers of `event`. */
  publish(event: string, data: unknown): void;
  /** Registers a libp2p protocol handler that only trusted peers reach (others are reset and logged). */
  handle(protocol: string, handler: GuardedHandler): Promise<void>;
  events: EventEmitter<Record<PeerEvent, [peerId: string]>>;
}

export type ServiceFactory = (ctx: DaemonContext) => Service;

/** Services every daemon runs, in start order. */
export const serviceFactories: ServiceFactory[] = [
  (ctx) => new ReplicationService(ctx),
];
