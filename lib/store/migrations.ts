// The state database's schema, as an append-only list of migrations. `PRAGMA user_version` holds
// the number of migrations applied; never edit a released migration, add a new one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'peers, protections, scan cache, dirty set',
    up(db) {
      db.exec(`
        CREATE TABLE peers (
          peer_id     TEXT PRIMARY KEY,
          name        TEXT,
          trusted     INTEGER NOT NULL DEFAULT 0,
          addrs       TEXT NOT NULL DEFAULT '[]',   -- JSON array of multiaddr strings
          discovered  TEXT,                          -- 'mdns' | 'dial' | 'config' | 'inbound'
          first_seen  INTEGER,
          last_seen   INTEGER
        );

        -- One row per protection this peer takes part in, in either role.
        CREATE TABLE protections (
          id          INTEGER PRIMARY KEY,
          name        TEXT NOT NULL,
          role        TEXT NOT NULL CHECK (role IN ('source', 'target')),
          peer_id     TEXT NOT NULL,                 -- the other side
          path        TEXT NOT NULL,                 -- source root, or replica root on the target
          kind        TEXT NOT NULL CHECK (kind IN ('tree', 'file', 'device')),
          options     TEXT NOT NULL DEFAULT '{}',    -- JSON: include, exclude, bwlimit, compress, blockSize, scanIntervalMs
          generation  INTEGER NOT NULL DEFAULT 1,
          paused      INTEGER NOT NULL DEFAULT 0,
          applied_seq INTEGER NOT NULL DEFAULT 0,    -- target: last batch durably applied
          mirrored    INTEGER NOT NULL DEFAULT 0,    -- 1 once a full mirror pass completed
          last_error  TEXT,
          created_at  INTEGER NOT NULL,
          UNIQUE (role, peer_id, name)
        );

        -- Per-root cache of what a scan found, so unchanged files (same size, mtime, ctime, inode)
        -- are not re-read. On a target it is the replica's block index.
        CREATE TABLE scan_cache (
          protection_id INTEGER NOT NULL,
          path        TEXT NOT NULL,
          type        TEXT NOT NULL,                 -- 'file' | 'dir' | 'symlink'
          size        INTEGER NOT NULL,
          mode        INTEGER NOT NULL,
          mtime_ms    REAL NOT NULL,
          ctime_ms    REAL NOT NULL,
          ino         INTEGER NOT NULL,
          link_target TEXT,
          hashes      BLOB,
          PRIMARY KEY (protection_id, path)
        ) WITHOUT ROWID;

        -- Source: paths changed since the target last acknowledged them (DRBD's bitmap, per file).
        CREATE TABLE dirty (
          protection_id INTEGER NOT NULL,
          path        TEXT NOT NULL,
          PRIMARY KEY (protection_id, path)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    description: 'failover: the state machine of each protection and the last hook number',
    up(db) {
      db.exec(`
        ALTER TABLE protections ADD COLUMN failover TEXT;   -- JSON FailoverState (lib/core/failover.ts); NULL before the first step
        ALTER TABLE protections ADD COLUMN hook_seq INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    version: 3,
    description: 'test failover copies, replicas modified behind the applier, data kept aside',
    up(db) {
      db.exec(`
        ALTER TABLE protections ADD COLUMN test_copy TEXT;  -- JSON {path, startedAt} while a test failover runs
        ALTER TABLE protections ADD COLUMN guard TEXT;      -- JSON {paths, detectedAt} while the replica was written behind the applier

        -- Data kept aside instead of destroyed (lost writes at failback, the discarded side of a
        -- split brain, a replica's stray edits): a directory under <home>/aside with a manifest.
        CREATE TABLE aside (
          id          INTEGER PRIMARY KEY,
          protection  TEXT NOT NULL,                 -- the protection's name (rows outlive the protection)
          peer_id     TEXT NOT NULL,
          created_at  INTEGER NOT NULL,
          reason      TEXT NOT NULL,
          dir         TEXT NOT NULL,
          files       INTEGER NOT NULL,
          bytes       INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    description: 'split brain: writes made while the peer was unreachable, and a detected split brain',
    up(db) {
      db.exec(`
        ALTER TABLE protections ADD COLUMN wrote_apart INTEGER NOT NULL DEFAULT 0;  -- primary here wrote while the peer was unreachable
        ALTER TABLE protections ADD COLUMN split_brain TEXT;                       -- JSON SplitBrain while one holds
      `);
    },
  },
];
