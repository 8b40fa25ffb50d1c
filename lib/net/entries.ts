// Conversions between wire index entries and the planner's tree entries, validated at the edge.
import { validateRelPath } from '../core/paths.js';
import { DIGEST_BYTES } from '../core/blocks.js';
import type { EntryType, TargetView, TreeEntry } from '../core/plan.js';
import { doppel } from './wire.js';

export type ProtectionKind = 'tree' | 'file' | 'device';

export class BadIndexError extends Error {
  override name = 'BadIndexError';
}

const TYPES: Record<number, EntryType> = {
  [doppel.EntryType.ENTRY_FILE]: 'file',
  [doppel.EntryType.ENTRY_DIR]: 'dir',
  [doppel.EntryType.ENTRY_SYMLINK]: 'symlink',
};

export function kindToWire(kind: ProtectionKind): doppel.Kind {
  return kind === 'tree' ? doppel.Kind.KIND_TREE : kind === 'file' ? doppel.Kind.KIND_FILE : doppel.Kind.KIND_DEVICE;
}

export function kindFromWire(kind: doppel.Kind | null | undefined): ProtectionKind {
  if (kind === doppel.Kind.KIND_FILE) return 'file';
  if (kind === doppel.Kind.KIND_DEVICE) return 'device';
  if (kind == null || kind === doppel.Kind.KIND_TREE) return 'tree';
  throw new BadIndexError(`unknown protection kind ${String(kind)}`);
}

/** A peer's block map, checked: relative confined paths, known types, whole digests. */
export function entriesFromIndex(entries: doppel.IIndexEntry[]): TargetView {
  const view: TargetView = { entries: new Map(), staged: new Map() };
  for (const raw of entries) {
    const path = validateRelPath(raw.path ?? '', { allowRoot: true });
    const type = TYPES[raw.type ?? 0];
    if (type == null) throw new BadIndexError(`entry ${path} has unknown type ${String(raw.type)}`);
    const hashes = raw.blockHashes != null && raw.blockHashes.length > 0 ? new Uint8Array(raw.blockHashes) : undefined;
    if (hashes != null && hashes.length % DIGEST_BYTES !== 0) throw new BadIndexError(`entry ${path} has a truncated block map`);
    const entry: TreeEntry = {
      path,
      type,
      size: raw.size ?? 0,
      mode: (raw.mode ?? 0) & 0o7777,
      mtimeMs: raw.mtimeMs ?? 0,
      ...(raw.linkTarget ? { linkTarget: raw.linkTarget } : {}),
      ...(type === 'file' ? { hashes: hashes ?? new Uint8Array(0) } : {}),
    };
    (raw.staged ? view.staged : view.entries).set(path, entry);
  }
  return view;
}

export function entryToWire(entry: TreeEntry & { staged?: boolean }): doppel.IIndexEntry {
  return {
    path: entry.path,
    type: entry.type === 'file' ? doppel.EntryType.ENTRY_FILE : entry.type === 'dir' ? doppel.EntryType.ENTRY_DIR : doppel.EntryType.ENTRY_SYMLINK,
    size: entry.size,
    mode: entry.mode,
    mtimeMs: Math.round(entry.mtimeMs),
    linkTarget: entry.linkTarget ?? '',
    blockHashes: entry.hashes ?? new Uint8Array(0),
    staged: entry.staged ?? false,
  };
}
