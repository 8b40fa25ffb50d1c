// Protections and their dirty sets as stored in the state database.
import type Database from 'better-sqlite3';
import { DEFAULT_BLOCK_SIZE } from '../core/blocks.js';
import { DEFAULT_FAILOVER_MODE, DEFAULT_HEARTBEAT_MS, DEFAULT_MISSED_HEARTBEATS, type FailoverPolicy, type FailoverState } from '../core/failover.js';

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
  /** When and how the target takes over from a silent source (`--failover`, `--heartbeat`, `--missed`). */
  failover: FailoverPolicy;
  /** Shell commands run at role changes (`--hook-failover` ...); empty: none. */
  hooks: HookCommands;
}

export interface HookCommands {
  failover: string;
  failback: string;
  switchover: string;
  timeoutMs: number;
}

export const DEFAULT_HOOK_TIMEOUT_MS = 60_000;

export const DEFAULT_OPTIONS: ProtectionOptions = {
  include: [],
  exclude: [],
  bwlimit: 0,
  compress: false,
  blockSize: DEFAULT_BLOCK_SIZE,
  scanIntervalMs: 1000,
  rescanIntervalMs: 60_000,
  failover: { mode: DEFAULT_FAILOVER_MODE, heartbeatMs: DEFAULT_HEARTBEAT_MS, missed: DEFAULT_MISSED_HEARTBEATS },
  hooks: { failover: '', failback: '', switchover: '', timeoutMs: DEFAULT_HOOK_TIMEOUT_MS },
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
  /** The failover state machine's last persisted state; undefined before its first step. */
  failover: FailoverState | undefined;
  /** Number of the last hook run for this protection. */
  hookSeq: number;
  /** A test failover's throwaway copy of the replica, while one runs. */
  testCopy: TestCopy | undefined;
  /** Paths of the replica written by something other than the applier, while not promoted. */
  guard: Guard | undefined;
  /** This side acted as primary and wrote while the peer was unreachable (cleared once it caught up). */
  wroteApart: boolean;
  /** Both sides wrote while apart: nothing is applied either way until `doppel resolve`. */
  splitBrain: SplitBrain | undefined;
}

export interface Divergence {
  files: number;
  bytes: number;
}

export interface SplitBrain {
  detectedAt: number;
  /** The peer's generation when it was detected. */
  peerGeneration: number;
  /** What each side wrote that the other lacks. */
  local: Divergence;
  remote: Divergence;
  /** `resolve --keep remote` ran here: the peer's next offer is taken at `generation`. */
  yieldAt?: number;
}

export interface TestCopy {
  path: string;
  startedAt: number;
}

export interface Guard {
  paths: string[];
  detectedAt: number;
}

interface RawRow {
  id: number; name: string; role: Role; peer_id: string; path: string; kind: Kind; options: string;
  generation: number; paused: number; applied_seq: number; mirrored: number; last_error: string | null; created_at: number;
  failover: string | null; hook_seq: number; test_copy: string | null; guard: string | null;
  wrote_apart: number; split_brain: string | null;
}

function fromRaw(raw: RawRow): ProtectionRow {
  const options = JSON.parse(raw.options) as Partial<ProtectionOptions>;
  return {
    id: raw.id,
    name: raw.name,
    role: raw.role,
    peerId: raw.peer_id,
    path: raw.path,
    kind: raw.kind,
    // Nested settings merge with their defaults too: rows written before a setting existed lack it.
    options: {
      ...DEFAULT_OPTIONS,
      ...options,
      failover: { ...DEFAULT_OPTIONS.failover, ...options.failover },
      hooks: { ...DEFAULT_OPTIONS.hooks, ...options.hooks },
    },
    generation: raw.generation,
    paused: raw.paused === 1,
    appliedSeq: raw.applied_seq,
    mirrored: raw.mirrored === 1,
    lastError: raw.last_error,
    createdAt: raw.created_at,
    failover: raw.failover == null ? undefined : (JSON.parse(raw.failover) as FailoverState),
    hookSeq: raw.hook_seq,
    testCopy: raw.test_copy == null ? undefined : (JSON.parse(raw.test_copy) as TestCopy),
    guard: raw.guard == null ? undefined : (JSON.parse(raw.guard) as Guard),
    wroteApart: raw.wrote_apart === 1,
    splitBrain: raw.split_brain == null ? undefined : (JSON.parse(raw.split_brain) as SplitBrain),
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

  insert(row: Omit<ProtectionRow, 'id' | 'appliedSeq' | 'mirrored' | 'lastError' | 'paused' | 'failover' | 'hookSeq' | 'testCopy' | 'guard' | 'wroteApart' | 'splitBrain'>): ProtectionRow {
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

  setOptions(id: number, options: ProtectionOptions): void {
    this.db.prepare('UPDATE protections SET options = ? WHERE id = ?').run(JSON.stringify(options), id);
  }

  /** The failover state and the generation it holds, in one write: they must never disagree. */
  setFailover(id: number, state: FailoverState): void {
    this.db.prepare('UPDATE protections SET failover = ?, generation = ? WHERE id = ?').run(JSON.stringify(state), state.generation, id);
  }

  setTestCopy(id: number, copy: TestCopy | undefined): void {
    this.db.prepare('UPDATE protections SET test_copy = ? WHERE id = ?').run(copy === undefined ? null : JSON.stringify(copy), id);
  }

  setGuard(id: number, guard: Guard | undefined): void {
    this.db.prepare('UPDATE protections SET guard = ? WHERE id = ?').run(guard === undefined ? null : JSON.stringify(guard), id);
  }

  setWroteApart(id: number, wrote: boolean): void {
    this.db.prepare('UPDATE protections SET wrote_apart = ? WHERE id = ?').run(wrote ? 1 : 0, id);
  }

  setSplitBrain(id: number, split: SplitBrain | undefined): void {
    this.db.prepare('UPDATE protections SET split_brain = ? WHERE id = ?').run(split === undefined ? null : JSON.stringify(split), id);
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
