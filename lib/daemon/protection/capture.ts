// Change capture of a source: the watcher and hot files name changed paths, which join the dirty
// set (persisted, so a crash or a long outage costs a rescan of those paths, not a full mirror);
// timers ask for full rescans where events cannot be trusted (devices, missed events).
import type { TreeEntry } from '../../core/plan.js';
import type { RuleMatcher } from '../../core/rules.js';
import { DirtyPaths, type DirtySnapshot } from '../../core/dirty.js';
import { HotFiles } from '../../store/hot-files.js';
import { DirtySet } from '../../store/protections.js';
import { watchTree } from '../../store/watcher.js';
import type { ProtectionHost } from './strategy.js';

/** Rescan period when the watcher cannot be used. */
const WATCHLESS_RESCAN_MS = 10_000;
/** The watcher's coalescing delay: far below the seconds other tools wait (DESIGN.md). */
const WATCH_DEBOUNCE_MS = 2;

export class Capture {
  /** A full rescan is due: at start, on resume, by timer. */
  rescanDue = true;
  private readonly dirty = new DirtyPaths();
  private readonly persisted: DirtySet;
  private watcher: { close(): Promise<void> } | undefined;
  private hot: HotFiles | undefined;
  private readonly timers: NodeJS.Timeout[] = [];

  /** `wake` is called whenever there is something new to send. */
  constructor(private readonly host: ProtectionHost, private readonly rules: RuleMatcher, private readonly wake: () => void) {
    this.persisted = new DirtySet(host.ctx.db, host.row.id);
    // What was dirty when the daemon stopped is dirty now: lag counts from this start.
    this.dirty.mark(this.persisted.all(), host.ctx.clock.now());
  }

  async start(): Promise<void> {
    await this.startWatcher();
    const row = this.host.row;
    this.rescanEvery(row.kind === 'device' ? row.options.scanIntervalMs : row.options.rescanIntervalMs);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.watcher?.close();
    this.hot?.close();
  }

  /** Paths changed (relative to the root; '' for a single file): they go out in the next pass. */
  markDirty(paths: string[]): void {
    const wanted = paths.filter((path) => path === '' || this.rules(path, false) || this.rules(path, true));
    const fresh = this.dirty.mark(wanted, this.host.ctx.clock.now());
    if (fresh.length > 0) this.persisted.add(fresh);
    if (wanted.length > 0) this.host.changedWhileApart();
    this.wake();
  }

  /** A snapshot of the dirty paths being sent; `settle` forgets those not changed since. */
  take(): DirtySnapshot {
    return this.dirty.take();
  }

  /** After the batch that carried `taken` was applied, forget paths not changed since. */
  settle(taken: DirtySnapshot): void {
    const clean = this.dirty.settle(taken);
    if (clean.length > 0) this.persisted.remove(clean);
  }

  get size(): number {
    return this.dirty.size;
  }

  paths(): IterableIterator<string> {
    return this.dirty.paths();
  }

  oldestSince(): number | undefined {
    return this.dirty.oldestSince();
  }

  /** Files that just changed are watched directly: the tree watcher delays bursts of events 50 ms. */
  touchHot(entries: Map<string, TreeEntry | null>): void {
    for (const [path, entry] of entries) if (entry?.type === 'file') this.hot?.touch(path);
  }

  private async startWatcher(): Promise<void> {
    const row = this.host.row;
    const log = this.host.ctx.log;
    if (row.kind === 'device') return;
    if (row.kind === 'tree') this.hot = new HotFiles(this.host.dataPath, (path) => this.markDirty([path]));
    try {
      this.watcher = await watchTree(this.host.dataPath, {
        debounceMs: WATCH_DEBOUNCE_MS,
        onChange: (paths: string[]) => this.markDirty(row.kind === 'file' ? [''] : paths),
        onError: (err: Error) => {
          log.warn(`${row.name}: watcher failed, falling back to rescans every 10 s: ${err.message}`);
          this.host.setError(`watcher: ${err.message}`);
          this.rescanEvery(WATCHLESS_RESCAN_MS);
        },
      });
    } catch (err) {
      log.warn(`${row.name}: cannot watch ${this.host.dataPath}: ${(err as Error).message}; rescanning every 10 s instead`);
      this.host.setError(`watcher: ${(err as Error).message}`);
      this.rescanEvery(WATCHLESS_RESCAN_MS);
    }
  }

  private rescanEvery(ms: number): void {
    const timer = setInterval(() => { this.rescanDue = true; this.wake(); }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
