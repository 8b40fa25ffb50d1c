// Moves seen as two separate events: the watcher may report a file's new name and its vanished old
// name in different batches. These decide which vanished paths wait for their other end, and for
// how long, and which target files could be the old end of a file that just appeared.
import { contentKey, type TargetView, type TreeEntry } from './plan.js';

/** How long a vanished path waits for the other end of a move (the tree watcher batches 50 ms). */
export const MOVE_GRACE_MS = 150;
/** Smaller files are cheaper to resend than to look for as moves. */
export const MOVE_MIN_BYTES = 64 * 1024;

/** A changed path as the hold sees it. */
export interface ChangedPath {
  path: string;
  /** When it was first seen changed (ms). */
  since: number;
  /** It exists here now. */
  present: boolean;
  /** The target holds it. */
  onTarget: boolean;
  /** Already known as the old end of a move (see moveCandidates). */
  paired: boolean;
}

export interface MoveHold {
  /** Vanished paths to leave out of this pass: their removal waits for a possible other end. */
  held: string[];
  /** When the first held path's grace ends, in ms from now; null when nothing is held. */
  waitMs: number | null;
}

/**
 * A path that vanished from here but not from the target may be one end of a move whose other end
 * arrives in the next batch of events: its removal is held for the grace period, counted from when
 * it was first seen changed, so the pair can be replayed as a rename.
 */
export function holdForMoves(changed: Iterable<ChangedPath>, now: number, graceMs = MOVE_GRACE_MS): MoveHold {
  const held: string[] = [];
  let waitMs: number | null = null;
  for (const c of changed) {
    if (c.present || !c.onTarget || c.paired) continue;
    const age = now - c.since;
    if (age >= graceMs) continue;
    held.push(c.path);
    waitMs = Math.min(waitMs ?? Infinity, graceMs - age);
  }
  return { held, waitMs };
}

/**
 * For each large file that appeared here and is new to the target, the target's files with the
 * same size and block map that are not known to be here: one of them, if it has vanished, is the
 * old end of a move whose vanishing the watcher has not reported yet (a directory created before a
 * file was moved into it is reported first, with the file already inside). The caller checks which
 * of them are gone.
 */
export function moveCandidates(source: Map<string, TreeEntry | null>, view: TargetView, minBytes = MOVE_MIN_BYTES): string[][] {
  const fresh = [...source.values()].filter((e): e is TreeEntry => e?.type === 'file' && e.size >= minBytes && !view.entries.has(e.path));
  if (fresh.length === 0) return [];
  const byContent = new Map<string, string[]>();
  for (const [path, e] of view.entries) {
    if (e.type !== 'file' || e.size < minBytes || e.hashes == null || source.get(path) != null) continue;
    const key = contentKey(e.size, e.hashes);
    byContent.set(key, [...(byContent.get(key) ?? []), path]);
  }
  return fresh.map((e) => byContent.get(contentKey(e.size, e.hashes ?? new Uint8Array(0))) ?? []);
}
