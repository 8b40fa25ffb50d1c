// What `doppel status --json` shows per protection, and what the 'protection' event carries.
// Scripts and the dashboard read these names; README.md documents them.
import type { Kind, Role } from '../store/protections.js';

export type ProtectionState =
  | 'negotiating' | 'mirroring' | 'replicating' | 'paused' | 'disconnected' | 'error'
  // Failover: a target whose source went silent, a target holding the primary role, a primary
  // that saw a newer generation (fenced), and the two planned handovers of the role.
  | 'source-lost' | 'promoted' | 'stale' | 'failing-back' | 'switching-over'
  // Safety: both sides wrote while apart (resolve --keep), and a replica written behind the applier.
  | 'split-brain' | 'replica-modified';

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
  /** How long the source has been silent, while it is shown lost; null otherwise. */
  sourceLostForMs: number | null;
  /** Time left before an automatic failover; null when none is scheduled (manual, held by a witness). */
  failoverInMs: number | null;
  /** The failover policy (set on the source, carried to the target with every session). */
  failover: { mode: string; heartbeatMs: number; missed: number };
  /** Why a failover state holds (source-lost, stale, a handover under way), in words; null otherwise. */
  failoverReason: string | null;
  /** A test failover's throwaway copy of the replica, while one runs (`failover --test`). */
  testFailover: { path: string; startedAt: number } | null;
  /** While `replica-modified`: the replica's paths written by something other than doppel. */
  modifiedPaths: string[];
  /** Data kept aside for this protection on this peer (`doppel aside list`). */
  aside: { count: number; bytes: number };
  /** While `split-brain`: what each side wrote that the other lacks, and the peer's generation. */
  splitBrain: { detectedAt: number; peerGeneration: number; local: { files: number; bytes: number }; remote: { files: number; bytes: number } } | null;
}

export function emptyCounters(): Counters {
  return { bytesSent: 0, wireBytesSent: 0, blocksSent: 0, batches: 0, bytesReceived: 0 };
}
