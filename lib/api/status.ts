// What `doppel status --json` shows per protection, and what the 'protection' event carries.
// Scripts and the dashboard read these names; README.md documents them.
import type { Kind, Role } from '../store/protections.js';

export type ProtectionState =
  | 'negotiating' | 'mirroring' | 'replicating' | 'paused' | 'disconnected' | 'error'
  // Failover (filled by the failover work; nothing produces them yet): a target whose source went
  // silent, a target holding the primary role, a primary that saw a newer generation, and the two
  // planned handovers of the role.
  | 'source-lost' | 'promoted' | 'stale' | 'failing-back' | 'switching-over';

export interface Counters {
  /** Block payload bytes put on the wire (after compression). */
  bytesSent: number;
  /** All frame bytes sent on the replication stream. */
  wireBytesSent: number;
  blocksSent: number;
  batches: number;
  bytesReceived: number;
}

export interface ProtectionStatus {
  name: string;
  role: Role;
  peer: string;
  peerName: string | null;
  path: string;
  kind: Kind;
  state: ProtectionState;
  generation: number;
  mirror: { doneBytes: number; totalBytes: number; etaSeconds: number | null };
  pendingBytes: number;
  lagMs: number;
  throughputBps: number;
  lastError: string | null;
  appliedSeq: number;
  counters: Counters;
  /** Filled by the failover work: how long the source has been silent (null while it is heard). */
  sourceLostForMs?: number | null;
  /** Filled by the failover work: time left before an automatic failover; null when none is scheduled. */
  failoverInMs?: number | null;
  /** Filled by the failover work: the protection's failover policy. */
  failover?: { mode: string; heartbeatMs: number; missed: number };
}

export function emptyCounters(): Counters {
  return { bytesSent: 0, wireBytesSent: 0, blocksSent: 0, batches: 0, bytesReceived: 0 };
}
