// What a role strategy (source.ts, target.ts) and the protection runtime that holds it (runtime.ts)
// see of each other: the strategy changes its protection only through the host, and reports plain
// facts from which the runtime alone builds the protection's status.
import type { Guard, ProtectionRow, ProtectionStore, Role } from '../../store/protections.js';
import type { Applier } from '../../store/applier.js';
import type { DaemonContext } from '../services.js';
import type { Counters, ProtectionState } from '../status.js';

/** What an offer says besides the row (see proto/doppel.proto Offer). */
export interface OfferFlags {
  reverse: boolean;
  failback: boolean;
  diverged: boolean;
  divergedFiles: number;
  divergedBytes: number;
}

/** The protection a strategy works for: its row, live state and the daemon around it. */
export interface ProtectionHost {
  readonly ctx: DaemonContext;
  readonly store: ProtectionStore;
  /** The row as it is now: replaced on every change, so read it afresh rather than keep it. */
  readonly row: ProtectionRow;
  /**
   * The data this peer holds: the protected path on the configured source; the replica on the
   * configured target (its single file for a file or device). What a source strategy reads.
   */
  readonly dataPath: string;
  /** What an offer from here says besides the row: sent by a promoted replica, failing back. */
  offerFlags(): OfferFlags;
  /** The peer refused our offer because it holds a newer generation: this side is stale. */
  peerIsNewer(generation: number): void;
  /** A change was captured: noted when the peer cannot be reached (it may be a split brain later). */
  changedWhileApart(): void;
  /** The peer holds everything this side held (a whole mirror pass was applied). */
  caughtUpWithPeer(): void;
  /** The peer accepted our offer, answering with its generation. */
  offerAccepted(generation: number): void;
  /** The peer refused our offer: both sides wrote while apart. */
  splitBrainFound(peerGeneration: number, remote: { files: number; bytes: number }): void;
  /**
   * The peer asks this side (acting as target) to take the primary role at `generation`: it is
   * persisted, then `answer` tells the peer, then the role is taken.
   */
  takeRole(generation: number, answer: () => Promise<void>): Promise<void>;
  /** The applier of this side's data (the replica, or the source's own data while it follows). */
  openApplier(): Applier | undefined;
  /** The strategy's state; status shows 'paused' instead while the row is paused. */
  readonly state: ProtectionState;
  /** Counted by the strategy, shown by status. */
  readonly counters: Counters;
  setState(state: ProtectionState): void;
  /** Stored with the row, shown in status until cleared with null. */
  setError(message: string | null): void;
  /** A whole mirror pass was applied on the target. */
  setMirrored(): void;
  /** The target applied batch `seq` (the applier stores it with the batch). */
  setAppliedSeq(seq: number): void;
  /** Paths of the replica written behind the applier (shown as replica-modified); undefined clears it. */
  setGuard(guard: Guard | undefined): void;
}

export interface StrategyFacts {
  /** The last mirror pass as the source counts it; null on a target, which cannot know what is left. */
  mirror: { doneBytes: number; totalBytes: number; complete: boolean } | null;
  /** Data of changes sent and not yet applied. */
  inFlightBytes: number;
  /** When the longest-waiting change not yet applied was first seen (ms). */
  oldestChangeAt: number | undefined;
  /**
   * The counter throughput follows: bytes the target acknowledged (source) or bytes received
   * (target); undefined while there is nothing to count.
   */
  progressBytes: number | undefined;
  /** The last batch the target applied. */
  appliedSeq: number;
}

export interface RoleStrategy {
  readonly role: Role;
  start(): Promise<void>;
  /** Ends sessions and timers, saying why; not started again (a switch creates a new strategy). */
  stop(reason: string): Promise<void>;
  facts(): StrategyFacts;
}
