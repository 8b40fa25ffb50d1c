// Plans what a source must send so that a target's tree equals the source's: a pure function over
// two block maps (what the source has now, what the target holds), in the spirit of Mutagen's
// Diff/Reconcile. The sender turns the steps into wire ops and reads the data.
import { blockCount, changedRanges, DEFAULT_MAX_RUN_BYTES, DIGEST_BYTES, type ByteRange } from './blocks.js';

export type EntryType = 'file' | 'dir' | 'symlink';

export interface TreeEntry {
  path: string;
  type: EntryType;
  size: number;
  mode: number;
  mtimeMs: number;
  linkTarget?: string;
  /** Files: concatenated per-block digests. */
  hashes?: Uint8Array;
}

export type Range = ByteRange;

export type PlanStep =
  | { op: 'remove'; path: string }
  | { op: 'mkdir'; path: string; mode: number; mtimeMs: number }
  | { op: 'symlink'; path: string; target: string }
  | { op: 'attr'; path: string; mode: number; mtimeMs: number }
  /** A file moved on the source whose content the target already holds under the old name. */
  | { op: 'rename'; from: string; to: string }
  /** New version built in a staging file, renamed over the path at commit (atomic per file). */
  /**
   * `unhashed`: the scan deferred hashing (see ScanOptions.deferHash); `hashes` is zeros until the
   * sender fills it from the blocks it reads.
   */
  | { op: 'stage'; path: string; size: number; base: boolean; ranges: Range[]; mode: number; mtimeMs: number; hashes: Uint8Array; unhashed?: boolean }
  /** In-place patch through the target's journal (large files with few changed blocks). */
  | { op: 'patch'; path: string; size: number; resize: boolean; ranges: Range[]; mode: number; mtimeMs: number; hashes: Uint8Array };

export interface PlanOptions {
  blockSize: number;
  /** Files up to this size are always rebuilt in a staging file (temp + rename), never patched. */
  stageBelowBytes?: number;
  /** Largest run of contiguous blocks one step range may cover. */
  maxRunBytes?: number;
}

export interface TargetView {
  /** Committed entries of the replica. */
  entries: Map<string, TreeEntry>;
  /** Partially received new versions (staging files), the resume point of an interrupted mirror. */
  staged: Map<string, TreeEntry>;
}

const DEFAULT_STAGE_BELOW = 1024 * 1024;

export function sameMtime(a: number, b: number): boolean {
  return Math.abs(a - b) < 1;
}

/** Steps that bring `target` to `source` for one path (both may be absent). */
export function planPath(path: string, source: TreeEntry | undefined, target: TreeEntry | undefined, staged: TreeEntry | undefined, options: PlanOptions): PlanStep[] {
  const steps: PlanStep[] = [];
  if (source == null) {
    if (target != null) steps.push({ op: 'remove', path });
    return steps;
  }
  if (target != null && target.type !== source.type) {
    steps.push({ op: 'remove', path });
    target = undefined;
  }
  switch (source.type) {
    case 'dir':
      if (target == null) steps.push({ op: 'mkdir', path, mode: source.mode, mtimeMs: source.mtimeMs });
      else if (target.mode !== source.mode) steps.push({ op: 'attr', path, mode: source.mode, mtimeMs: source.mtimeMs });
      return steps;
    case 'symlink':
      if (target == null || target.linkTarget !== source.linkTarget) {
        steps.push({ op: 'symlink', path, target: source.linkTarget ?? '' });
      }
      return steps;
    case 'file':
      steps.push(...planFile(path, source, target, staged, options));
      return steps;
  }
}

function planFile(path: string, source: TreeEntry, target: TreeEntry | undefined, staged: TreeEntry | undefined, options: PlanOptions): PlanStep[] {
  const { blockSize } = options;
  const maxRun = options.maxRunBytes ?? DEFAULT_MAX_RUN_BYTES;
  if (source.hashes === undefined) {
    // Not hashed: nothing to compare, so all of it travels (a resumable staged copy or an old
    // version would have made the scan hash it).
    const hashes = new Uint8Array(blockCount(source.size, blockSize) * DIGEST_BYTES);
    const ranges = changedRanges(undefined, hashes, source.size, blockSize, maxRun);
    return [{ op: 'stage', path, size: source.size, base: false, ranges, mode: source.mode, mtimeMs: source.mtimeMs, hashes, unhashed: true }];
  }
  const hashes = source.hashes;
  const stageBelow = options.stageBelowBytes ?? DEFAULT_STAGE_BELOW;
  const attrs = { mode: source.mode, mtimeMs: source.mtimeMs, hashes };
  if (staged != null) {
    // Resume: the staging file already holds part of a new version; send what it lacks.
    const ranges = changedRanges(staged.hashes, hashes, source.size, blockSize, maxRun);
    return [{ op: 'stage', path, size: source.size, base: false, ranges, ...attrs }];
  }
  if (target == null) {
    const ranges = changedRanges(undefined, hashes, source.size, blockSize, maxRun);
    return [{ op: 'stage', path, size: source.size, base: false, ranges, ...attrs }];
  }
  const ranges = changedRanges(target.hashes, hashes, source.size, blockSize, maxRun);
  const resize = target.size !== source.size;
  if (ranges.length === 0 && !resize) {
    if (target.mode !== source.mode || !sameMtime(target.mtimeMs, source.mtimeMs)) {
      return [{ op: 'attr', path, mode: source.mode, mtimeMs: source.mtimeMs }];
    }
    return [];
  }
  if (source.size <= stageBelow) {
    return [{ op: 'stage', path, size: source.size, base: true, ranges, ...attrs }];
  }
  return [{ op: 'patch', path, size: source.size, resize, ranges, ...attrs }];
}

/**
 * Whole-tree plan: removals first (deepest first, skipping what a removed directory already
 * takes), then directories parents-first, then links and files, then directory modes.
 */
export function planTree(source: Map<string, TreeEntry>, view: TargetView, options: PlanOptions): PlanStep[] {
  const paths = new Set<string>([...source.keys(), ...view.entries.keys()]);
  return planPaths([...paths], source, view, options);
}

/** Plan for a subset of paths (the watcher's dirty set), in a safe order. */
export function planPaths(paths: Iterable<string>, source: Map<string, TreeEntry | null> | Map<string, TreeEntry>, view: TargetView, options: PlanOptions): PlanStep[] {
  const removes: Array<Extract<PlanStep, { op: 'remove' }>> = [];
  const dirs: Array<Extract<PlanStep, { op: 'mkdir' }>> = [];
  const rest: PlanStep[] = [];
  for (const path of paths) {
    const src = source.get(path) ?? undefined;
    for (const step of planPath(path, src, view.entries.get(path), view.staged.get(path), options)) {
      if (step.op === 'remove') removes.push(step);
      else if (step.op === 'mkdir') dirs.push(step);
      else rest.push(step);
    }
  }
  // A removed directory takes its subtree with it: drop removals beneath another removal.
  const removedPaths = new Set(removes.map((step) => step.path));
  const prunedRemoves = removes.filter((step) => !hasAncestorIn(step.path, removedPaths));
  prunedRemoves.sort((a, b) => depth(b.path) - depth(a.path) || (a.path < b.path ? -1 : 1));
  dirs.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
  const renames = findRenames(prunedRemoves, rest, view);
  if (renames.length === 0) return [...prunedRemoves, ...dirs, ...rest];
  // Moves run after the directories they land in exist and before the removals that would
  // delete their sources; other removals still go first (a path may change type).
  const sources = renames.flatMap((s) => (s.op === 'rename' ? [s.from] : []));
  const holdsSource = (step: { path: string }): boolean => sources.some((from) => from === step.path || from.startsWith(`${step.path}/`));
  return [
    ...prunedRemoves.filter((s) => !holdsSource(s)),
    ...dirs,
    ...renames,
    ...prunedRemoves.filter(holdsSource),
    ...rest,
  ];
}

/** Identity of a file's content for move detection: its size and block map. */
export function contentKey(size: number, hashes: Uint8Array): string {
  return `${size}:${Buffer.from(hashes).toString('base64')}`;
}

/**
 * Files that appear where identical files (same size and block map) disappear were moved: a
 * rename on the target instead of resending them (a renamed VM image or directory of them).
 * Replaces the new files' stage steps in `rest` and returns the moves (with attr fixes).
 */
function findRenames(removes: Array<{ path: string }>, rest: PlanStep[], view: TargetView): PlanStep[] {
  const candidates = new Map<string, string[]>();
  for (const step of removes) {
    for (const [path, entry] of view.entries) {
      if (entry.type !== 'file' || entry.size === 0 || entry.hashes == null) continue;
      if (path !== step.path && !path.startsWith(`${step.path}/`)) continue;
      const k = contentKey(entry.size, entry.hashes);
      candidates.set(k, [...(candidates.get(k) ?? []), path]);
    }
  }
  if (candidates.size === 0) return [];
  const moves: PlanStep[] = [];
  for (let i = 0; i < rest.length; i++) {
    const step = rest[i]!;
    if (step.op !== 'stage' || step.base || step.unhashed || view.entries.has(step.path) || view.staged.has(step.path)) continue;
    const options = candidates.get(contentKey(step.size, step.hashes));
    const from = options?.find((p) => !step.path.startsWith(`${p}/`) && !p.startsWith(`${step.path}/`));
    if (from == null) continue;
    options!.splice(options!.indexOf(from), 1);
    const old = view.entries.get(from)!;
    moves.push({ op: 'rename', from, to: step.path });
    if (old.mode !== step.mode || !sameMtime(old.mtimeMs, step.mtimeMs)) moves.push({ op: 'attr', path: step.path, mode: step.mode, mtimeMs: step.mtimeMs });
    rest.splice(i--, 1);
  }
  return moves;
}

function hasAncestorIn(path: string, set: Set<string>): boolean {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    if (set.has(path.slice(0, i))) return true;
  }
  return false;
}

function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) n++;
  return n;
}

/** Payload bytes a plan will send. */
export function planBytes(steps: PlanStep[]): number {
  let total = 0;
  for (const step of steps) {
    if (step.op === 'stage' || step.op === 'patch') for (const r of step.ranges) total += r.length;
  }
  return total;
}

/** The target's view after a step was applied (the source's model of the replica). */
export function applyStepToView(view: TargetView, step: PlanStep): void {
  switch (step.op) {
    case 'remove':
      for (const key of [...view.entries.keys()]) {
        if (key === step.path || key.startsWith(`${step.path}/`)) view.entries.delete(key);
      }
      view.staged.delete(step.path);
      return;
    case 'mkdir':
      view.entries.set(step.path, { path: step.path, type: 'dir', size: 0, mode: step.mode, mtimeMs: step.mtimeMs });
      return;
    case 'symlink':
      view.entries.set(step.path, { path: step.path, type: 'symlink', size: step.target.length, mode: 0o777, mtimeMs: 0, linkTarget: step.target });
      return;
    case 'rename': {
      const entry = view.entries.get(step.from);
      view.entries.delete(step.from);
      if (entry != null) view.entries.set(step.to, { ...entry, path: step.to });
      return;
    }
    case 'attr': {
      const entry = view.entries.get(step.path);
      if (entry != null) view.entries.set(step.path, { ...entry, mode: step.mode, mtimeMs: step.mtimeMs });
      return;
    }
    case 'stage':
    case 'patch':
      view.staged.delete(step.path);
      view.entries.set(step.path, { path: step.path, type: 'file', size: step.size, mode: step.mode, mtimeMs: step.mtimeMs, hashes: step.hashes });
      return;
  }
}
