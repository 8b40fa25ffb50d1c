// What the last scan of one protection's root found, kept in the state database so a rescan only
// re-reads files whose size, mtime, ctime or inode changed. On a target it is the replica's index.
import type { Stats } from 'node:fs';
import type Database from 'better-sqlite3';

export type EntryType = 'file' | 'dir' | 'symlink';

export interface CachedEntry {
  path: string;
  type: EntryType;
  size: number;
  mode: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  linkTarget?: string;
  hashes?: Uint8Array;
}

interface Row {
  path: string;
  type: EntryType;
  size: number;
  mode: number;
  mtime_ms: number;
  ctime_ms: number;
  ino: number;
  link_target: string | null;
  hashes: Buffer | null;
}

function fromRow(r: Row): CachedEntry {
  const e: CachedEntry = { path: r.path, type: r.type, size: r.size, mode: r.mode, mtimeMs: r.mtime_ms, ctimeMs: r.ctime_ms, ino: r.ino };
  if (r.link_target !== null) e.linkTarget = r.link_target;
  if (r.hashes !== null) e.hashes = r.hashes;
  return e;
}

export class ScanCache {
  private readonly getStmt: Database.Statement<[number, string], Row>;
  private readonly putStmt: Database.Statement<[number, string, string, number, number, number, number, number, string | null, Uint8Array | null]>;
  private readonly deleteStmt: Database.Statement<[number, string]>;
  private readonly deleteTreeStmt: Database.Statement<[number, string, string, string]>;
  private readonly deleteAllStmt: Database.Statement<[number]>;
  private readonly allStmt: Database.Statement<[number], Row>;
  private readonly belowStmt: Database.Statement<[number, string, string], Row>;

  constructor(private readonly db: Database.Database, readonly protectionId: number) {
    this.getStmt = db.prepare('SELECT * FROM scan_cache WHERE protection_id = ? AND path = ?');
    this.putStmt = db.prepare(`INSERT OR REPLACE INTO scan_cache
      (protection_id, path, type, size, mode, mtime_ms, ctime_ms, ino, link_target, hashes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.deleteStmt = db.prepare('DELETE FROM scan_cache WHERE protection_id = ? AND path = ?');
    // Every path below 'd/' sorts in ['d/', 'd0') bytewise ('0' follows '/'), unlike LIKE which
    // would treat '%' and '_' in names as wildcards.
    this.deleteTreeStmt = db.prepare('DELETE FROM scan_cache WHERE protection_id = ? AND (path = ? OR (path >= ? AND path < ?))');
    this.deleteAllStmt = db.prepare('DELETE FROM scan_cache WHERE protection_id = ?');
    this.allStmt = db.prepare('SELECT * FROM scan_cache WHERE protection_id = ? ORDER BY path');
    this.belowStmt = db.prepare('SELECT * FROM scan_cache WHERE protection_id = ? AND path >= ? AND path < ? ORDER BY path');
  }

  get(path: string): CachedEntry | undefined {
    const row = this.getStmt.get(this.protectionId, path);
    return row && fromRow(row);
  }

  put(e: CachedEntry): void {
    this.putStmt.run(this.protectionId, e.path, e.type, e.size, e.mode, e.mtimeMs, e.ctimeMs, e.ino, e.linkTarget ?? null, e.hashes ?? null);
  }

  delete(path: string): void {
    this.deleteStmt.run(this.protectionId, path);
  }

  /** Deletes `dirPath` and everything below it; '' empties the whole cache of this protection. */
  deleteTree(dirPath: string): void {
    if (dirPath === '') this.deleteAllStmt.run(this.protectionId);
    else this.deleteTreeStmt.run(this.protectionId, dirPath, `${dirPath}/`, `${dirPath}0`);
  }

  /** All entries in path order. Do not write to the cache while iterating; collect first. */
  *all(): IterableIterator<CachedEntry> {
    for (const row of this.allStmt.iterate(this.protectionId)) yield fromRow(row);
  }

  /** Entries strictly below `dirPath` ('' = all), in path order. Same caveat as all(). */
  *below(dirPath: string): IterableIterator<CachedEntry> {
    if (dirPath === '') { yield* this.all(); return; }
    for (const row of this.belowStmt.iterate(this.protectionId, `${dirPath}/`, `${dirPath}0`)) yield fromRow(row);
  }

  /** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

/**
 * Whether an lstat (undefined: nothing there) still shows what `entry` recorded (undefined: no
 * entry). A directory is compared by type and inode only: its times move with every entry made or
 * removed in it, which is not recorded.
 */
export function statMatches(entry: CachedEntry | undefined, st: Stats | undefined): boolean {
  if (entry === undefined || st === undefined) return entry === undefined && st === undefined;
  const type: EntryType | undefined = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : undefined;
  if (type !== entry.type || st.ino !== entry.ino) return false;
  return type === 'dir' || (st.size === entry.size && st.mtimeMs === entry.mtimeMs && st.ctimeMs === entry.ctimeMs);
}
