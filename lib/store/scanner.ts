// Walks a protection's root and reports what is there, hashing only files whose metadata changed
// since the cache last saw them. Never follows symlinks: a link is recorded, not entered.
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { blockCount, DIGEST_BYTES, equalDigests } from '../core/blocks.js';
import { isWithin, joinRel, validateRelPath } from '../core/paths.js';
import type { RuleMatcher } from '../core/rules.js';
import { FileHashError, hashFile, type FileHashes } from './hasher.js';
import type { CachedEntry, ScanCache } from './scan-cache.js';
import { isOutOfFiles, outOfFilesMessage, SCAN_FILES } from './open-files.js';

export type ScanEntry = CachedEntry;

/** A path whose state could not be read. It and everything below it are unknown, not deleted. */
export interface ScanError {
  path: string;
  message: string;
}

export interface ScanOptions {
  rules: RuleMatcher;
  blockSize: number;
  cache: ScanCache;
  signal?: AbortSignal;
  /** Cumulative bytes read for hashing and entries seen so far in this scan. */
  onProgress?(bytesHashed: number, filesSeen: number): void;
  /**
   * Regular files (whose cached block map is stale) for which this returns true are not read:
   * their entry has no `hashes`, and the sender digests the blocks as it reads them to send. For
   * files the target has nothing to compare with, the scan's read was pure overhead.
   */
  deferHash?(rel: string, size: number): boolean;
}

export interface ScanResult {
  /** Parents come before their children. */
  entries: Map<string, ScanEntry>;
  errors: ScanError[];
}

export interface PathScanResult {
  /** Each requested path (and the subtree of a directory that appeared): its entry, or null if it is gone. */
  entries: Map<string, ScanEntry | null>;
  errors: ScanError[];
}

// Entries of a directory are stat'ed (and small files hashed) this many at a time so per-file
// syscall latency overlaps: 4 → 16 took a 10,000-file rescan from ~1.6 s to ~0.8 s here.
const PROBE_CONCURRENCY = SCAN_FILES;
const CACHE_FLUSH_EVERY = 512;

function errorMessage(err: unknown): string {
  if (isOutOfFiles(err)) return outOfFilesMessage(err);
  return err instanceof Error ? err.message : String(err);
}

function isGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function sameMeta(a: CachedEntry, st: Stats): boolean {
  return a.size === st.size && a.mtimeMs === st.mtimeMs && a.ctimeMs === st.ctimeMs && a.ino === st.ino;
}

function sameEntry(a: CachedEntry | undefined, b: CachedEntry): boolean {
  if (!a) return false;
  return a.type === b.type && a.size === b.size && a.mode === b.mode && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino && a.linkTarget === b.linkTarget &&
    (a.hashes === b.hashes || (a.hashes !== undefined && b.hashes !== undefined && equalDigests(a.hashes, b.hashes)));
}

// One scan's bookkeeping: progress counters, errors and batched cache writes.
class Scan {
  readonly errors: ScanError[] = [];
  private bytesDone = 0;
  private readonly bytesInFlight = new Map<string, number>();
  private seen = 0;
  private pending: CachedEntry[] = [];

  constructor(readonly root: string, readonly opts: ScanOptions) {}

  private progress(): void {
    let bytes = this.bytesDone;
    for (const b of this.bytesInFlight.values()) bytes += b;
    this.opts.onProgress?.(bytes, this.seen);
  }

  record(entry: CachedEntry, cached: CachedEntry | undefined): void {
    this.seen++;
    // A file whose hashing was deferred is cached once the sender has digested it.
    if (entry.type === 'file' && entry.hashes === undefined) return;
    if (!sameEntry(cached, entry)) this.pending.push(entry);
    if (this.pending.length >= CACHE_FLUSH_EVERY) this.flush();
  }

  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.opts.cache.transaction(() => { for (const e of batch) this.opts.cache.put(e); });
    this.progress();
  }

  fail(path: string, err: unknown): void {
    this.errors.push({ path, message: errorMessage(err) });
  }

  isUnknown(path: string): boolean {
    return this.errors.some((e) => isWithin(path, e.path));
  }

  private async hash(rel: string): Promise<FileHashes> {
    const { blockSize, signal } = this.opts;
    try {
      const result = await hashFile(join(this.root, rel), {
        blockSize,
        signal,
        onProgress: (bytes) => { this.bytesInFlight.set(rel, bytes); this.progress(); },
      });
      this.bytesDone += result.size;
      return result;
    } finally {
      this.bytesInFlight.delete(rel);
    }
  }

  /** The entry for `rel` given its lstat, or undefined for kinds that are not replicated (sockets, fifos, devices). */
  async entryFor(rel: string, st: Stats): Promise<CachedEntry | undefined> {
    const common = { path: rel, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    const cached = this.opts.cache.get(rel);
    let entry: CachedEntry;
    if (st.isDirectory()) {
      entry = { ...common, type: 'dir', size: 0 };
    } else if (st.isSymbolicLink()) {
      entry = { ...common, type: 'symlink', size: st.size, linkTarget: await readlink(join(this.root, rel)) };
    } else if (st.isFile()) {
      if (cached?.type === 'file' && sameMeta(cached, st) && cached.hashes?.length === blockCount(st.size, this.opts.blockSize) * DIGEST_BYTES) {
        entry = { ...common, type: 'file', size: st.size, hashes: cached.hashes };
      } else if (this.opts.deferHash?.(rel, st.size)) {
        entry = { ...common, type: 'file', size: st.size };
      } else {
        const h = await this.hash(rel);
        entry = { path: rel, type: 'file', size: h.size, mode: h.mode, mtimeMs: h.mtimeMs, ctimeMs: h.ctimeMs, ino: h.ino, hashes: h.hashes };
      }
    } else {
      return undefined;
    }
    this.record(entry, cached);
    return entry;
  }

  /** Lstat + entry, turning failures into errors and disappearance into null. */
  async probe(rel: string): Promise<CachedEntry | null | undefined> {
    let st: Stats;
    try {
      st = await lstat(join(this.root, rel));
    } catch (err) {
      if (isGone(err)) return null;
      this.fail(rel, err);
      return undefined;
    }
    try {
      return await this.entryFor(rel, st);
    } catch (err) {
      if (isGone(err)) return null;
      if (this.opts.signal?.aborted) throw err;
      this.fail(rel, err);
      return undefined;
    }
  }

  /** Adds `dirRel`'s included descendants to `out`, parents first. */
  async walk(dirRel: string, out: Map<string, CachedEntry | null>): Promise<void> {
    const stack: Array<{ dir: string; ino?: number }> = [{ dir: dirRel }];
    while (stack.length > 0) {
      this.opts.signal?.throwIfAborted();
      const { dir, ino } = stack.pop()!;
      let names: { name: string; isDir: boolean }[];
      try {
        const dirents = await readdir(join(this.root, dir), { withFileTypes: true });
        // A directory swapped for a symlink since its lstat would lead the walk out of the root.
        // Node has no openat(), so this narrows the race rather than closing it.
        if (ino !== undefined) {
          const now = await lstat(join(this.root, dir));
          if (!now.isDirectory() || now.ino !== ino) {
            this.fail(dir, new Error('directory was replaced while being scanned; it is rescanned at the next change'));
            continue;
          }
        }
        names = dirents.map((d) => ({ name: d.name, isDir: d.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (err) {
        if (!isGone(err)) this.fail(dir, err);
        continue;
      }
      const children = names
        .map(({ name, isDir }) => ({ rel: joinRel(dir, name), isDir }))
        .filter(({ rel, isDir }) => this.opts.rules(rel, isDir));
      const results = new Array<CachedEntry | null | undefined>(children.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < children.length) {
          const i = next++;
          results[i] = await this.probe(children[i]!.rel);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, children.length) }, worker));
      const subdirs: Array<{ dir: string; ino: number }> = [];
      results.forEach((e) => {
        if (!e) return;
        out.set(e.path, e);
        if (e.type === 'dir') subdirs.push({ dir: e.path, ino: e.ino });
      });
      // Reverse so the stack pops them in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
      this.progress();
    }
  }

  /** Drops cache rows at or below `dirRel` that this scan did not see and could read. */
  pruneVanished(dirRel: string, seen: Map<string, unknown>): void {
    const gone: string[] = [];
    for (const e of this.opts.cache.below(dirRel)) {
      if (!seen.has(e.path) && !this.isUnknown(e.path)) gone.push(e.path);
    }
    this.opts.cache.transaction(() => { for (const p of gone) this.opts.cache.delete(p); });
  }
}

/** Full scan of a tree root. The root itself is not an entry. */
export async function scanTree(root: string, opts: ScanOptions): Promise<ScanResult> {
  const scan = new Scan(root, opts);
  const entries = new Map<string, ScanEntry>();
  try {
    await scan.walk('', entries as Map<string, CachedEntry | null>);
  } finally {
    scan.flush();
  }
  scan.pruneVanished('', entries);
  return { entries, errors: scan.errors };
}

/** Rescans the paths a watcher reported. Excluded paths are left out of the result. */
export async function scanPaths(root: string, relPaths: string[], opts: ScanOptions): Promise<PathScanResult> {
  const scan = new Scan(root, opts);
  const entries = new Map<string, ScanEntry | null>();
  try {
    for (const raw of relPaths) {
      opts.signal?.throwIfAborted();
      const rel = validateRelPath(raw);
      if (entries.has(rel) || (!opts.rules(rel, false) && !opts.rules(rel, true))) continue;
      const cached = opts.cache.get(rel);
      const e = await scan.probe(rel);
      if (e === undefined) continue;
      if (e === null) {
        entries.set(rel, null);
        opts.cache.deleteTree(rel);
        continue;
      }
      if (!opts.rules(rel, e.type === 'dir') || (cached?.type === 'dir' && e.type !== 'dir')) {
        // Excluded after all (a directory-only rule), or a directory replaced by a file or link:
        // forget what the cache held there.
        scan.flush();
        opts.cache.deleteTree(rel);
        if (!opts.rules(rel, e.type === 'dir')) continue;
        if (e.type !== 'file' || e.hashes !== undefined) opts.cache.put(e);
      }
      entries.set(rel, e);
      // A directory that appeared (or was swapped for another) brings its whole subtree.
      if (e.type === 'dir' && (cached?.type !== 'dir' || cached.ino !== e.ino)) {
        const sub = new Map<string, CachedEntry | null>();
        await scan.walk(rel, sub);
        scan.flush();
        scan.pruneVanished(rel, sub);
        for (const [p, v] of sub) entries.set(p, v);
      }
    }
  } finally {
    scan.flush();
  }
  return { entries, errors: scan.errors };
}

/**
 * Scans a single-file protection: a regular file or a block device, reported as the entry ''.
 * Returns null if it is gone. The configured path may be a symlink (/dev/disk/by-id/...): the
 * operator chose it. A device is always re-read: writes to it do not change its times.
 */
export async function scanSingle(absPath: string, opts: Omit<ScanOptions, 'rules'>): Promise<ScanEntry | null> {
  let real: string;
  let st: Stats;
  try {
    real = await realpath(absPath);
    st = await lstat(real);
  } catch (err) {
    if (!isGone(err)) throw err;
    opts.cache.delete('');
    return null;
  }
  if (!st.isFile() && !st.isBlockDevice()) throw new FileHashError(`${absPath} is neither a regular file nor a block device; protect its directory instead`);
  const cached = opts.cache.get('');
  if (st.isFile() && cached?.type === 'file' && sameMeta(cached, st) && cached.hashes?.length === blockCount(st.size, opts.blockSize) * DIGEST_BYTES) {
    opts.onProgress?.(0, 1);
    return cached;
  }
  if (st.isFile() && opts.deferHash?.('', st.size)) {
    opts.onProgress?.(0, 1);
    return { path: '', type: 'file', size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
  }
  const h = await hashFile(real, { blockSize: opts.blockSize, signal: opts.signal, onProgress: (b) => opts.onProgress?.(b, 1) });
  const entry: ScanEntry = { path: '', type: 'file', size: h.size, mode: h.mode, mtimeMs: h.mtimeMs, ctimeMs: h.ctimeMs, ino: h.ino, hashes: h.hashes };
  opts.cache.put(entry);
  opts.onProgress?.(h.size, 1);
  return entry;
}
