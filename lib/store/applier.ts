// The target side of the data path: receives a protection's batches, journals them, applies each
// all-or-nothing to the replica, recovers after a crash, and reports what the replica holds.
//
//   beginBatch(seq) -> addOps(ops)* -> commitBatch()   (or abortBatch() when the link drops)
//
// Every received path is validated and mapped to a local replica path here, once. In-place Writes
// are appended to the batch's journal; Writes inside a FileBegin..FileCommit span go straight into
// a staging file (no double write: the fast path of a mirror). commitBatch
// fsyncs staging files and journal, seals the journal with a commit record, then applies the ops in
// order through ReplicaFs (the only code that touches replica paths) and records the batch's seq
// in protections.applied_seq together with the replica's updated block index (scan_cache).
//
// A Write's `hash` is the 8-byte digest (digestBlock) of its whole uncompressed `data` payload,
// however many blocks that covers.
import { chmodSync, constants, existsSync, ftruncateSync, lstatSync, lutimesSync, renameSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { blockCount, DIGEST_BYTES, equalDigests } from '../core/blocks.js';
import { BadPathError, isWithin, validateRelPath } from '../core/paths.js';
import type { doppel } from '../net/wire.js';
import { digestBlock, digestBlocks, hashFile, hashRange } from './hasher.js';
import type { TreeEntry } from '../core/plan.js';
import { RawFile } from './raw-file.js';
import { Uint8ArrayList } from 'uint8arraylist';
import type { ReceivedWrite } from '../net/batch-decoder.js';
import { BatchWriter, scanJournal, type JournalOp, type SealedBatch } from './journal.js';
import { MAX_PATCHING_FILES, MAX_RECEIVING_FILES, MAX_SYNCING_FILES } from './open-files.js';
import { NotADirectoryError, OutsideRootError, ReplicaFs } from './replica-fs.js';
import { ScanCache, type CachedEntry, type EntryType } from './scan-cache.js';

/**
 * Where doppel's state used to live, inside the replica root (migrated out on start), and a name a
 * source may not write (its own scanner never sends it: see INTERNAL_NAMES).
 */
export const STATE_DIR = '.doppel';
/**
 * A single-file protection (kind file or device) sends its one entry as path ''; the replica keeps
 * it as `<replicaRoot>/data`. toLocal/toWire are the only places that map between the two.
 */
export const SINGLE_FILE_NAME = 'data';
const JOURNAL_DIR = 'journal';
const STAGING_DIR = 'staging';

/**
 * doppel's own state for a replica (journal, staging files): beside the replica, never inside it,
 * so a promoted replica is exactly the source's tree (an application started on it, a web server
 * serving it or a tree compare sees nothing else), and on the same filesystem, so a staging file's
 * rename into place stays atomic. `<home>/replicas/<peer>/<name>` keeps it in `.../.<name>.doppel`.
 */
export function replicaStateDir(replicaRoot: string): string {
  const root = resolvePath(replicaRoot);
  return join(dirname(root), `.${basename(root)}.doppel`);
}
/** Largest inflated Write payload accepted (a frame is capped at 8 MiB + headroom). */
export const MAX_WRITE_BYTES = 16 * 1024 * 1024;
/** Block maps up to this size (a 32 MiB file at 4 KiB blocks) travel inline in the journal. */
const INLINE_HASH_BYTES = 64 * 1024;
/**
 * A staging file is flushed in the background every this many bytes, so its commit-time fsync
 * waits for the last stretch only (a 2 GiB mirror otherwise spent seconds in one final fsync).
 */
const BACKGROUND_FLUSH_BYTES = 32 * 1024 * 1024;
/** Early fsyncs of completed staging files in flight at once: leaves libuv's pool room for opens. */
const EARLY_SYNC_PARALLELISM = 3;
/** fsyncs in flight at once at commit (libuv's pool has 4 threads). */
const SYNC_PARALLELISM = 8;

/** fsync of a staging file, after any background flush of it (never two syncs of one file at once). */
async function syncSpan(span: Span): Promise<void> {
  await span.flushing;
  await span.fh.sync();
}

async function inChunks<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Runs async tasks with at most `max` in flight, in the order given. */
class TaskQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  run(task: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const start = (): void => {
        this.running++;
        task().then(resolve, reject).finally(() => {
          this.running--;
          this.waiting.shift()?.();
        });
      };
      if (this.running < this.max) start();
      else this.waiting.push(start);
    });
  }
}

export class CorruptBlockError extends Error {
  override name = 'CorruptBlockError';
  constructor(readonly path: string, readonly offset: number, detail: string) {
    super(`data for ${JSON.stringify(path)} at offset ${offset} ${detail}; the batch was discarded and the source will resend it`);
  }
}

/** A malformed or out-of-order operation from the source. */
export class BadOpError extends Error {
  override name = 'BadOpError';
  constructor(detail: string) {
    super(`${detail}; the batch was discarded, the replica is unchanged`);
  }
}

/** The applier was driven out of order (a bug in the caller, not the peer's fault). */
export class BatchStateError extends Error {
  override name = 'BatchStateError';
}

export interface ApplierOptions {
  replicaRoot: string;
  /** Journal and staging files; replicaStateDir(replicaRoot) unless given. */
  stateDir?: string;
  /**
   * A single-file protection's file in replicaRoot: SINGLE_FILE_NAME on a target; the protected
   * file's own name when its source follows a promoted replica (failback).
   */
  singleFileName?: string;
  db: Database.Database;
  protectionId: number;
  blockSize: number;
}

/** One entry of what the replica holds, in wire terms (single-file protections report path ''). */
export type ReplicaEntry = TreeEntry & {
  /** A partially received new version in a staging file: the point a mirror resumes from. */
  staged?: boolean;
};

/** An open staging file: the new version of `path` being received. */
interface Span {
  path: string;
  name: string;
  fh: RawFile;
  size: number;
  hashes: Uint8Array;
  /** Bytes written since the last background flush was started. */
  unflushed: number;
  /** A background fdatasync in flight: the kernel would otherwise write a whole mirror back at commit. */
  flushing?: Promise<void>;
  /**
   * Started when the file is complete (its FileCommit): fsync, sidecar if any, then close, so a
   * batch of thousands of small files never holds their descriptors. Awaited by the commit.
   */
  synced?: Promise<void>;
}

/** A staging file's sidecar: which path it belongs to and, when stamped, its block map's stat. */
interface Sidecar {
  path: string;
  stamp?: { size: number; mtimeMs: number; ctimeMs: number; ino: number };
}

/** What the batch being received has done to the tree's shape, for refusing link traversal early. */
type Shape = 'link' | 'fresh';

interface Receiving {
  writer: BatchWriter;
  shape: Map<string, Shape>;
  /** Spans written in this batch: fsynced before the commit record. */
  touched: Set<Span>;
  /** Spans whose FileCommit is in this batch, in order: synced, sealed with their block maps, closed. */
  closing: Span[];
  /** closing[0..settled) are known to be closed (see awaitSyncRoom). */
  settled: number;
  /** Closing spans whose block map is inline in the journal's commit op. */
  inline: Set<Span>;
  /** Existing directories checkParents found to be real (not links) in this batch. */
  dirsSeen: Set<string>;
}

/** Refusals a replay can never get past: the batch is dropped rather than retried forever. */
function isRefusal(err: unknown): boolean {
  return err instanceof BadPathError || err instanceof OutsideRootError || err instanceof NotADirectoryError || err instanceof BadOpError;
}

function safeInt(v: number | null | undefined, what: string): number {
  const n = v ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw new BadOpError(`${what} ${String(v)} is not a valid non-negative integer`);
  return n;
}

export class Applier {
  private readonly fs: ReplicaFs;
  /** The state directory, confined the same way (staging names come from a hash, never a peer). */
  private readonly stateFs: ReplicaFs;
  private readonly stateDir: string;
  private readonly cache: ScanCache;
  private readonly kind: 'tree' | 'file' | 'device';
  private readonly spans = new Map<string, Span>();
  private receiving: Receiving | undefined;
  private readonly syncQueue = new TaskQueue(EARLY_SYNC_PARALLELISM);
  /**
   * Staging files that may exist: those found by recover() plus those made since (never pruned,
   * so a stale name only costs an lstat). A mirror of many new files skips an lstat per file.
   * Undefined until recover() has listed the directory.
   */
  private stagingNames: Set<string> | undefined;

  constructor(private readonly opts: ApplierOptions) {
    this.fs = new ReplicaFs(opts.replicaRoot);
    this.stateDir = opts.stateDir ?? replicaStateDir(opts.replicaRoot);
    this.stateFs = new ReplicaFs(this.stateDir);
    this.cache = new ScanCache(opts.db, opts.protectionId);
    const row = opts.db.prepare('SELECT kind FROM protections WHERE id = ?').get(opts.protectionId) as { kind: 'tree' | 'file' | 'device' } | undefined;
    if (!row) throw new BatchStateError(`protection ${opts.protectionId} is not in the state database; accept the offer before applying batches`);
    this.kind = row.kind;
  }

  /** Run once at startup: replays sealed batches, discards incomplete ones. */
  async recover(): Promise<{ replayedSeq?: number; discarded?: number }> {
    await this.migrateStateOut();
    await mkdir(join(this.stateDir, JOURNAL_DIR), { recursive: true });
    await mkdir(join(this.stateDir, STAGING_DIR), { recursive: true });
    this.stagingNames = new Set((await readdir(join(this.stateDir, STAGING_DIR))).filter((n) => /^[0-9a-f]{32}$/.test(n)));
    const { sealed, incomplete } = await scanJournal(join(this.stateDir, JOURNAL_DIR));
    for (const dir of incomplete) await rm(dir, { recursive: true, force: true });
    let replayedSeq: number | undefined;
    for (const batch of sealed) {
      if (batch.seq <= this.appliedSeq()) {
        await batch.remove();
        continue;
      }
      await this.apply(batch);
      replayedSeq = batch.seq;
    }
    await this.removeOrphanSidecars();
    const result: { replayedSeq?: number; discarded?: number } = {};
    if (replayedSeq !== undefined) result.replayedSeq = replayedSeq;
    if (incomplete.length > 0) result.discarded = incomplete.length;
    return result;
  }

  /**
   * Replicas made before the state moved out kept it in `<replica>/.doppel`: move it beside the
   * replica (a rename on one filesystem), merging into a state directory that already exists.
   */
  private async migrateStateOut(): Promise<void> {
    const old = join(this.opts.replicaRoot, STATE_DIR);
    if (!lstatSync(old, { throwIfNoEntry: false })?.isDirectory()) return;
    await mkdir(dirname(this.stateDir), { recursive: true });
    if (!existsSync(this.stateDir)) {
      renameSync(old, this.stateDir);
      return;
    }
    for (const sub of [JOURNAL_DIR, STAGING_DIR]) {
      await mkdir(join(this.stateDir, sub), { recursive: true });
      for (const name of await readdir(join(old, sub)).catch(() => [] as string[])) {
        if (!existsSync(join(this.stateDir, sub, name))) renameSync(join(old, sub, name), join(this.stateDir, sub, name));
      }
    }
    await rm(old, { recursive: true, force: true });
  }

  private get singleFile(): string {
    return this.opts.singleFileName ?? SINGLE_FILE_NAME;
  }

  appliedSeq(): number {
    const row = this.opts.db.prepare('SELECT applied_seq FROM protections WHERE id = ?').get(this.opts.protectionId) as { applied_seq: number };
    return row.applied_seq;
  }

  beginBatch(seq: number): Promise<void> {
    if (this.receiving) throw new BatchStateError(`batch ${this.receiving.writer.seq} is still open; commit or abort it before beginning ${seq}`);
    if (!Number.isSafeInteger(seq) || seq <= this.appliedSeq()) throw new BadOpError(`batch seq ${seq} is not after the last applied seq ${this.appliedSeq()}`);
    return BatchWriter.create(join(this.stateDir, JOURNAL_DIR), seq).then((writer) => {
      this.receiving = { writer, shape: new Map(), touched: new Set(), closing: [], settled: 0, inline: new Set(), dirsSeen: new Set() };
    });
  }

  /** Validates and journals one frame's ops. Any refusal aborts the whole batch and rethrows. */
  async addOps(ops: doppel.IOp[]): Promise<void> {
    const r = this.receiving;
    if (!r) throw new BatchStateError('addOps without beginBatch');
    try {
      for (const op of ops) await this.addOp(r, op);
    } catch (err) {
      await this.abortBatch();
      throw err;
    }
  }

  /** Resolves once the batch is durable and applied. */
  async commitBatch(): Promise<void> {
    const r = this.receiving;
    if (!r) throw new BatchStateError('commitBatch without beginBatch');
    let sealed: SealedBatch;
    try {
      // Completed files were synced, sidecar'ed and closed by their own task; files still being
      // received (a large file spanning batches) are synced here and stay open.
      await inChunks([...r.touched], SYNC_PARALLELISM, (span) => span.synced ?? syncSpan(span));
      sealed = await r.writer.seal();
    } catch (err) {
      await this.abortBatch();
      throw err;
    }
    this.receiving = undefined;
    await this.apply(sealed);
  }

  /** Discards the batch being received; staging files stay as the resume point. */
  async abortBatch(): Promise<void> {
    const r = this.receiving;
    if (!r) return;
    this.receiving = undefined;
    await r.writer.discard();
    for (const span of r.closing) {
      await span.flushing;
      await span.synced?.catch(() => undefined);
      await span.fh.close().catch(() => undefined);
    }
    await this.closeSpans();
  }

  /** Persists open staging files' block maps (so a resume does not re-read them) and closes them. */
  async closeSpans(): Promise<void> {
    for (const span of this.spans.values()) {
      await syncSpan(span);
      await this.writeSidecar(span);
      await span.fh.close();
    }
    this.spans.clear();
  }

  /** What the replica holds, with block maps, plus staged partial files. */
  async index(): Promise<ReplicaEntry[]> {
    const out: ReplicaEntry[] = [];
    const seen = new Set<string>();
    const visit = async (dir: string): Promise<void> => {
      // A single file's directory may hold other files (a source's own directory): never read them.
      const names = this.kind !== 'tree' ? [this.singleFile] : await readdir(dir === '' ? this.opts.replicaRoot : join(this.opts.replicaRoot, dir));
      names.sort();
      for (const name of names) {
        const rel = dir === '' ? name : `${dir}/${name}`;
        const entry = await this.entryFor(rel);
        if (!entry) continue;
        seen.add(rel);
        if (this.kind === 'tree' || rel === this.singleFile) out.push({ ...this.toReplicaEntry(entry), path: this.toWire(rel) });
        if (entry.type === 'dir' && this.kind === 'tree') await visit(rel);
      }
    };
    await visit('');
    const stale: string[] = [];
    for (const e of this.cache.all()) if (!seen.has(e.path)) stale.push(e.path);
    this.cache.transaction(() => { for (const p of stale) this.cache.delete(p); });
    for (const staged of await this.stagedEntries()) out.push(staged);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving

  private toLocal(wire: string | null | undefined, allowRoot = false): string {
    const p = wire ?? '';
    if (this.kind !== 'tree') {
      if (p !== '') throw new BadPathError(p, 'a single-file protection only has the path ""');
      return this.singleFile;
    }
    const local = validateRelPath(p, { allowRoot });
    if (local.split('/', 1)[0] === STATE_DIR) throw new BadPathError(p, `'${STATE_DIR}' is reserved for doppel's own state on the target`);
    return local;
  }

  private toWire(local: string): string {
    return this.kind === 'tree' ? local : '';
  }

  private async addOp(r: Receiving, op: doppel.IOp): Promise<void> {
    if (op.write) return this.addWrite(r, op.write);
    let j: JournalOp;
    if (op.mkdir) {
      const path = this.toLocal(op.mkdir.path, true);
      await this.checkParents(r, path);
      j = { t: 'mkdir', path, mode: (op.mkdir.mode ?? 0o755) & 0o7777, mtimeMs: op.mkdir.mtimeMs ?? 0 };
      if (await this.isLink(r, path)) r.shape.set(path, 'fresh');
    } else if (op.symlink) {
      const path = this.toLocal(op.symlink.path);
      const target = op.symlink.target ?? '';
      if (target === '' || target.includes('\0') || Buffer.byteLength(target) > 4096) throw new BadOpError(`symlink ${JSON.stringify(path)} has an empty, NUL-containing or over-long target`);
      await this.checkParents(r, path);
      j = { t: 'symlink', path, target };
      this.reshape(r, path, 'link');
    } else if (op.remove) {
      const path = this.toLocal(op.remove.path);
      await this.checkParents(r, path);
      j = { t: 'remove', path };
      this.reshape(r, path, 'fresh');
    } else if (op.rename) {
      const from = this.toLocal(op.rename.from);
      const to = this.toLocal(op.rename.to);
      if (isWithin(to, from)) throw new BadOpError(`cannot rename ${JSON.stringify(from)} into itself (${JSON.stringify(to)})`);
      await this.checkParents(r, from);
      await this.checkParents(r, to);
      j = { t: 'rename', from, to };
      const wasLink = await this.isLink(r, from);
      this.reshape(r, from, 'fresh');
      // What moved under `to` is not re-checked here; ReplicaFs refuses it when applied.
      this.reshape(r, to, wasLink ? 'link' : 'fresh');
    } else if (op.fileBegin) {
      const path = this.toLocal(op.fileBegin.path);
      await this.checkParents(r, path);
      await this.beginFile(path, safeInt(op.fileBegin.size, 'FileBegin size'), op.fileBegin.base === true);
      return;
    } else if (op.fileCommit) {
      const path = this.toLocal(op.fileCommit.path);
      await this.checkParents(r, path);
      const span = this.spans.get(path) ?? (await this.resumeSpan(path));
      if (!span) throw new BadOpError(`FileCommit for ${JSON.stringify(path)} without a FileBegin`);
      this.spans.delete(path);
      await this.awaitSyncRoom(r);
      r.touched.add(span);
      r.closing.push(span);
      j = { t: 'commit', path, staging: `${STAGING_DIR}/${span.name}`, mode: (op.fileCommit.mode ?? 0o644) & 0o7777, mtimeMs: op.fileCommit.mtimeMs ?? 0 };
      // A small file's block map rides in the journal: no sidecar files per file in a mirror of
      // many small files (each would cost a create, a write and a delete).
      const inline = span.hashes.length <= INLINE_HASH_BYTES;
      if (inline) {
        j.hashes = Buffer.from(span.hashes).toString('base64');
        r.inline.add(span);
      }
      // Complete: fsync it now, while the rest of the batch arrives, rather than all at the commit
      // (a mirror of small files stalled ~0.3 s per 1,000 files there), and close it once durable.
      span.synced = this.syncQueue.run(async () => {
        try {
          await syncSpan(span);
          if (!inline) await this.writeSidecar(span);
        } finally {
          await span.fh.close();
        }
      });
      span.synced.catch(() => undefined);
      // A file has nothing below it; a directory it replaces was removed by an earlier op (which
      // reshaped that subtree), so only this path changes shape: no scan of the whole batch.
      r.shape.set(path, 'fresh');
      r.dirsSeen.delete(path);
    } else if (op.resize) {
      const path = this.toLocal(op.resize.path);
      await this.checkLeaf(r, path);
      j = { t: 'resize', path, size: safeInt(op.resize.size, 'Resize size') };
    } else if (op.setAttr) {
      const path = this.toLocal(op.setAttr.path, true);
      await this.checkParents(r, path);
      j = { t: 'setattr', path, mode: (op.setAttr.mode ?? 0) & 0o7777, mtimeMs: op.setAttr.mtimeMs ?? 0 };
    } else {
      throw new BadOpError('an Op carries no operation (a newer source?)');
    }
    await r.writer.append(j);
  }

  private async addWrite(r: Receiving, w: ReceivedWrite): Promise<void> {
    const path = this.toLocal(w.path);
    const offset = safeInt(w.offset, 'Write offset');
    // As received: in pieces (a large frame, see batch-decoder) or one buffer.
    let data: Uint8Array | Uint8ArrayList = w.dataList ?? w.data ?? new Uint8Array(0);
    if (w.compressed) {
      if (data instanceof Uint8ArrayList) data = data.subarray();
      const raw = safeInt(w.rawLength, 'Write raw_length');
      if (raw > MAX_WRITE_BYTES) throw new BadOpError(`a Write of ${raw} bytes exceeds the ${MAX_WRITE_BYTES}-byte cap`);
      try {
        data = inflateRawSync(data, { maxOutputLength: Math.max(raw, 1) });
      } catch {
        throw new CorruptBlockError(path, offset, 'does not inflate to its declared length');
      }
      if (data.length !== raw) throw new CorruptBlockError(path, offset, `inflates to ${data.length} bytes, not ${raw}`);
    }
    if (data.byteLength > MAX_WRITE_BYTES) throw new BadOpError(`a Write of ${data.byteLength} bytes exceeds the ${MAX_WRITE_BYTES}-byte cap`);
    const bs = this.opts.blockSize;
    if (offset % bs !== 0) throw new BadOpError(`a Write at ${offset} is not aligned to the ${bs}-byte block size`);
    // One pass both checks every block and yields the block map entries the index needs.
    const digests = digestBlocks(data, bs);
    if (!w.hash || !equalDigests(digests, w.hash)) throw new CorruptBlockError(path, offset, 'does not match its block digests');
    const span = this.spans.get(path);
    if (span) {
      r.touched.add(span);
      await this.writeStaged(span, offset, data, digests);
      return;
    }
    await this.checkLeaf(r, path);
    const bytes = data instanceof Uint8ArrayList ? data.subarray() : data;
    const at = await r.writer.appendData(bytes);
    await r.writer.append({ t: 'write', path, offset, at, len: bytes.length });
  }

  /**
   * Waits until fewer than MAX_SYNCING_FILES completed files of this batch are still open (their
   * sync tasks run in order). Failures are left for the commit, which awaits every task.
   */
  private async awaitSyncRoom(r: Receiving): Promise<void> {
    const upTo = r.closing.length - MAX_SYNCING_FILES + 1;
    while (r.settled < upTo) await r.closing[r.settled++]!.synced?.catch(() => undefined);
  }

  /** Refuses a path whose parent chain crosses a symlink on disk or one made earlier in this batch. */
  private async checkParents(r: Receiving, path: string): Promise<void> {
    const parts = path.split('/');
    let onDisk = true;
    let prefix = '';
    for (let i = 0; i < parts.length - 1; i++) {
      prefix = i === 0 ? parts[0]! : `${prefix}/${parts[i]!}`;
      const shape = r.shape.get(prefix);
      if (shape === 'link') throw new OutsideRootError(path, `${JSON.stringify(prefix)} was made a symlink earlier in this batch`);
      if (shape === 'fresh') { onDisk = false; continue; }
      if (!onDisk || r.dirsSeen.has(prefix)) continue;
      const st = await this.fs.stat(prefix);
      if (!st) onDisk = false;
      else if (st.isSymbolicLink()) throw new OutsideRootError(path, `${JSON.stringify(prefix)} is a symlink`);
      else r.dirsSeen.add(prefix);
    }
  }

  /** checkParents, and the leaf itself must not be a link (data is never written through one). */
  private async checkLeaf(r: Receiving, path: string): Promise<void> {
    await this.checkParents(r, path);
    if (await this.isLink(r, path)) throw new OutsideRootError(path, 'it is a symlink');
  }

  private async isLink(r: Receiving, path: string): Promise<boolean> {
    const shape = r.shape.get(path);
    if (shape) return shape === 'link';
    for (const [p, s] of r.shape) if (s === 'fresh' && isWithin(path, p)) return false;
    return (await this.fs.stat(path).catch(() => undefined))?.isSymbolicLink() === true;
  }

  private reshape(r: Receiving, path: string, shape: Shape): void {
    for (const p of [...r.shape.keys()]) if (isWithin(p, path)) r.shape.delete(p);
    for (const p of r.dirsSeen) if (isWithin(p, path)) r.dirsSeen.delete(p);
    r.shape.set(path, shape);
  }

  // ---------------------------------------------------------------------------------------------
  // Staging files

  private stagingName(path: string): string {
    return createHash('sha256').update(path).digest('hex').slice(0, 32);
  }

  private stagingAbs(name: string, ext = ''): string {
    return join(this.stateDir, STAGING_DIR, name + ext);
  }

  private async beginFile(path: string, size: number, base: boolean): Promise<void> {
    let span = this.spans.get(path) ?? (await this.resumeSpan(path));
    if (!span) {
      if (this.spans.size >= MAX_RECEIVING_FILES) {
        throw new BadOpError(`FileBegin for ${JSON.stringify(path)} while ${this.spans.size} other files are still being received (at most ${MAX_RECEIVING_FILES} at once)`);
      }
      const name = this.stagingName(path);
      const abs = this.stagingAbs(name);
      // Only a large file is worth resuming after a crash mid-batch; a small staging file without
      // a sidecar is garbage to recovery (and truncated below if its name comes round again).
      if (size > INLINE_HASH_BYTES / DIGEST_BYTES * this.opts.blockSize) {
        await writeFile(this.stagingAbs(name, '.json'), JSON.stringify({ path } satisfies Sidecar));
      }
      let hashes: Uint8Array | undefined;
      let from = 0;
      const current = base ? await this.fs.stat(path) : undefined;
      if (current?.isFile()) {
        await copyFile(await this.fs.resolve(path, false), abs, constants.COPYFILE_FICLONE);
        from = current.size;
        hashes = (await this.cachedHashes(path)) ?? (await hashFile(abs, { blockSize: this.opts.blockSize })).hashes;
      }
      // A leftover staging file of the same name is garbage here: start it empty.
      const fh = await this.stateFs.openWrite(`${STAGING_DIR}/${name}`, true, !current?.isFile());
      this.stagingNames?.add(name);
      span = { path, name, fh, size: from, hashes: hashes ?? new Uint8Array(0), unflushed: 0 };
    }
    if (span.size !== size) {
      ftruncateSync(span.fh.fd, size);
      span.hashes = await resizedDigests(span.fh, span.hashes, span.size, size, this.opts.blockSize);
      span.size = size;
    }
    this.spans.set(path, span);
  }

  /** Reopens a staging file left by an earlier session (crash, restart, dropped link). */
  private async resumeSpan(path: string): Promise<Span | undefined> {
    const name = this.stagingName(path);
    if (this.stagingNames !== undefined && !this.stagingNames.has(name)) return undefined;
    const st = await this.stateFs.stat(`${STAGING_DIR}/${name}`);
    if (!st?.isFile()) return undefined;
    const sidecar = await this.readSidecar(name);
    if (sidecar?.path !== path) return undefined;
    const fh = await this.stateFs.openWrite(`${STAGING_DIR}/${name}`, false);
    const hashes = (await this.sidecarHashes(name, sidecar, true)) ?? (await hashRange(fh, 0, st.size, this.opts.blockSize));
    return { path, name, fh, size: st.size, hashes, unflushed: 0 };
  }

  private async writeStaged(span: Span, offset: number, data: Uint8Array | Uint8ArrayList, digests: Uint8Array): Promise<void> {
    const end = offset + data.byteLength;
    if (end > span.size) throw new BadOpError(`a Write to ${JSON.stringify(span.path)} ends at ${end}, beyond the ${span.size} bytes its FileBegin announced`);
    if (end % this.opts.blockSize !== 0 && end !== span.size) {
      throw new BadOpError(`a Write to ${JSON.stringify(span.path)} ends inside a block (${end}); only the file's last block may be short`);
    }
    await writeAll(span.fh, data, offset);
    span.hashes.set(digests, (offset / this.opts.blockSize) * DIGEST_BYTES);
    span.unflushed += data.byteLength;
    if (span.unflushed >= BACKGROUND_FLUSH_BYTES && span.flushing === undefined) {
      span.unflushed = 0;
      // Errors surface in the commit's own fsync; this one only starts writeback early.
      span.flushing = span.fh.datasync().catch(() => undefined).finally(() => { span.flushing = undefined; });
    }
  }

  private async writeSidecar(span: Span): Promise<void> {
    const st = await span.fh.stat();
    await writeFile(this.stagingAbs(span.name, '.hashes'), span.hashes);
    const sidecar: Sidecar = { path: span.path, stamp: { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino } };
    await writeFile(this.stagingAbs(span.name, '.json'), JSON.stringify(sidecar));
  }

  private async readSidecar(name: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(this.stagingAbs(name, '.json'), 'utf8')) as Sidecar;
    } catch {
      return undefined;
    }
  }

  /** The staging file's stored block map, if its stamp still matches the file (`strict`: all of it). */
  private async sidecarHashes(name: string, sidecar: Sidecar, strict: boolean): Promise<Uint8Array | undefined> {
    const st = await this.stateFs.stat(`${STAGING_DIR}/${name}`);
    const s = sidecar.stamp;
    if (!st || !s || st.size !== s.size || st.ino !== s.ino) return undefined;
    if (strict && (st.mtimeMs !== s.mtimeMs || st.ctimeMs !== s.ctimeMs)) return undefined;
    try {
      const hashes = await readFile(this.stagingAbs(name, '.hashes'));
      return hashes.length === blockCount(st.size, this.opts.blockSize) * DIGEST_BYTES ? new Uint8Array(hashes) : undefined;
    } catch {
      return undefined;
    }
  }

  private async removeStaging(name: string): Promise<void> {
    for (const ext of ['', '.hashes', '.json']) await rm(this.stagingAbs(name, ext), { force: true });
  }

  private async stagedEntries(): Promise<ReplicaEntry[]> {
    const dir = join(this.stateDir, STAGING_DIR);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{32}$/.test(n)).sort();
    const out: ReplicaEntry[] = [];
    for (const name of names) {
      const sidecar = await this.readSidecar(name);
      const st = await this.stateFs.stat(`${STAGING_DIR}/${name}`);
      if (!sidecar || !st?.isFile()) continue;
      const open = this.spans.get(sidecar.path);
      let hashes = open?.hashes ?? (await this.sidecarHashes(name, sidecar, true));
      if (!hashes) {
        const fh = await this.stateFs.openRead(`${STAGING_DIR}/${name}`);
        try {
          hashes = await hashRange(fh, 0, st.size, this.opts.blockSize);
        } finally {
          await fh.close();
        }
      }
      out.push({ path: this.toWire(sidecar.path), type: 'file', size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, hashes, staged: true });
    }
    return out;
  }

  private async removeOrphanSidecars(): Promise<void> {
    const dir = join(this.stateDir, STAGING_DIR);
    const names = new Set(await readdir(dir));
    for (const n of names) {
      const name = n.replace(/\.(json|hashes)$/, '');
      if (name !== n && !names.has(name)) await rm(join(dir, n), { force: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Block maps

  /** Block map of a replica file from the scan cache when its stat still matches. */
  private async cachedHashes(path: string): Promise<Uint8Array | undefined> {
    const st = await this.fs.stat(path);
    const e = this.cache.get(path);
    if (!st || !e?.hashes || e.size !== st.size || e.mtimeMs !== st.mtimeMs || e.ctimeMs !== st.ctimeMs || e.ino !== st.ino) return undefined;
    return new Uint8Array(e.hashes);
  }

  private async entryFor(rel: string): Promise<CachedEntry | undefined> {
    const st = await this.fs.stat(rel);
    if (!st) return undefined;
    const base = { path: rel, size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    const cached = this.cache.get(rel);
    const fresh = cached && cached.size === st.size && cached.mtimeMs === st.mtimeMs && cached.ctimeMs === st.ctimeMs && cached.ino === st.ino;
    let entry: CachedEntry;
    if (st.isDirectory()) entry = { ...base, type: 'dir', size: 0 };
    else if (st.isSymbolicLink()) entry = { ...base, type: 'symlink', linkTarget: fresh && cached.linkTarget !== undefined ? cached.linkTarget : await readlink(await this.fs.resolve(rel, false)) };
    else if (st.isFile()) {
      if (fresh && cached.type === 'file' && cached.hashes) return cached;
      entry = { ...base, type: 'file', hashes: (await hashFile(await this.fs.resolve(rel, false), { blockSize: this.opts.blockSize })).hashes };
    } else return undefined;
    if (!fresh || cached.type !== entry.type) this.cache.put(entry);
    return entry;
  }

  private toReplicaEntry(e: CachedEntry): ReplicaEntry {
    const out: ReplicaEntry = { path: e.path, type: e.type, size: e.size, mode: e.mode, mtimeMs: e.mtimeMs };
    if (e.linkTarget !== undefined) out.linkTarget = e.linkTarget;
    if (e.hashes) out.hashes = e.hashes;
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Apply (also the replay after a crash)

  private async apply(batch: SealedBatch): Promise<void> {
    const run = new ApplyRun(this.fs, this.cache, this.opts.blockSize, (op) => this.commitStaged(op));
    try {
      let marked = batch.progress;
      for (let i = batch.progress; i < batch.ops.length; i++) {
        const op = batch.ops[i]!;
        // Rename-like ops are bracketed by durable progress marks, so a replay neither skips one
        // nor redoes one whose source name a later op has reused.
        // A commit needs no marks: its staging file exists exactly until it is done.
        const renameLike = op.t === 'rename';
        if (renameLike && marked !== i) {
          await run.sync();
          await batch.setProgress(i);
          marked = i;
        }
        await run.op(op, batch);
        if (renameLike) {
          await run.sync();
          await batch.setProgress(i + 1);
          marked = i + 1;
        }
      }
      await run.sync();
    } catch (err) {
      await run.closeAll();
      await batch.close();
      if (isRefusal(err)) await batch.remove();
      throw err;
    }
    this.cache.transaction(() => {
      run.flush();
      this.opts.db.prepare('UPDATE protections SET applied_seq = ? WHERE id = ?').run(batch.seq, this.opts.protectionId);
    });
    await batch.remove();
  }

  /** FileCommit: the staging file becomes `path`; returns its block map when still known. */
  private async commitStaged(op: Extract<JournalOp, { t: 'commit' }>): Promise<Uint8Array | undefined> {
    // 'staging/<name>' (or '.doppel/staging/<name>' in a journal written before the state moved out).
    const name = op.staging.slice(op.staging.lastIndexOf('/') + 1);
    const sidecar = op.hashes === undefined ? await this.readSidecar(name) : undefined;
    let hashes: Uint8Array | undefined;
    const inline = op.hashes === undefined ? undefined : new Uint8Array(Buffer.from(op.hashes, 'base64'));
    // The staging file is our own regular file, made by beginFile (never a link): no link checks
    // on it, and its chmod doubles as the check whether this is a replay after the rename.
    const abs = this.stagingAbs(name);
    let staged = true;
    try {
      chmodSync(abs, op.mode & 0o7777);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      staged = false;
    }
    if (staged) {
      hashes = inline ?? (sidecar ? await this.sidecarHashes(name, sidecar, false) : undefined);
      lutimesSync(abs, op.mtimeMs / 1000, op.mtimeMs / 1000);
      await this.fs.adopt(abs, op.path);
      if (op.hashes === undefined) await this.removeStaging(name);
      return hashes;
    } else {
      // Replay after the rename already happened: only the attributes are (re)applied.
      const now = await this.fs.stat(op.path);
      if (!now?.isFile()) return undefined;
      if (inline !== undefined && inline.length === Math.ceil(now.size / this.opts.blockSize) * DIGEST_BYTES) {
        hashes = inline;
      } else if (sidecar?.stamp?.ino === now.ino && sidecar.stamp.size === now.size) {
        const h = await readFile(this.stagingAbs(name, '.hashes')).catch(() => undefined);
        if (h) hashes = new Uint8Array(h);
      }
      await this.fs.chmod(op.path, op.mode);
      await this.fs.utimes(op.path, op.mtimeMs);
    }
    if (op.hashes === undefined) await this.removeStaging(name);
    else await rm(this.stagingAbs(name), { force: true });
    return hashes;
  }
}

const zeroDigests = new Map<number, Uint8Array>();

/** Updates, in place, the digests of the blocks that a write of `data` at `offset` touched. */
async function patchDigests(fh: RawFile, hashes: Uint8Array, size: number, offset: number, data: Uint8Array, bs: number): Promise<void> {
  const end = offset + data.length;
  for (let b = Math.floor(offset / bs); b * bs < end; b++) {
    const start = b * bs;
    const stop = Math.min(start + bs, size);
    // A block the write covers whole is digested from the payload; a partly covered one is re-read.
    const digest = start >= offset && stop <= end ? digestBlock(data.subarray(start - offset, stop - offset)) : await hashRange(fh, start, stop - start, bs);
    hashes.set(digest, b * DIGEST_BYTES);
  }
}

/** The block map of a file just resized from `oldSize` to `newSize`. */
async function resizedDigests(fh: RawFile, hashes: Uint8Array, oldSize: number, newSize: number, bs: number): Promise<Uint8Array> {
  const keep = Math.floor(Math.min(oldSize, newSize) / bs);
  const out = new Uint8Array(blockCount(newSize, bs) * DIGEST_BYTES);
  out.set(hashes.subarray(0, keep * DIGEST_BYTES));
  let zero = zeroDigests.get(bs);
  if (!zero) zeroDigests.set(bs, (zero = digestBlock(new Uint8Array(bs))));
  for (let b = keep; b * bs < newSize; b++) {
    const start = b * bs;
    const len = Math.min(bs, newSize - start);
    // Blocks past the old end are zeros: an extension is not read.
    const digest = start >= oldSize ? (len === bs ? zero : digestBlock(new Uint8Array(len))) : await hashRange(fh, start, len, bs);
    out.set(digest, b * DIGEST_BYTES);
  }
  return out;
}

async function writeAll(fh: RawFile, data: Uint8Array | Uint8ArrayList, position: number): Promise<void> {
  if (data instanceof Uint8ArrayList) {
    // Gathered from the pieces it arrived in; a short write drops what was written and goes on.
    let pieces = [...data];
    let at = position;
    while (pieces.length > 0) {
      let n = await fh.writev(pieces, at);
      if (n <= 0) throw new Error(`write to the replica made no progress at offset ${at}`);
      at += n;
      while (n > 0 && pieces.length > 0) {
        const first = pieces[0]!;
        if (n >= first.length) {
          n -= first.length;
          pieces.shift();
        } else {
          pieces[0] = first.subarray(n);
          n = 0;
        }
      }
    }
    return;
  }
  // RawFile writes small pieces synchronously and large ones in the thread pool.
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** An open replica file being patched during one apply. */
interface OpenFile {
  fh: RawFile;
  size: number;
  hashes: Uint8Array;
}

/**
 * One application of a sealed batch: applies ops through ReplicaFs and keeps the replica's block
 * index current in an overlay that is flushed to scan_cache in the same transaction as applied_seq.
 */
class ApplyRun {
  private readonly open = new Map<string, OpenFile>();
  private readonly entries = new Map<string, CachedEntry | null>();
  private readonly removedTrees: string[] = [];
  private readonly dirtyDirs = new Set<string>();

  constructor(
    private readonly fs: ReplicaFs,
    private readonly cache: ScanCache,
    private readonly blockSize: number,
    private readonly commitStaged: (op: Extract<JournalOp, { t: 'commit' }>) => Promise<Uint8Array | undefined>,
  ) {}

  async op(op: JournalOp, batch: SealedBatch): Promise<void> {
    if (op.t === 'write') return this.write(op.path, op.offset, await batch.readData(op.at, op.len));
    if (op.t === 'resize') return this.resize(op.path, op.size);
    await this.closeAll();
    switch (op.t) {
      case 'mkdir':
        await this.fs.mkdir(op.path, op.mode);
        await this.fs.chmod(op.path, op.mode);
        if (op.mtimeMs > 0) await this.fs.utimes(op.path, op.mtimeMs);
        this.dirtied(op.path);
        await this.refresh(op.path, undefined);
        return;
      case 'symlink':
        await this.fs.symlink(op.path, op.target);
        this.dirtied(op.path);
        this.forgetTree(op.path);
        await this.refresh(op.path, undefined);
        return;
      case 'remove':
        await this.fs.remove(op.path);
        this.dirtied(op.path);
        this.forgetTree(op.path);
        return;
      case 'rename': {
        // A missing source is a rename already done by an interrupted run of this batch.
        const exists = await this.fs.stat(op.from);
        const moved = exists ? await this.validEntriesUnder(op.from) : [];
        if (exists) await this.fs.rename(op.from, op.to);
        this.dirtied(op.from);
        this.dirtied(op.to);
        this.forgetTree(op.from);
        this.forgetTree(op.to);
        for (const e of moved) {
          const path = op.to + e.path.slice(op.from.length);
          this.entries.set(path, { ...e, path });
        }
        // Renaming changes the moved entry's own ctime; entries below it keep theirs.
        await this.refresh(op.to, this.entries.get(op.to)?.hashes);
        return;
      }
      case 'setattr': {
        const before = await this.currentHashes(op.path);
        await this.fs.chmod(op.path, op.mode);
        if (op.mtimeMs > 0) await this.fs.utimes(op.path, op.mtimeMs);
        await this.refresh(op.path, before);
        return;
      }
      case 'commit': {
        const hashes = await this.commitStaged(op);
        this.dirtied(op.path);
        // Only a directory has entries below it (a type change is a remove op of its own).
        if (this.entries.get(op.path)?.type === 'dir') this.forgetTree(op.path);
        else this.entries.delete(op.path);
        await this.refresh(op.path, hashes);
        return;
      }
    }
  }

  /** fsyncs every file and directory changed so far. */
  async sync(): Promise<void> {
    await this.closeAll();
    for (const dir of this.dirtyDirs) {
      if (await this.fs.stat(dir)) await this.fs.syncDir(dir);
    }
    this.dirtyDirs.clear();
  }

  /** fsyncs and closes the files being patched, recording their new block maps. */
  async closeAll(): Promise<void> {
    let first: unknown;
    for (const path of [...this.open.keys()]) await this.closeFile(path).catch((err: unknown) => { first ??= err; });
    if (first !== undefined) throw first;
  }

  private async closeFile(path: string): Promise<void> {
    const f = this.open.get(path)!;
    this.open.delete(path);
    try {
      await f.fh.sync();
      const st = await f.fh.stat();
      this.entries.set(path, { path, type: 'file', size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hashes: f.hashes });
    } finally {
      await f.fh.close();
    }
  }

  flush(): void {
    for (const p of this.removedTrees) this.cache.deleteTree(p);
    for (const [p, e] of this.entries) {
      if (e) this.cache.put(e);
      else this.cache.delete(p);
    }
  }

  private async write(path: string, offset: number, data: Uint8Array): Promise<void> {
    const f = await this.openFile(path);
    const end = offset + data.length;
    if (end > f.size) {
      // Extending by a write: the gap (if any) reads as zeros, as on the source.
      await f.fh.truncate(end);
      f.hashes = await resizedDigests(f.fh, f.hashes, f.size, end, this.blockSize);
      f.size = end;
    }
    await writeAll(f.fh, data, offset);
    await patchDigests(f.fh, f.hashes, f.size, offset, data, this.blockSize);
  }

  private async resize(path: string, size: number): Promise<void> {
    const f = await this.openFile(path);
    await f.fh.truncate(size);
    f.hashes = await resizedDigests(f.fh, f.hashes, f.size, size, this.blockSize);
    f.size = size;
  }

  private async openFile(path: string): Promise<OpenFile> {
    const existing = this.open.get(path);
    if (existing) return existing;
    // A batch patching many files keeps only the most recent open (a reopen costs little).
    if (this.open.size >= MAX_PATCHING_FILES) await this.closeFile(this.open.keys().next().value!);
    const hashes = await this.currentHashes(path);
    const existed = await this.fs.stat(path);
    const fh = await this.fs.openWrite(path);
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      throw new NotADirectoryError(path, path);
    }
    if (!existed) this.dirtied(path);
    const f: OpenFile = { fh, size: st.size, hashes: hashes && hashes.length === blockCount(st.size, this.blockSize) * DIGEST_BYTES ? hashes : await hashRange(fh, 0, st.size, this.blockSize) };
    this.open.set(path, f);
    return f;
  }

  /** The block map of a replica file as it is now: overlay, then a still-valid cache entry. */
  private async currentHashes(path: string): Promise<Uint8Array | undefined> {
    const st = await this.fs.stat(path);
    if (!st?.isFile()) return undefined;
    const e = this.lookup(path);
    if (!e?.hashes || e.ino !== st.ino || e.size !== st.size) return undefined;
    if (!this.entries.has(path) && (e.mtimeMs !== st.mtimeMs || e.ctimeMs !== st.ctimeMs)) return undefined;
    return new Uint8Array(e.hashes);
  }

  private lookup(path: string): CachedEntry | undefined {
    if (this.entries.has(path)) return this.entries.get(path) ?? undefined;
    if (this.removedTrees.some((t) => isWithin(path, t))) return undefined;
    return this.cache.get(path);
  }

  /** Entries at or below `root` whose block maps are still valid, before it is renamed. */
  private async validEntriesUnder(root: string): Promise<CachedEntry[]> {
    const candidates = new Map<string, CachedEntry>();
    const top = this.lookup(root);
    if (top) candidates.set(root, top);
    if (top?.type === 'dir' || (await this.fs.stat(root))?.isDirectory()) {
      for (const e of this.cache.all()) if (isWithin(e.path, root) && !this.removedTrees.some((t) => isWithin(e.path, t))) candidates.set(e.path, e);
      for (const [p, e] of this.entries) if (isWithin(p, root)) { if (e) candidates.set(p, e); else candidates.delete(p); }
    }
    const out: CachedEntry[] = [];
    for (const e of candidates.values()) {
      const st = await this.fs.stat(e.path);
      if (st && st.ino === e.ino && st.size === (e.type === 'dir' ? st.size : e.size)) out.push(e);
    }
    return out;
  }

  private async refresh(path: string, hashes: Uint8Array | undefined): Promise<void> {
    const st = await this.fs.stat(path);
    if (!st) {
      this.entries.set(path, null);
      return;
    }
    const base = { path, size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    if (st.isDirectory()) this.entries.set(path, { ...base, type: 'dir', size: 0 });
    else if (st.isSymbolicLink()) this.entries.set(path, { ...base, type: 'symlink', linkTarget: await readlink(await this.fs.resolve(path, false)) });
    else if (hashes && hashes.length === blockCount(st.size, this.blockSize) * DIGEST_BYTES) this.entries.set(path, { ...base, type: 'file', hashes });
    else this.entries.set(path, null); // unknown content: index() hashes it again
  }

  private forgetTree(path: string): void {
    this.removedTrees.push(path);
    for (const p of [...this.entries.keys()]) if (isWithin(p, path)) this.entries.delete(p);
  }

  private dirtied(path: string): void {
    const i = path.lastIndexOf('/');
    this.dirtyDirs.add(i < 0 ? '' : path.slice(0, i));
  }
}
