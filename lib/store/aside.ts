// Data kept aside instead of destroyed: before doppel overwrites or removes files that hold writes
// the other side never had (the old source's unreplicated tail at failback, the discarded side of
// a split brain, a stray edit of a replica), it copies them here with a manifest saying when and
// why. `doppel aside list|drop` shows and frees them; nothing else ever removes them.
//
//   <home>/aside/<protection>/<id>/manifest.json   {id, protection, peer, reason, createdAt, files}
//   <home>/aside/<protection>/<id>/files/<path>    the kept copies, at their paths in the data set
import { constants, copyFileSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { validateRelPath } from '../core/paths.js';

export interface AsideEntry {
  id: number;
  protection: string;
  /** PeerId of the protection's other side. */
  peer: string;
  createdAt: number;
  reason: string;
  /** Where the copies are. */
  dir: string;
  files: number;
  bytes: number;
}

interface RawAside {
  id: number; protection: string; peer_id: string; created_at: number; reason: string; dir: string; files: number; bytes: number;
}

function fromRaw(r: RawAside): AsideEntry {
  return { id: r.id, protection: r.protection, peer: r.peer_id, createdAt: r.created_at, reason: r.reason, dir: r.dir, files: r.files, bytes: r.bytes };
}

export class AsideStore {
  constructor(private readonly db: Database.Database, private readonly home: string) {}

  /**
   * Copies `paths` (relative to `root`; '' is `root` itself, a single file) aside. Paths that no
   * longer exist or are directories are skipped. Returns the entry, or undefined when nothing
   * was there to keep.
   */
  keep(input: { protection: string; peer: string; reason: string; root: string; paths: string[]; now: number }): AsideEntry | undefined {
    const kept: Array<{ path: string; size: number }> = [];
    const id = (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM aside').get() as { next: number }).next;
    const dir = join(this.home, 'aside', input.protection, String(id));
    for (const path of [...new Set(input.paths)].sort()) {
      const rel = path === '' ? '' : validateRelPath(path);
      const from = rel === '' ? input.root : join(input.root, rel);
      const st = lstatSync(from, { throwIfNoEntry: false });
      if (st === undefined || st.isDirectory()) continue;
      const to = join(dir, 'files', rel === '' ? 'data' : rel);
      mkdirSync(dirname(to), { recursive: true });
      if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
      // A reflink where the filesystem has them: a VM image kept aside costs no space until it diverges.
      else copyFileSync(from, to, constants.COPYFILE_FICLONE);
      kept.push({ path: rel, size: st.isFile() ? st.size : 0 });
    }
    if (kept.length === 0) return undefined;
    const bytes = kept.reduce((n, f) => n + f.size, 0);
    const manifest = { id, protection: input.protection, peer: input.peer, reason: input.reason, createdAt: new Date(input.now).toISOString(), files: kept };
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    this.db.prepare('INSERT INTO aside (id, protection, peer_id, created_at, reason, dir, files, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.protection, input.peer, input.now, input.reason, dir, kept.length, bytes);
    return { id, protection: input.protection, peer: input.peer, createdAt: input.now, reason: input.reason, dir, files: kept.length, bytes };
  }

  list(protection?: string): AsideEntry[] {
    const rows = protection === undefined
      ? this.db.prepare('SELECT * FROM aside ORDER BY id').all()
      : this.db.prepare('SELECT * FROM aside WHERE protection = ? ORDER BY id').all(protection);
    return (rows as RawAside[]).map(fromRaw);
  }

  /** Frees one entry (its copies and its row); returns it, or undefined if there is none. */
  drop(id: number): AsideEntry | undefined {
    const raw = this.db.prepare('SELECT * FROM aside WHERE id = ?').get(id) as RawAside | undefined;
    if (raw === undefined) return undefined;
    rmSync(raw.dir, { recursive: true, force: true });
    this.db.prepare('DELETE FROM aside WHERE id = ?').run(id);
    return fromRaw(raw);
  }

  summary(protection: string, peer: string): { count: number; bytes: number } {
    const r = this.db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM aside WHERE protection = ? AND peer_id = ?').get(protection, peer) as { count: number; bytes: number };
    return { count: r.count, bytes: r.bytes };
  }
}
