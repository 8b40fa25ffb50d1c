// What `doppel status --json` shows per protection. Scripts and the dashboard read these names.
import type { Kind, Role } from '../store/protections.js';

export type ProtectionState = 'negotiating' | 'mirroring' | 'replicating' | 'paused' | 'disconnected' | 'error';

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
}

export function emptyCounters(): Counters {
  return { bytesSent: 0, wireBytesSent: 0, blocksSent: 0, batches: 0, bytesReceived: 0 };
}

