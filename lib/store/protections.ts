// Protections and their dirty sets as stored in the state database.
import type Database from 'better-sqlite3';
import { DEFAULT_BLOCK_SIZE } from '../core/blocks.js';

export type Role = 'source' | 'target';
export type Kind = 'tree' | 'file' | 'device';

export interface ProtectionOptions {
  include: string[];
  exclude: string[];
  /** Bytes per second, 0 = unlimited. */
  bwlimit: number;
  compress: boolean;
  blockSize: number;
  /** Devices (and files protected with --scan-interval): rescan period. */
  scanIntervalMs: number;
  /** Trees: full rescan period that catches what the watcher missed. */
  rescanIntervalMs: number;
}

export const DEFAULT_OPTIONS: ProtectionOptions = {
  include: [],
  exclude: [],
  bwlimit: 0,
  compress: false,
  blockSize: DEFAULT_BLOCK_SIZE,
  scanIntervalMs: 1000,
  rescanIntervalMs: 60_000,
};

export interface ProtectionRow {
  id: number;
  name: string;
  role: Role;
  peerId: string;
  path: string;
  kind: Kind;
  options: ProtectionOptions;
  generation: number;
  paused: boolean;
  appliedSeq: number;
  mirrored: boolean;
  lastError: string | null;
  createdAt: number;
}

interface RawRow {
  id: number; name: string; role: Role; peer_id: string; path: string; kind: Kind; options: string;
  generation: number; paused: number; applied_seq: number; mirrored: number; last_error: string | null; created_at: number;
}

function fromRaw(raw: RawRow): ProtectionRow {
  return {
    id: raw.id,
    name: raw.name,
    role: raw.role,
    peerId: raw.peer_id,
    path: raw.path,
    kind: raw.kind,
    options: { ...DEFAULT_OPTIONS, ...(JSON.parse(raw.options) as Partial<ProtectionOptions>) },
    generation: raw.generation,
    paused: raw.paused === 1,
    appliedSeq: raw.applied_seq,
    mirrored: raw.mirrored === 1,
    lastError: raw.last_error,
    createdAt: raw.created_at,
  };
}

/** The protections table. */
export class ProtectionStore {
  constructor(private readonly db: Database.Database) {}

  list(role?: Role): ProtectionRow[] {
    const rows = role == null
      ? this.db.prepare('SELECT * FROM protections ORDER BY name, role, peer_id').all()
      : this.db.prepare('SELECT * FROM protections WHERE role = ? ORDER BY name, peer_id').all(role);
    return (rows as RawRow[]).map(fromRaw);
  }

  find(role: Role, peerId: string, name: string): ProtectionRow | undefined {
    const raw = this.db.prepare('SELECT * FROM protections WHERE role = ? AND peer_id = ? AND name = ?').get(role, peerId, name) as RawRow | undefined;
    return raw == null ? undefined : fromRaw(raw);
  }

  insert(row: Omit<ProtectionRow, 'id' | 'appliedSeq' | 'mirrored' | 'lastError' | 'paused'>): ProtectionRow {
    this.db.prepare(
      'INSERT INTO protections (name, role, peer_id, path, kind, options, generation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(row.name, row.role, row.peerId, row.path, row.kind, JSON.stringify(row.options), row.generation, row.createdAt);
    return this.find(row.role, row.peerId, row.name)!;
  }

  remove(id: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM scan_cache WHERE protection_id = ?').run(id);
      this.db.prepare('DELETE FROM dirty WHERE protection_id = ?').run(id);
      this.db.prepare('DELETE FROM protections WHERE id = ?').run(id);
    })();
  }

  /** Bytes of the files the last scan found (0 before the first scan): the size a target must hold. */
  storedBytes(id: number): number {
    const row = this.db.prepare("SELECT COALESCE(SUM(size), 0) AS total FROM scan_cache WHERE protection_id = ? AND type = 'file'").get(id) as { total: number };
    return row.total;
  }

  clearScanCache(id: number): void {
    this.db.prepare('DELETE FROM scan_cache WHERE protection_id = ?').run(id);
  }

  setPaused(id: number, paused: boolean): void {
    this.db.prepare('UPDATE protections SET paused = ? WHERE id = ?').run(paused ? 1 : 0, id);
  }

  setMirrored(id: number, mirrored: boolean): void {
    this.db.prepare('UPDATE protections SET mirrored = ? WHERE id = ?').run(mirrored ? 1 : 0, id);
  }

  setLastError(id: number, message: string | null): void {
    this.db.prepare('UPDATE protections SET last_error = ? WHERE id = ?').run(message, id);
  }

  setGeneration(id: number, generation: number): void {
    this.db.prepare('UPDATE protections SET generation = ? WHERE id = ?').run(generation, id);
  }
}

/** The persisted dirty set of a source protection: paths changed and not yet acknowledged. */
export class DirtySet {
  private readonly insertStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Database.Database, private readonly protectionId: number) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO dirty (protection_id, path) VALUES (?, ?)');
    this.deleteStmt = db.prepare('DELETE FROM dirty WHERE protection_id = ? AND path = ?');
  }

  add(paths: Iterable<string>): void {
    this.db.transaction(() => {
      for (const p of paths) this.insertStmt.run(this.protectionId, p);
    })();
  }

  remove(paths: Iterable<string>): void {
    this.db.transaction(() => {
      for (const p of paths) this.deleteStmt.run(this.protectionId, p);
    })();
  }

  all(): string[] {
    return (this.db.prepare('SELECT path FROM dirty WHERE protection_id = ?').all(this.protectionId) as Array<{ path: string }>).map((r) => r.path);
  }

  clear(): void {
    this.db.prepare('DELETE FROM dirty WHERE protection_id = ?').run(this.protectionId);
  }
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class BadProtectionNameError extends Error {
  override name = 'BadProtectionNameError';
  constructor(name: string) {
    super(`"${name}" is not a valid protection name: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
}

export function validateProtectionName(name: string): string {
  if (!NAME_RE.test(name)) throw new BadProtectionNameError(name);
  return name;
}
