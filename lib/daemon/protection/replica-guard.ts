// The replica belongs to the applier until it is promoted (DESIGN.md). A write to it by anything
// else (a stray admin edit, a program started on the replica by mistake) is detected here, shown
// as the state `replica-modified` with its paths, kept aside before anything can overwrite it, and
// cleared once the source's version is back (`doppel verify <name> --repair` on the source).
//
// What the applier wrote is what it recorded in the scan cache (the replica's block index), so a
// path is foreign when its lstat no longer matches that record. Paths are judged only while no
// batch is being applied: events the applier causes wait until its batch is recorded, and then
// match. Judging is synchronous (lstat, then the cache), so no batch can start in the middle.
//
// The source believes the replica holds what it sent. Until a verify shows the source a guarded
// path as it really is ("released"), nothing the source sends can be trusted to restore it (a
// patch lands on the foreign bytes), and a reconnection must not quietly overwrite it: the index a
// new session sends reports the applier's record for guarded paths.
import { existsSync, lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { equalDigests } from '../../core/blocks.js';
import { isWithin } from '../../core/paths.js';
import type { doppel } from '../../net/wire.js';
import { SINGLE_FILE_NAME, type Applier, type ReplicaEntry } from '../../store/applier.js';
import { AsideStore, type AsideEntry } from '../../store/aside.js';
import { ScanCache, statMatches, type CachedEntry } from '../../store/scan-cache.js';
import { divergentPaths } from '../../store/divergence.js';
import { watchTree, type TreeWatch } from '../../store/watcher.js';
import type { ProtectionHost } from './strategy.js';

/** Coalescing of watcher events before they are judged: short, so a batch rarely lands in between. */
const GUARD_DEBOUNCE_MS = 50;
/** Paths listed in the guard (status, log); more are counted in the log, kept aside and repaired all the same. */
export const MAX_GUARD_PATHS = 100;
const LOGGED_PATHS = 10;

/** Why the index is read: a new session (reports the applier's record) or a verify (the truth). */
export type IndexPurpose = 'session' | 'verify';

/** Same content and attributes, whatever the stat times: what verify compares. */
function sameContent(a: CachedEntry | undefined, b: CachedEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type !== b.type || a.mode !== b.mode) return false;
  if (a.type === 'dir') return true;
  if (a.type === 'symlink') return a.linkTarget === b.linkTarget;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.hashes !== undefined && b.hashes !== undefined && equalDigests(a.hashes, b.hashes);
}

/** Identifies one state of a file, to keep each foreign version aside once. */
function statKey(st: Stats | undefined): string | undefined {
  return st === undefined || st.isDirectory() ? undefined : `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

function listed(paths: string[]): string {
  const shown = paths.slice(0, LOGGED_PATHS).map((p) => JSON.stringify(p)).join(', ');
  return paths.length > LOGGED_PATHS ? `${shown} and ${paths.length - LOGGED_PATHS} more` : shown;
}

/** A replica path a batch writes; `subtree`: everything below it too (a remove, a rename). */
export interface Touch {
  path: string;
  subtree: boolean;
}

/** What `ops` touch, as sent (the applier validates them); a single file's one path is 'data'. */
export function touchedPaths(ops: doppel.IOp[], single: boolean): Touch[] {
  if (single) return ops.length > 0 ? [{ path: SINGLE_FILE_NAME, subtree: false }] : [];
  const out: Touch[] = [];
  for (const op of ops) {
    const path = op.write?.path ?? op.fileBegin?.path ?? op.fileCommit?.path ?? op.resize?.path ?? op.setAttr?.path ?? op.mkdir?.path ?? op.symlink?.path;
    if (path != null) out.push({ path, subtree: false });
    if (op.remove != null) out.push({ path: op.remove.path ?? '', subtree: true });
    if (op.rename != null) out.push({ path: op.rename.from ?? '', subtree: true }, { path: op.rename.to ?? '', subtree: true });
  }
  return out;
}

export class ReplicaGuard {
  private readonly cache: ScanCache;
  private readonly aside: AsideStore;
  private watch: TreeWatch | undefined;
  private opening: Promise<void> | undefined;
  private stopped = false;
  /** Batches being applied: nothing is judged meanwhile. */
  private busy = 0;
  /** Reported paths waiting to be judged. */
  private readonly pending = new Set<string>();
  /** Guarded paths a verify showed the source as they are: a batch that restores them clears them. */
  private readonly released = new Set<string>();
  /** Guarded paths a batch patched before that: their record may mix the source's and foreign bytes. */
  private readonly tainted = new Set<string>();
  /** The state of each guarded path when it was last kept aside. */
  private readonly kept = new Map<string, string>();

  constructor(private readonly host: ProtectionHost) {
    this.cache = new ScanCache(host.ctx.db, host.row.id);
    this.aside = new AsideStore(host.ctx.db, host.ctx.home);
  }

  private get root(): string {
    return this.host.row.path;
  }

  private get single(): boolean {
    return this.host.row.kind !== 'tree';
  }

  private guarded(): string[] {
    return this.host.row.guard?.paths ?? [];
  }

  /**
   * Watches the replica; a no-op until its directory exists (the first session makes it, and
   * calls this again). Only a configured target's replica is guarded: an old source following its
   * promoted replica applies into its own data.
   */
  start(): Promise<void> {
    if (this.host.row.role !== 'target' || this.stopped) return Promise.resolve();
    this.opening ??= this.open().then((watching) => { if (!watching) this.opening = undefined; });
    return this.opening;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.opening;
    await this.watch?.close();
    this.watch = undefined;
  }

  private async open(): Promise<boolean> {
    if (!existsSync(this.root)) return false;
    for (const p of this.guarded()) {
      const key = statKey(this.lstat(p));
      if (key !== undefined) this.kept.set(p, key);
    }
    const { ctx } = this.host;
    try {
      const watch = await watchTree(this.root, {
        debounceMs: GUARD_DEBOUNCE_MS,
        onChange: (paths) => this.reported(paths),
        onError: (err) => ctx.log.warn(`${this.host.row.name}: ${err.message}; writes to the replica behind doppel may go unnoticed`),
      });
      if (this.stopped) await watch.close();
      else this.watch = watch;
    } catch (err) {
      ctx.log.warn(`${this.host.row.name}: ${(err as Error).message}; writes to the replica behind doppel will not be noticed`);
    }
    return true;
  }

  private lstat(local: string): Stats | undefined {
    return lstatSync(join(this.root, local), { throwIfNoEntry: false });
  }

  private reported(paths: string[]): void {
    for (const rel of paths) {
      if (!this.single || rel === SINGLE_FILE_NAME) this.pending.add(rel);
    }
    this.judge();
  }

  /** Judges the reported paths unless a batch is being applied (then its end does). */
  private judge(): void {
    if (this.busy > 0 || this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    // Until the first mirror is complete, everything arriving is the applier's.
    if (!this.host.row.mirrored) return;
    const foreign = paths.filter((p) => !statMatches(this.cache.get(p), this.lstat(p))).sort();
    if (foreign.length > 0) this.detected(foreign);
  }

  private detected(foreign: string[]): void {
    const { ctx } = this.host;
    const row = this.host.row;
    const peer = ctx.peerName(row.peerId) ?? row.peerId;
    // Changed again: what the source last saw of it is stale again.
    for (const p of foreign) this.released.delete(p);
    const kept = this.keepAside(foreign, 'replica modified behind doppel, kept before the source overwrites it');
    const where = kept === undefined ? '' : `; the modified files were kept aside in ${kept.dir} (\`doppel aside list ${row.name}\`)`;
    const known = new Set(this.guarded());
    const added = foreign.filter((p) => !known.has(p));
    if (added.length === 0) {
      if (kept !== undefined) ctx.log.warn(`${row.name}: the replica was written again behind doppel: ${listed(foreign)}${where}`);
      return;
    }
    const paths = [...known, ...added.slice(0, Math.max(0, MAX_GUARD_PATHS - known.size))].sort();
    this.host.setGuard({ paths, detectedAt: row.guard?.detectedAt ?? ctx.clock.now() });
    ctx.log.warn(`${row.name}: the replica was written behind doppel, not by replication from ${peer}: ${listed(added)}${where}. ` +
      `Run \`doppel verify ${row.name} --repair\` on ${peer} to put the source's version back, or fail over if the replica is meant to be primary now`);
  }

  /** Copies the foreign versions of `paths` not kept aside yet; returns where they went. */
  private keepAside(paths: string[], reason: string): AsideEntry | undefined {
    const row = this.host.row;
    const due = new Map<string, string>();
    for (const p of paths) {
      const key = statKey(this.lstat(p));
      if (key !== undefined && this.kept.get(p) !== key) due.set(p, key);
    }
    if (due.size === 0) return undefined;
    try {
      const entry = this.aside.keep({ protection: row.name, peer: row.peerId, reason, root: this.root, paths: [...due.keys()], now: this.host.ctx.clock.now() });
      for (const [p, key] of due) this.kept.set(p, key);
      return entry;
    } catch (err) {
      this.host.ctx.log.warn(`${row.name}: keeping ${listed([...due.keys()])} aside failed: ${(err as Error).message}; they may be overwritten by the source`);
      return undefined;
    }
  }

  /**
   * Runs `apply` (a batch's commit, a journal replay) with judging held off. Before it, guarded
   * paths the batch touches are kept aside; after it, those it restored leave the guard and the
   * paths reported meanwhile are judged.
   */
  async applying<T>(touched: Touch[], apply: () => Promise<T>): Promise<T> {
    this.judge();
    const hit = this.guarded().filter((p) => touched.some((t) => (t.subtree ? isWithin(p, t.path) : p === t.path)));
    if (hit.length > 0) {
      const kept = this.keepAside(hit, 'replica modified behind doppel, overwritten by the source');
      if (kept !== undefined) this.host.ctx.log.warn(`${this.host.row.name}: the source overwrites paths modified behind doppel; their modified versions were kept aside in ${kept.dir}`);
      for (const p of hit) if (!this.released.has(p)) this.tainted.add(p);
    }
    this.busy++;
    try {
      return await apply();
    } finally {
      this.busy--;
      if (this.busy === 0) {
        this.settle(hit);
        this.judge();
      }
    }
  }

  /** Released paths the batch wrote that match the applier's record again hold the source's version. */
  private settle(touched: string[]): void {
    const restored = touched.filter((p) => this.released.has(p) && statMatches(this.cache.get(p), this.lstat(p)));
    this.drop(restored);
  }

  private drop(paths: string[]): void {
    if (paths.length === 0) return;
    const gone = new Set(paths);
    for (const p of gone) {
      this.released.delete(p);
      this.tainted.delete(p);
      this.kept.delete(p);
    }
    const left = this.guarded().filter((p) => !gone.has(p));
    const { ctx } = this.host;
    const row = this.host.row;
    if (left.length > 0) {
      this.host.setGuard({ paths: left, detectedAt: row.guard?.detectedAt ?? ctx.clock.now() });
      ctx.log.info(`${row.name}: the source's version is back at ${listed(paths)}; ${left.length} path(s) still modified behind doppel`);
    } else {
      this.host.setGuard(undefined);
      ctx.log.info(`${row.name}: the source's version is back at every path modified behind doppel; the replica is guarded again`);
    }
  }

  /**
   * The replica's index for the source, read from disk. The index would record a guarded path's
   * foreign state as the applier's, so the record is put back afterwards, except where the path
   * holds what the applier wrote after all (then it leaves the guard). A new session is told the
   * record (it must not quietly overwrite a guarded path); a verify is told the truth, and the
   * paths it shows become released.
   */
  async index(applier: Applier, purpose: IndexPurpose): Promise<ReplicaEntry[]> {
    this.judge();
    // Nothing watched the replica while the daemon was down: what differs from the applier's
    // record now was written behind it, and a new session must not quietly overwrite it.
    if (purpose === 'session' && this.host.row.mirrored) {
      const changed = await divergentPaths(this.root, false, this.cache, [], () => true);
      const foreign = this.single ? changed.filter((p) => p === SINGLE_FILE_NAME) : changed;
      if (foreign.length > 0) this.detected(foreign);
    }
    const guarded = this.guarded();
    const records = new Map(guarded.map((p) => [p, this.cache.get(p)] as const));
    // Verify must not trust the replica's cached block map: drop it so every file is re-read.
    if (purpose === 'verify') this.host.store.clearScanCache(this.host.row.id);
    const entries = await applier.index();
    if (guarded.length === 0) return entries;
    const same: string[] = [];
    const substituted = new Map<string, CachedEntry | undefined>();
    this.cache.transaction(() => {
      for (const [p, record] of records) {
        const now = this.cache.get(p);
        if (!this.tainted.has(p) && sameContent(record, now)) {
          same.push(p);
          continue;
        }
        // A tainted record may hold foreign bytes: no record then, so only a batch restores it.
        const keep = this.tainted.has(p) && this.lstat(p) !== undefined ? undefined : record;
        if (keep === undefined) this.cache.delete(p);
        else this.cache.put(keep);
        substituted.set(p, record);
      }
    });
    if (purpose === 'verify') for (const p of substituted.keys()) this.released.add(p);
    else this.released.clear();
    this.drop(same);
    return purpose === 'verify' ? entries : this.reportRecords(entries, substituted);
  }

  private reportRecords(entries: ReplicaEntry[], records: Map<string, CachedEntry | undefined>): ReplicaEntry[] {
    const wire = (local: string): string => (this.single ? '' : local);
    const replaced = new Set([...records.keys()].map(wire));
    const out = entries.filter((e) => e.staged === true || !replaced.has(e.path));
    for (const [p, r] of records) {
      if (r === undefined) continue;
      const e: ReplicaEntry = { path: wire(p), type: r.type, size: r.size, mode: r.mode, mtimeMs: r.mtimeMs };
      if (r.linkTarget !== undefined) e.linkTarget = r.linkTarget;
      if (r.hashes !== undefined) e.hashes = r.hashes;
      out.push(e);
    }
    return out;
  }
}
