// Extension point of the daemon: a service (e.g. replication) is created from the daemon's
// context after libp2p starts, started in list order, and stopped in reverse before libp2p stops.
import type { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { Libp2p } from '@libp2p/interface';
import type { EventData, EventName, PeerChangeEvent } from '../api/events.js';
import type { MethodName, Params, Result } from '../api/methods.js';
import type { GuardedHandler } from '../net/gater.js';
import type { Logger } from '../log.js';
import type { Clock } from './clock.js';
import type { Config } from '../store/config.js';
import type { StateStore } from '../store/state.js';
import { ReplicationService } from './replication.js';

export interface Service {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Events on `DaemonContext.events`; each carries the peer's PeerId string. */
export type PeerEvent = PeerChangeEvent;

/** A control API method; the control server has read its params with the contract (lib/api/methods.ts). */
export type MethodHandler<M extends MethodName> = (params: Params<M>) => Promise<Result<M>>;

/** The replication methods, whose handlers still take params as a plain record until they are typed. */
export type UntypedMethodName = 'protect' | 'unprotect' | 'status' | 'pause' | 'resume' | 'verify';
/** Gets the params the contract has read, as a plain record. */
export type UntypedMethodHandler = (params: Record<string, unknown>) => Promise<unknown>;

export interface DaemonContext {
  home: string;
  config: Config;
  db: Database.Database;
  state: StateStore;
  node: Libp2p;
  log: Logger;
  /** Read instead of Date.now(), so tests can drive time. */
  clock: Clock;
  /** This peer's PeerId and name. */
  peerId: string;
  name: string;
  isTrusted(peerId: string): boolean;
  /** A trusted peer's PeerId from its PeerId or name; throws UnknownPeerError otherwise. */
  resolvePeer(nameOrPeerId: string): string;
  peerName(peerId: string): string | undefined;
  /** Wall-clock ms of the latest frame from a connected peer; undefined while it is not connected. */
  lastHeard(peerId: string): number | undefined;
  /** Asks the other connected trusted peers whether they heard from `peerId` within `withinMs`. */
  askWitnesses(peerId: string, withinMs: number, timeoutMs: number): Promise<{ asked: number; reachable: number }>;
  /** Heartbeats on every peer connection at least every `ms` (a failover policy's interval). */
  heartbeatAtLeastEvery(ms: number): void;
  /**
   * Adds a control API method of the contract; bad params are refused before the handler runs,
   * and its errors reach the client as {code, message}. The untyped form comes first because the
   * first overload whose name fits fixes the type of an arrow handler's params; it goes once the
   * replication handlers take typed params.
   */
  registerMethod(name: UntypedMethodName, handler: UntypedMethodHandler): void;
  registerMethod<M extends MethodName>(name: M, handler: MethodHandler<M>): void;
  /** Sends an event to control API subscribers of `event`. */
  publish<E extends EventName>(event: E, data: EventData<E>): void;
  /** Registers a libp2p protocol handler that only trusted peers reach (others are reset and logged). */
  handle(protocol: string, handler: GuardedHandler): Promise<void>;
  events: EventEmitter<Record<PeerEvent, [peerId: string]>>;
}

export type ServiceFactory = (ctx: DaemonContext) => Service;

/** Services every daemon runs, in start order. */
export const serviceFactories: ServiceFactory[] = [
  (ctx) => new ReplicationService(ctx),
];
