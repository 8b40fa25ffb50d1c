// The source's scans: what the protection holds now, through the scan cache, hashing only what
// may have changed and, where the target has nothing to compare with, leaving the hashing to the
// send (which digests what it reads).
import type { TargetView, TreeEntry } from '../../core/plan.js';
import type { RuleMatcher } from '../../core/rules.js';
import { ScanCache } from '../../store/scan-cache.js';
import { scanPaths, scanSingle, scanTree, type ScanEntry } from '../../store/scanner.js';
import type { Capture } from './capture.js';
import type { ProtectionHost } from './strategy.js';

export class SourceMissingError extends Error {
  override name = 'SourceMissingError';
}

/** Digests of deferred files are written to the cache in groups of this many. */
const DEFERRED_FLUSH_FILES = 512;
/** Unreadable paths logged one by one per scan; the rest are counted. */
const LOGGED_SCAN_ERRORS = 10;

export class SourceScanner {
  private readonly cache: ScanCache;
  /** Scanned files not hashed yet (see deferHashFor), by path: their stat, for the cache. */
  private readonly deferred = new Map<string, ScanEntry>();
  /** Deferred files sent and digested, waiting to be written to the scan cache together. */
  private readonly deferredDone: ScanEntry[] = [];

  constructor(private readonly host: ProtectionHost, private readonly rules: RuleMatcher, private readonly capture: Capture, private readonly signal: AbortSignal) {
    this.cache = new ScanCache(host.ctx.db, host.row.id);
  }

  /** Scans the whole protection; `view` (the target's map) lets files it lacks skip hashing. */
  async scanAll(view?: TargetView): Promise<Map<string, TreeEntry>> {
    const row = this.host.row;
    const blockSize = row.options.blockSize;
    const deferHash = deferHashFor(view);
    this.deferred.clear();
    // Paths marked dirty may have changed without changing size or mtime (and a device's never
    // do): never trust the cache for them.
    for (const path of this.capture.paths()) this.cache.delete(path);
    if (row.kind === 'tree') {
      const { entries, errors } = await scanTree(this.host.dataPath, { rules: this.rules, blockSize, cache: this.cache, signal: this.signal, deferHash });
      this.noteDeferred(entries);
      this.reportErrors(errors);
      return entries;
    }
    if (row.kind === 'device') this.cache.delete('');
    const entry = await scanSingle(this.host.dataPath, { blockSize, cache: this.cache, signal: this.signal, deferHash });
    if (entry == null) throw new SourceMissingError(`${this.host.dataPath} has disappeared; the replica keeps its last state`);
    this.noteDeferred(new Map([['', entry]]));
    return new Map([['', entry]]);
  }

  /** Scans `paths` of a tree afresh: each one's entry, or null if it is gone. */
  async scanPaths(paths: string[], view: TargetView): Promise<Map<string, TreeEntry | null>> {
    const row = this.host.row;
    for (const p of paths) this.cache.delete(p);
    const scanned = await scanPaths(this.host.dataPath, paths, { rules: this.rules, blockSize: row.options.blockSize, cache: this.cache, signal: this.signal, deferHash: deferHashFor(view) });
    this.noteDeferred(scanned.entries);
    this.reportErrors(scanned.errors);
    return scanned.entries;
  }

  /** Verify must not trust either side's cache: the next scan re-reads everything. */
  forgetAll(): void {
    this.host.store.clearScanCache(this.host.row.id);
  }

  /** Caches what a pass that read the whole file found (see image-stream.ts). */
  remember(entry: ScanEntry): void {
    this.cache.put(entry);
  }

  /**
   * A deferred file was sent: its digests (taken from what was read) go to the scan cache under
   * the stat taken before the read, so a file changed meanwhile is hashed afresh at the next scan.
   */
  fileSent(path: string, hashes: Uint8Array, complete: boolean): void {
    const scanned = this.deferred.get(path);
    this.deferred.delete(path);
    if (!complete) {
      this.capture.markDirty([path]);
      return;
    }
    if (scanned === undefined) return;
    // Written in batches: one SQLite transaction per file cost the source ~100 µs a file.
    this.deferredDone.push({ ...scanned, hashes });
    if (this.deferredDone.length >= DEFERRED_FLUSH_FILES) this.flush();
  }

  flush(): void {
    const done = this.deferredDone.splice(0);
    if (done.length > 0) this.cache.transaction(() => { for (const e of done) this.cache.put(e); });
  }

  /** Remembers the stat of files whose hashing was deferred, to cache their digests once sent. */
  private noteDeferred(entries: Map<string, ScanEntry | null>): void {
    for (const [path, e] of entries) if (e?.type === 'file' && e.hashes === undefined) this.deferred.set(path, e);
  }

  private reportErrors(errors: Array<{ path: string; message: string }>): void {
    const name = this.host.row.name;
    for (const e of errors.slice(0, LOGGED_SCAN_ERRORS)) this.host.ctx.log.warn(`${name}: skipped ${e.path}: ${e.message}; will retry at the next change`);
    if (errors.length > 0) this.host.setError(`${errors.length} path(s) could not be read, e.g. ${errors[0]!.path}: ${errors[0]!.message}`);
  }
}

/**
 * Hashing can wait for the send (which digests what it reads) when the target has nothing to
 * compare a file with: nothing at its path, no staged copy, and no file of its size it could
 * have been moved from. Saves a whole read of the data in a first mirror.
 */
function deferHashFor(view: TargetView | undefined): ((rel: string, size: number) => boolean) | undefined {
  if (view === undefined) return undefined;
  let sizes: Set<number> | undefined;
  return (rel, size) => {
    if (view.entries.has(rel) || view.staged.has(rel)) return false;
    sizes ??= new Set([...view.entries.values(), ...view.staged.values()].filter((e) => e.type === 'file').map((e) => e.size));
    return !sizes.has(size);
  };
}
