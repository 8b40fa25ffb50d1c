// Generation rules of a protection. A generation is a counter bumped at every change of the
// primary role (failover, failback, switchover); the side with the higher one owns the data. It is
// how a returning old source learns it is stale and how split brain is told apart from a normal
// failover (DRBD's generation identifiers, reduced to a number).
//
// The lower of two generations is the last one both sides shared: a side only bumps from a
// generation it held in sync with the other, and the other adopts the bump when it resynchronises.

/** A new protection starts here (the protections table's default). */
export const FIRST_GENERATION = 1;

/** What each side tells the other about a protection when they meet. */
export interface GenerationSide {
  generation: number;
  /** Holds the primary role now: the source, or a promoted replica. */
  primary: boolean;
  /**
   * Wrote data since the two sides parted that the other has never seen: a source's writes after
   * it lost its target, a promoted replica's writes since promotion. Unknown counts as no.
   */
  dirtySinceCommon?: boolean;
}

export type GenerationDecision =
  /** Same generation and at most one primary: replication carries on as configured. */
  | 'in-sync'
  /** The remote is stale: refuse its batches and tell it our generation; it may rejoin as our target. */
  | 'local-newer'
  /** This side is stale: it must not act as source; it waits to rejoin as the remote's target. */
  | 'remote-newer'
  /** Both own data the other lacks: stop, show both sides, let a person choose. Never merged. */
  | 'split-brain';

/** Who owns the data when two sides of one protection meet. */
export function compareGenerations(local: GenerationSide, remote: GenerationSide): GenerationDecision {
  if (local.generation === remote.generation) {
    // Two primaries of one generation: both were promoted from the same point.
    return local.primary && remote.primary ? 'split-brain' : 'in-sync';
  }
  // Whichever is newer, the older side's writes since the common generation would be discarded
  // by a resync; that is only acceptable when the newer side did not write as well.
  if (local.dirtySinceCommon === true && remote.dirtySinceCommon === true) return 'split-brain';
  return local.generation > remote.generation ? 'local-newer' : 'remote-newer';
}

export type BatchGenerationCheck =
  | 'ok'
  /** From a source that was failed over: refuse the batch and log it; nothing is applied. */
  | 'stale'
  /** Ahead of the protection: the source bumped without telling us, a protocol error. */
  | 'newer';

/** An incoming batch's generation against the protection's, checked before anything is journaled. */
export function batchGenerationCheck(batchGeneration: number, protectionGeneration: number): BatchGenerationCheck {
  if (batchGeneration === protectionGeneration) return 'ok';
  return batchGeneration < protectionGeneration ? 'stale' : 'newer';
}

/** The generation after `generation`; refuses anything that is not a valid generation. */
export function nextGeneration(generation: number): number {
  // A wrapped or fractional counter would make "the higher one owns the data" lie.
  if (!Number.isSafeInteger(generation) || generation < FIRST_GENERATION || generation >= Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`generation must be an integer from ${FIRST_GENERATION} below ${Number.MAX_SAFE_INTEGER}; got ${generation}`);
  }
  return generation + 1;
}
