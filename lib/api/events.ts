// The control API's event stream: `subscribe` to event names ("*" for all), then receive
// {"event", "data"} lines. Each event's data has the type given here.
import { ParamsReader, type Check } from './params.js';
import type { ProtectionState, ProtectionStatus } from './status.js';
import type { Role } from '../store/protections.js';

/** A trusted peer's change; `name` is the one this peer knows it by. */
export interface PeerChange {
  peerId: string;
  name: string | null;
}

/** The 1 Hz sample the dashboard draws its throughput and lag graphs from. */
export interface Stats {
  /** Wall-clock ms of the sample. */
  at: number;
  protections: Array<{
    name: string;
    role: Role;
    peer: string;
    state: ProtectionState;
    throughputBps: number;
    lagMs: number;
    pendingBytes: number;
  }>;
}

/**
 * A failover, failback, switchover or test-failover hook of one protection ('hook:started' carries
 * the first five fields, 'hook:finished' all of them). Hooks of a protection run one at a time, in
 * `seq` order.
 */
export interface HookRun {
  seq: number;
  /** failover, failback, switchover or test-failover. */
  event: string;
  protection: string;
  command: string;
  /** Wall-clock ms. */
  startedAt: number;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  durationMs?: number;
  /** stdout and stderr interleaved; only the tail of a long output. */
  output?: string;
}

/** A protection's failover phase changed on this peer (a countdown started or ended included). */
export interface FailoverChange {
  protection: string;
  role: Role;
  /** PeerId of the other side. */
  peer: string;
  /** The failover phase (see lib/core/failover.ts), e.g. source-lost, promoted, stale. */
  phase: string;
  generation: number;
  /** Why the phase holds, in words for the operator; null when nothing needs saying. */
  reason: string | null;
  /** Wall-clock ms. */
  at: number;
}

export interface Events {
  /** A peer that is not trusted was discovered or knocked: it is pending until `trust`. */
  'peer:pending': { peerId: string };
  'peer:trusted': PeerChange;
  'peer:untrusted': PeerChange;
  'peer:connected': PeerChange;
  'peer:disconnected': PeerChange;
  /** A protection's state changed. */
  protection: ProtectionStatus;
  stats: Stats;
  'hook:started': HookRun;
  'hook:finished': HookRun;
  failover: FailoverChange;
}

export type EventName = keyof Events;
export type EventData<E extends EventName> = Events[E];
/** One line of the event stream; `switch (message.event)` narrows `data`. */
export type EventMessage = { [E in EventName]: { event: E; data: Events[E] } }[EventName];

export type PeerChangeEvent = 'peer:trusted' | 'peer:untrusted' | 'peer:connected' | 'peer:disconnected';

// An object rather than a list, so that the compiler sees an event missing here.
const eventNames: Record<EventName, true> = {
  'peer:pending': true,
  'peer:trusted': true,
  'peer:untrusted': true,
  'peer:connected': true,
  'peer:disconnected': true,
  protection: true,
  stats: true,
  'hook:started': true,
  'hook:finished': true,
  failover: true,
};
export const EVENT_NAMES = Object.keys(eventNames) as EventName[];

export interface SubscribeParams {
  /** Event names, or "*" for every event. */
  events: Array<EventName | '*'>;
}

export interface SubscribeResult {
  /** Everything this connection is subscribed to so far. */
  subscribed: Array<EventName | '*'>;
}

const subscription: Check<Array<EventName | '*'>> = {
  expected: `a list of event names ("*" for all; events: ${EVENT_NAMES.join(', ')})`,
  read: (v) => (Array.isArray(v) && v.every((e) => typeof e === 'string' && (e === '*' || Object.hasOwn(eventNames, e))) ? v as Array<EventName | '*'> : undefined),
};

export function parseSubscribe(raw: unknown): SubscribeParams {
  const p = new ParamsReader('subscribe', raw, ['events']);
  return { events: p.required('events', subscription) };
}
