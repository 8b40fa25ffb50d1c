// The state database <home>/state.db (SQLite through better-sqlite3): schema migrations by
// PRAGMA user_version, and the typed peer store the daemon uses. Other stores (protections,
// scan cache, dirty set) use the same `db`.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DaemonRunningError, StateError } from '../errors.js';
import { migrations } from './migrations.js';

export const STATE_FILE = 'state.db';

export type DiscoverySource = 'mdns' | 'dial' | 'config' | 'inbound' | 'trust';

export interface PeerRecord {
  peerId: string;
  name: string | undefined;
  trusted: boolean;
  addrs: string[];
  discovered: string | undefined;
  firstSeen: number | undefined;
  lastSeen: number | undefined;
}

interface PeerRow {
  peer_id: string;
  name: string | null;
  trusted: number;
  addrs: string;
  discovered: string | null;
  first_seen: number | null;
  last_seen: number | null;
}

function toRecord(row: PeerRow): PeerRecord {
  return {
    peerId: row.peer_id,
    name: row.name ?? undefined,
    trusted: row.trusted === 1,
    addrs: JSON.parse(row.addrs) as string[],
    discovered: row.discovered ?? undefined,
    firstSeen: row.first_seen ?? undefined,
    lastSeen: row.last_seen ?? undefined,
  };
}

function mergeAddrs(old: string[], add: string[]): string[] {
  return [...new Set([...add, ...old])].slice(0, 16);
}

/** Opens (creating if needed) and migrates the state database of a home. */
export function openDatabase(home: string): Database.Database {
  const file = join(home, STATE_FILE);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function migrate(db: Database.Database, file: string): void {
  const known = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) {
    throw new StateError(`${file} has schema version ${current}, newer than this doppel knows (${known}); upgrade doppel to use this home`);
  }
  const apply = db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= current) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply();
}

export class StateStore {
  private readonly getStmt;
  private readonly listStmt;
  private readonly insertStmt;
  private readonly updateSeenStmt;
  private readonly trustStmt;
  private readonly untrustStmt;
  private readonly nameStmt;

  constructor(readonly db: Database.Database) {
    this.getStmt = db.prepare<[string], PeerRow>('SELECT * FROM peers WHERE peer_id = ?');
    this.listStmt = db.prepare<[], PeerRow>('SELECT * FROM peers ORDER BY trusted DESC, name, peer_id');
    this.insertStmt = db.prepare('INSERT INTO peers (peer_id, name, trusted, addrs, discovered, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.updateSeenStmt = db.prepare('UPDATE peers SET addrs = ?, last_seen = ? WHERE peer_id = ?');
    this.trustStmt = db.prepare('UPDATE peers SET trusted = 1, name = coalesce(?, name), addrs = ? WHERE peer_id = ?');
    this.untrustStmt = db.prepare('UPDATE peers SET trusted = 0 WHERE peer_id = ?');
    this.nameStmt = db.prepare('UPDATE peers SET name = ? WHERE peer_id = ? AND name IS NULL');
  }

  get(peerId: string): PeerRecord | undefined {
    const row = this.getStmt.get(peerId);
    return row === undefined ? undefined : toRecord(row);
  }

  list(): PeerRecord[] {
    return this.listStmt.all().map(toRecord);
  }

  isTrusted(peerId: string): boolean {
    return this.get(peerId)?.trusted === true;
  }

  /** Records that a peer was seen (discovered, dialled us, or talked to us); never changes trust. */
  recordSeen(peerId: string, addrs: string[], source: DiscoverySource, now: number): PeerRecord {
    const old = this.get(peerId);
    if (old === undefined) {
      this.insertStmt.run(peerId, null, 0, JSON.stringify(addrs.slice(0, 16)), source, now, now);
    } else {
      this.updateSeenStmt.run(JSON.stringify(mergeAddrs(old.addrs, addrs)), now, peerId);
    }
    return this.get(peerId)!;
  }

  /** Adds a peer to the allow-list; a given name replaces the old one, addresses are merged. */
  trust(peerId: string, name: string | undefined, addrs: string[], now: number): PeerRecord {
    return this.db.transaction(() => {
      const old = this.get(peerId) ?? this.recordSeen(peerId, [], 'trust', now);
      this.trustStmt.run(name ?? null, JSON.stringify(mergeAddrs(old.addrs, addrs)), peerId);
      return this.get(peerId)!;
    })();
  }

  /** Removes a peer from the allow-list; it stays listed (as pending) with what was learned. */
  untrust(peerId: string): boolean {
    return this.untrustStmt.run(peerId).changes > 0;
  }

  /** Names a peer after its own Hello, unless the operator already named it. */
  nameIfUnnamed(peerId: string, name: string): void {
    this.nameStmt.run(name, peerId);
  }
}

export const PID_FILE = 'daemon.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the home for one daemon by creating <home>/daemon.pid exclusively; a file left by a
 * daemon that no longer runs is replaced. Returns the function that releases the claim.
 */
export function acquirePidLock(home: string): () => void {
  const file = join(home, PID_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already removed
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) throw new DaemonRunningError(home, pid);
    unlinkSync(file);
  }
  throw new DaemonRunningError(home, undefined);
}
