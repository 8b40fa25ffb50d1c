// Builders shared by the applier tests and the crash child: a state database with one target
// protection, an Applier on a temp replica root, and wire ops.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { doppel } from '../../lib/net/wire.js';
import { Applier } from '../../lib/store/applier.js';
import { digestBlock, digestBlocks } from '../../lib/store/hasher.js';
import { openDatabase } from '../../lib/store/state.js';

export const BS = 4096;

export interface Target {
  home: string;
  root: string;
  db: Database.Database;
  applier: Applier;
}

/** Opens (creating on first use) the target state in `home`; the replica is `home/replica`. */
export async function openTarget(home: string, kind: 'tree' | 'file' = 'tree'): Promise<Target> {
  const root = join(home, 'replica');
  mkdirSync(root, { recursive: true });
  const db = openDatabase(home);
  db.prepare(`INSERT OR IGNORE INTO protections (id, name, role, peer_id, path, kind, created_at)
    VALUES (1, 'p', 'target', 'source-peer', ?, ?, 0)`).run(root, kind);
  const applier = new Applier({ replicaRoot: root, db, protectionId: 1, blockSize: BS });
  await applier.recover();
  return { home, root, db, applier };
}

export async function applyBatch(t: Target, seq: number, ops: doppel.IOp[]): Promise<void> {
  await t.applier.beginBatch(seq);
  await t.applier.addOps(ops);
  await t.applier.commitBatch();
}

export const mkdirOp = (path: string, mode = 0o755): doppel.IOp => ({ mkdir: { path, mode } });
export const symlinkOp = (path: string, target: string): doppel.IOp => ({ symlink: { path, target } });
export const removeOp = (path: string): doppel.IOp => ({ remove: { path } });
export const renameOp = (from: string, to: string): doppel.IOp => ({ rename: { from, to } });
export const beginOp = (path: string, size: number, base = false): doppel.IOp => ({ fileBegin: { path, size, base } });
export const commitOp = (path: string, mode = 0o644, mtimeMs = 1_700_000_000_000): doppel.IOp => ({ fileCommit: { path, mode, mtimeMs } });
export const resizeOp = (path: string, size: number): doppel.IOp => ({ resize: { path, size } });
export const writeOp = (path: string, offset: number, data: Uint8Array): doppel.IOp => ({ write: { path, offset, data, hash: digestBlocks(data, BS) } });

/** A whole new file version: FileBegin, Writes of at most `chunk` bytes, FileCommit. */
export function fileOps(path: string, content: Uint8Array, chunk = 1024 * 1024, mode = 0o644): doppel.IOp[] {
  const ops: doppel.IOp[] = [beginOp(path, content.length)];
  for (let off = 0; off < content.length; off += chunk) ops.push(writeOp(path, off, content.subarray(off, off + chunk)));
  ops.push(commitOp(path, mode));
  return ops;
}

/** Deterministic pseudo-random bytes (xorshift), so tests and the crash child agree on content. */
export function bytes(n: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Independent block map of `data`: digest of each block, the last one short. */
export function blockMap(data: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  for (let off = 0; off < data.length; off += BS) parts.push(digestBlock(data.subarray(off, off + BS)));
  return Buffer.concat(parts);
}
