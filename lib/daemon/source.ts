// The source side of one protection: capture changes, plan block deltas against the target's block
// map, and stream them as ordered batches with a bounded window of unacknowledged bytes.
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { peerIdFromString } from '@libp2p/peer-id';
import { compileRules, type RuleMatcher } from '../core/rules.js';
import { applyStepToView, contentKey, planBytes, planPaths, planTree, sameMtime, type PlanStep, type TargetView, type TreeEntry } from '../core/plan.js';
import { blockCount, changedRanges, DIGEST_BYTES } from '../core/blocks.js';
import { TokenBucket } from '../core/rate.js';
import { FramedStream, asError } from '../net/frames.js';
import { doppel, encodeBatchParts, MAX_REPLICATE_FRAME_BYTES, PROTOCOL_VERSION, REPLICATE_PROTOCOL, replicateCodec, type ReplicateFrame } from '../net/wire.js';
import { ScanCache } from '../store/scan-cache.js';
import { scanPaths, scanSingle, scanTree, type ScanEntry } from '../store/scanner.js';
import { watchTree } from '../store/watcher.js';
import { HotFiles } from '../store/hot-files.js';
import { hashRange, OPEN_FLAGS, readFully, recordBlockDigests, ShortReadError } from '../store/hasher.js';
import { openSourceFile } from '../store/source-file.js';
import type { RawFile } from '../store/raw-file.js';
import { DirtySet, ProtectionStore, type ProtectionRow } from '../store/protections.js';
import { isOutOfFiles, outOfFilesMessage } from '../store/open-files.js';
import type { DaemonContext as EngineContext } from './services.js';
import { emptyCounters, type Counters, type ProtectionState, type ProtectionStatus } from './status.js';
import { entriesFromIndex, kindToWire } from '../net/entries.js';

/** Frame payload target; frames are capped at MAX_REPLICATE_FRAME_BYTES. */
const FRAME_DATA_BYTES = 4 * 1024 * 1024;
/** A batch ends after this much data during the mirror (a staged file may span batches). */
const MIRROR_BATCH_BYTES = 64 * 1024 * 1024;
/**
 * ...or after this many files: what an interrupted mirror loses is at most one batch, and a tree
 * of small files must not make one batch of everything (the target commits a batch whole).
 */
const MIRROR_BATCH_FILES = 500;
/** Unacknowledged bytes in flight; bounds memory on both sides whatever the file size. */
const WINDOW_BYTES = 32 * 1024 * 1024;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
const REFUSED_RETRY_MS = 30_000;
/** How long a vanished path waits for the other end of a move (the tree watcher batches 50 ms). */
const MOVE_GRACE_MS = 150;
/** No acknowledgement for this long while data is in flight: the session is dropped and resumed. */
const STALL_MS = 20_000;
/** Single files at least this big are re-read and sent in one pass (see streamRescan). */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;
/** Changes a streaming pass queues behind the batch in flight before it sends them anyway. */
const STREAM_QUEUE_BYTES = 16 * 1024 * 1024;
/** Errors opening a scanned file that mean it is no longer a file there. */
const VANISHED = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
/** Smaller files are cheaper to resend than to look for as moves. */
const MOVE_MIN_BYTES = 64 * 1024;

export class OfferRefusedError extends Error {
  override name = 'OfferRefusedError';
  constructor(readonly code: string, reason: string) {
    super(`target refused the protection (${code}): ${reason}`);
  }
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** The target ended the session and said why (its Failure frame). */
export class TargetFailedError extends Error {
  override name = 'TargetFailedError';
  constructor(readonly code: string, message: string) {
    super(`target: ${message}`);
  }
}

interface Session {
  framed: FramedStream<ReplicateFrame>;
  view: TargetView;
  ackedBytes: number;
  appliedSeq: number;
  nextSeq: number;
  /** Mirror batches sent and not yet applied, with their data bytes: progress follows acks. */
  mirrorBatches: Array<{ seq: number; bytes: number }>;
  ackWaiters: Array<() => void>;
  indexWaiter?: { entries: doppel.IIndexEntry[]; resolve: (entries: doppel.IIndexEntry[]) => void; reject: (err: Error) => void };
  closed: boolean;
  closeError?: Error;
}

export interface VerifyReport {
  name: string;
  peer: string;
  files: number;
  differing: Array<{ path: string; reason: string; blocks?: number }>;
  repaired: boolean;
}

export class SourceReplicator {
  private state: ProtectionState = 'disconnected';
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private session: Session | undefined;
  private abort = new AbortController();
  private readonly rules: RuleMatcher;
  private readonly cache: ScanCache;
  private readonly dirty: DirtySet;
  /** Dirty paths in the order first observed, with a version bumped at each event. */
  private readonly pending = new Map<string, { version: number; since: number }>();
  private eventVersion = 0;
  private rescanDue = true;
  private watcher: { close(): Promise<void> } | undefined;
  private hot: HotFiles | undefined;
  private timers: NodeJS.Timeout[] = [];
  private readonly bucket: TokenBucket;
  private counters: Counters = emptyCounters();
  /** The last mirror pass: bytes to send, and bytes the target acknowledged as applied. */
  private mirror = { doneBytes: 0, totalBytes: 0 };
  /** Until a mirror pass is acknowledged whole, what it has left is pending (across outages). */
  private mirrorComplete: boolean;
  /** Data of the changes being sent and not yet applied; kept when the session fails. */
  private inFlightData = 0;
  private throughput = { bps: 0, lastBytes: 0, lastAt: 0 };
  private running: Promise<void> | undefined;
  /** Scanned files not hashed yet (see deferHashFor), by path: their stat, for the cache. */
  private readonly deferred = new Map<string, ScanEntry>();
  /** Deferred files sent and digested, waiting to be written to the scan cache together. */
  private readonly deferredDone: ScanEntry[] = [];
  private verifyQueue: Array<{ repair: boolean; resolve: (r: VerifyReport) => void; reject: (e: Error) => void }> = [];

  constructor(private readonly ctx: EngineContext, private row: ProtectionRow, private readonly store: ProtectionStore) {
    this.rules = compileRules({ include: row.options.include, exclude: row.options.exclude });
    this.cache = new ScanCache(ctx.db, row.id);
    this.dirty = new DirtySet(ctx.db, row.id);
    this.bucket = new TokenBucket(row.options.bwlimit);
    this.mirrorComplete = row.mirrored;
    // Before the first scan of this run, what the source held last time is the best estimate.
    if (!row.mirrored) this.mirror.totalBytes = store.storedBytes(row.id);
    const now = Date.now();
    for (const path of this.dirty.all()) this.pending.set(path, { version: ++this.eventVersion, since: now });
  }

  get id(): number {
    return this.row.id;
  }

  get name(): string {
    return this.row.name;
  }

  get peerId(): string {
    return this.row.peerId;
  }

  async start(): Promise<void> {
    await this.startWatcher();
    const tick = setInterval(() => this.sampleThroughput(), 1000);
    tick.unref();
    this.timers.push(tick);
    if (this.row.kind === 'device') {
      const scan = setInterval(() => { this.rescanDue = true; this.wake(); }, this.row.options.scanIntervalMs);
      scan.unref();
      this.timers.push(scan);
    } else {
      const rescan = setInterval(() => { this.rescanDue = true; this.wake(); }, this.row.options.rescanIntervalMs);
      rescan.unref();
      this.timers.push(rescan);
    }
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort(new Error('protection stopped'));
    for (const t of this.timers) clearInterval(t);
    this.session?.framed.abort(new Error('protection stopped'));
    this.wake();
    await this.running;
    await this.watcher?.close();
    this.hot?.close();
    for (const v of this.verifyQueue.splice(0)) v.reject(new Error('protection stopped'));
  }

  pause(): void {
    this.row = { ...this.row, paused: true };
    this.store.setPaused(this.row.id, true);
    this.session?.framed.abort(new Error('paused by the operator'));
    this.wake();
  }

  resume(): void {
    this.row = { ...this.row, paused: false };
    this.store.setPaused(this.row.id, false);
    this.rescanDue = true;
    this.wake();
  }

  /** Peer connectivity changed: try again now rather than at the end of the backoff. */
  nudge(): void {
    this.wake();
  }

  verify(repair: boolean): Promise<VerifyReport> {
    return new Promise((resolve, reject) => {
      if (this.session == null || this.state !== 'replicating') {
        reject(new Error(`protection ${this.row.name} is ${this.state}; verify needs a replicating session (try again once \`doppel status\` shows replicating)`));
        return;
      }
      this.verifyQueue.push({ repair, resolve, reject });
      this.wake();
    });
  }

  status(): ProtectionStatus {
    const eta = this.throughput.bps > 0 ? Math.ceil((this.mirror.totalBytes - this.mirror.doneBytes) / this.throughput.bps) : null;
    let oldest = Infinity;
    for (const p of this.pending.values()) oldest = Math.min(oldest, p.since);
    return {
      name: this.row.name,
      role: 'source',
      peer: this.row.peerId,
      peerName: this.ctx.peerName(this.row.peerId) ?? null,
      path: this.row.path,
      kind: this.row.kind,
      state: this.row.paused ? 'paused' : this.state,
      generation: this.row.generation,
      mirror: { doneBytes: this.mirror.doneBytes, totalBytes: this.mirror.totalBytes, etaSeconds: this.state === 'mirroring' ? eta : 0 },
      pendingBytes: this.inFlightData + (this.mirrorComplete ? 0 : this.mirror.totalBytes - this.mirror.doneBytes),
      lagMs: oldest === Infinity ? 0 : Date.now() - oldest,
      throughputBps: Math.round(this.throughput.bps),
      lastError: this.row.lastError,
      appliedSeq: this.session?.appliedSeq ?? 0,
      counters: { ...this.counters },
    };
  }

  private setState(state: ProtectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.ctx.publish('protection', this.status());
  }

  private setError(message: string | null): void {
    if (this.row.lastError === message) return;
    this.row = { ...this.row, lastError: message };
    this.store.setLastError(this.row.id, message);
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.wakeUp = undefined; resolve(); }, ms);
      this.wakeUp = () => { clearTimeout(timer); resolve(); };
    });
  }

  private sampleThroughput(): void {
    const now = Date.now();
    const bytes = this.session?.ackedBytes ?? this.throughput.lastBytes;
    if (this.throughput.lastAt > 0 && bytes >= this.throughput.lastBytes) {
      const rate = ((bytes - this.throughput.lastBytes) * 1000) / (now - this.throughput.lastAt);
      this.throughput.bps = this.throughput.bps * 0.5 + rate * 0.5;
    }
    this.throughput.lastBytes = bytes;
    this.throughput.lastAt = now;
  }

  private async startWatcher(): Promise<void> {
    if (this.row.kind === 'device') return;
    if (this.row.kind === 'tree') this.hot = new HotFiles(this.row.path, (path) => this.markDirty([path]));
    try {
      this.watcher = await watchTree(this.row.path, {
        debounceMs: 2,
        onChange: (paths: string[]) => this.markDirty(this.row.kind === 'file' ? [''] : paths),
        onError: (err: Error) => {
          this.ctx.log.warn(`${this.row.name}: watcher failed, falling back to rescans every 10 s: ${err.message}`);
          this.setError(`watcher: ${err.message}`);
          const t = setInterval(() => { this.rescanDue = true; this.wake(); }, 10_000);
          t.unref();
          this.timers.push(t);
        },
      });
    } catch (err) {
      this.ctx.log.warn(`${this.row.name}: cannot watch ${this.row.path}: ${(err as Error).message}; rescanning every 10 s instead`);
      this.setError(`watcher: ${(err as Error).message}`);
      const t = setInterval(() => { this.rescanDue = true; this.wake(); }, 10_000);
      t.unref();
      this.timers.push(t);
    }
  }

  private markDirty(paths: string[]): void {
    const now = Date.now();
    const fresh: string[] = [];
    for (const path of paths) {
      if (path !== '' && !this.rules(path, false) && !this.rules(path, true)) continue;
      const prior = this.pending.get(path);
      if (prior == null) fresh.push(path);
      this.pending.set(path, { version: ++this.eventVersion, since: prior?.since ?? now });
    }
    if (fresh.length > 0) this.dirty.add(fresh);
    this.wake();
  }

  private async loop(): Promise<void> {
    let backoff = RETRY_MIN_MS;
    while (!this.stopped) {
      if (this.row.paused) {
        this.setState('paused');
        await this.sleep(60_000);
        continue;
      }
      try {
        await this.runSession();
        backoff = RETRY_MIN_MS;
      } catch (err) {
        if (this.stopped) break;
        const e = asError(err);
        if (e instanceof TargetFailedError || isOutOfFiles(e)) {
          // Not a lost link: say what went wrong; the next attempt resumes from what was applied.
          const message = isOutOfFiles(e) ? outOfFilesMessage(e) : e.message;
          this.ctx.log.warn(`${this.row.name}: ${message}; retrying`);
          this.setError(message);
          this.setState('error');
          await this.sleep(backoff);
          backoff = Math.min(backoff * 2, RETRY_MAX_MS);
          continue;
        }
        if (e instanceof OfferRefusedError) {
          this.setError(e.message);
          this.setState('error');
          this.ctx.log.warn(`${this.row.name}: ${e.message}`);
          await this.sleep(REFUSED_RETRY_MS);
          continue;
        }
        if (!this.row.paused) {
          this.ctx.log.info(`${this.row.name}: session with ${this.row.peerId} ended: ${e.message}; retrying`);
          this.setError(e.message);
        }
      } finally {
        this.session = undefined;
      }
      if (this.stopped) break;
      if (!this.row.paused) this.setState('disconnected');
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, RETRY_MAX_MS);
    }
  }

  private async runSession(): Promise<void> {
    this.setState('negotiating');
    const peer = peerIdFromString(this.row.peerId);
    let stream;
    try {
      stream = await this.ctx.node.dialProtocol(peer, REPLICATE_PROTOCOL, { signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(10_000)]) });
    } catch (err) {
      throw new Error(`cannot reach ${this.ctx.peerName(this.row.peerId) ?? this.row.peerId}: ${asError(err).message}`);
    }
    const framed = new FramedStream(stream, replicateCodec, { maxFrameBytes: MAX_REPLICATE_FRAME_BYTES });
    const session: Session = {
      framed,
      view: { entries: new Map(), staged: new Map() },
      ackedBytes: 0,
      appliedSeq: 0,
      nextSeq: 1,
      mirrorBatches: [],
      ackWaiters: [],
      closed: false,
    };
    this.session = session;
    let reader: Promise<void> | undefined;
    try {
      await framed.send({
        offer: {
          protocolVersion: PROTOCOL_VERSION,
          protection: this.row.name,
          kind: kindToWire(this.row.kind),
          generation: this.row.generation,
          blockSize: this.row.options.blockSize,
          totalBytes: this.store.storedBytes(this.row.id),
          compress: this.row.options.compress,
          sourceName: this.ctx.name,
        },
      });
      const reply = await framed.read(AbortSignal.timeout(30_000));
      if (reply?.offerReply == null) throw new ProtocolError('target did not answer the offer');
      if (!reply.offerReply.accepted) throw new OfferRefusedError(reply.offerReply.code ?? 'refused', reply.offerReply.reason ?? '');
      session.appliedSeq = reply.offerReply.appliedSeq ?? 0;
      session.nextSeq = session.appliedSeq + 1;
      const index = await this.readIndex(framed);
      session.view = entriesFromIndex(index);
      reader = this.readLoop(session);
      await this.mirrorPass(session);
      // Cleared once the target has acknowledged a whole mirror, not merely accepted a session.
      this.setError(null);
      this.setState('replicating');
      await this.replicateLoop(session);
    } catch (err) {
      // A send fails as soon as the target resets the stream; its reason may still be on the way.
      if (reader !== undefined) await Promise.race([reader, new Promise((r) => setTimeout(r, 1000).unref())]);
      if (session.closeError instanceof TargetFailedError) throw session.closeError;
      throw err;
    } finally {
      session.closed = true;
      for (const w of session.ackWaiters.splice(0)) w();
      framed.abort(new Error('session ended'));
    }
  }

  private async readIndex(framed: FramedStream<ReplicateFrame>): Promise<doppel.IIndexEntry[]> {
    const entries: doppel.IIndexEntry[] = [];
    for (;;) {
      const frame = await framed.read(AbortSignal.timeout(120_000));
      if (frame?.index == null) throw new ProtocolError('target did not send its block map');
      entries.push(...(frame.index.entries ?? []));
      if (frame.index.last) return entries;
    }
  }

  /** Frames from the target while batches flow: acks, verify answers, failures. */
  private async readLoop(session: Session): Promise<void> {
    try {
      for (;;) {
        const frame = await session.framed.read();
        if (frame == null) break;
        if (frame.ack != null) {
          session.ackedBytes = Math.max(session.ackedBytes, frame.ack.receivedBytes ?? 0);
          session.appliedSeq = Math.max(session.appliedSeq, frame.ack.appliedSeq ?? 0);
          if (session.appliedSeq > 0 && this.row.lastError !== null && this.state === 'replicating') this.setError(null);
          while (session.mirrorBatches.length > 0 && session.mirrorBatches[0]!.seq <= session.appliedSeq) {
            this.mirror.doneBytes = Math.min(this.mirror.totalBytes, this.mirror.doneBytes + session.mirrorBatches.shift()!.bytes);
          }
          for (const w of session.ackWaiters.splice(0)) w();
        } else if (frame.index != null && session.indexWaiter != null) {
          session.indexWaiter.entries.push(...(frame.index.entries ?? []));
          if (frame.index.last) {
            const waiter = session.indexWaiter;
            session.indexWaiter = undefined;
            waiter.resolve(waiter.entries);
          }
        } else if (frame.failure != null) {
          throw new TargetFailedError(frame.failure.code ?? 'failed', frame.failure.message ?? 'failed without saying why');
        } else {
          throw new ProtocolError('target sent an unexpected frame');
        }
      }
      session.closeError = new Error('target closed the session');
    } catch (err) {
      session.closeError = asError(err);
    } finally {
      session.closed = true;
      session.indexWaiter?.reject(session.closeError ?? new Error('session closed'));
      for (const w of session.ackWaiters.splice(0)) w();
      this.wake();
    }
  }

  /**
   * Hashing can wait for the send (which digests what it reads) when the target has nothing to
   * compare a file with: nothing at its path, no staged copy, and no file of its size it could
   * have been moved from. Saves a whole read of the data in a first mirror.
   */
  private deferHashFor(view: TargetView | undefined): ((rel: string, size: number) => boolean) | undefined {
    if (view === undefined) return undefined;
    let sizes: Set<number> | undefined;
    return (rel, size) => {
      if (view.entries.has(rel) || view.staged.has(rel)) return false;
      sizes ??= new Set([...view.entries.values(), ...view.staged.values()].filter((e) => e.type === 'file').map((e) => e.size));
      return !sizes.has(size);
    };
  }

  /** Scans the whole protection; `view` (the target's map) lets files it lacks skip hashing. */
  private async scanAll(view?: TargetView): Promise<Map<string, TreeEntry>> {
    const blockSize = this.row.options.blockSize;
    const deferHash = this.deferHashFor(view);
    this.deferred.clear();
    // Paths marked dirty may have changed without changing size or mtime (and a device's never
    // do): never trust the cache for them.
    for (const path of this.pending.keys()) this.cache.delete(path);
    if (this.row.kind === 'tree') {
      const { entries, errors } = await scanTree(this.row.path, { rules: this.rules, blockSize, cache: this.cache, signal: this.abort.signal, deferHash });
      this.noteDeferred(entries);
      this.reportScanErrors(errors);
      return entries;
    }
    if (this.row.kind === 'device') this.cache.delete('');
    const entry = await scanSingle(this.row.path, { blockSize, cache: this.cache, signal: this.abort.signal, deferHash });
    if (entry == null) throw new Error(`${this.row.path} has disappeared; the replica keeps its last state`);
    this.noteDeferred(new Map([['', entry]]));
    return new Map([['', entry]]);
  }

  /** Remembers the stat of files whose hashing was deferred, to cache their digests once sent. */
  private noteDeferred(entries: Map<string, ScanEntry | null>): void {
    for (const [path, e] of entries) if (e?.type === 'file' && e.hashes === undefined) this.deferred.set(path, e);
  }

  private reportScanErrors(errors: Array<{ path: string; message: string }>): void {
    for (const e of errors.slice(0, 10)) this.ctx.log.warn(`${this.row.name}: skipped ${e.path}: ${e.message}; will retry at the next change`);
    if (errors.length > 0) this.setError(`${errors.length} path(s) could not be read, e.g. ${errors[0]!.path}: ${errors[0]!.message}`);
  }

  private async mirrorPass(session: Session): Promise<void> {
    this.setState('mirroring');
    const taken = this.takePending();
    this.rescanDue = false;
    const started = Date.now();
    const source = await this.scanAll(session.view);
    const steps = planTree(source, session.view, { blockSize: this.row.options.blockSize });
    this.mirror = { doneBytes: 0, totalBytes: planBytes(steps) };
    this.mirrorComplete = false;
    // Whatever was in flight when the last session failed is part of this plan.
    this.inFlightData = 0;
    const log = this.ctx.log;
    log.info(`${this.row.name}: mirror: ${source.size} entries scanned in ${Date.now() - started} ms; ${steps.length} changes, ${this.mirror.totalBytes} bytes to send`);
    const sendStart = Date.now();
    await this.sendSteps(session, steps, { mirror: true });
    log.info(`${this.row.name}: mirror complete: ${this.mirror.totalBytes} bytes in ${Date.now() - sendStart} ms`);
    this.mirror.doneBytes = this.mirror.totalBytes;
    this.mirrorComplete = true;
    this.settle(taken);
    if (!this.row.mirrored) {
      this.row = { ...this.row, mirrored: true };
      this.store.setMirrored(this.row.id, true);
    }
  }

  private async replicateLoop(session: Session): Promise<void> {
    while (!this.stopped && !session.closed && !this.row.paused) {
      const verify = this.verifyQueue.shift();
      if (verify != null) {
        try {
          verify.resolve(await this.runVerify(session, verify.repair));
        } catch (err) {
          verify.reject(asError(err));
        }
        continue;
      }
      if (this.rescanDue) {
        this.rescanDue = false;
        const taken = this.takePending();
        const source = await this.scanAll(session.view);
        const steps = planTree(source, session.view, { blockSize: this.row.options.blockSize });
        if (steps.length > 0) await this.sendSteps(session, steps, { mirror: false });
        this.settle(taken);
        continue;
      }
      if (this.pending.size > 0) {
        const taken = this.takePending();
        const paths = [...taken.keys()];
        const blockSize = this.row.options.blockSize;
        let source: Map<string, TreeEntry | null>;
        if (this.row.kind === 'tree') {
          for (const p of paths) this.cache.delete(p);
          const deferHash = this.deferHashFor(session.view);
          const scanned = await scanPaths(this.row.path, paths, { rules: this.rules, blockSize, cache: this.cache, signal: this.abort.signal, deferHash });
          this.noteDeferred(scanned.entries);
          this.reportScanErrors(scanned.errors);
          source = scanned.entries;
          for (const [path, entry] of source) if (entry?.type === 'file') this.hot?.touch(path);
        } else {
          if (await this.streamRescan(session)) {
            this.settle(taken);
            continue;
          }
          source = await this.scanAll(session.view);
        }
        const twins = await this.vanishedTwins(source, session.view);
        for (const twin of twins) source.set(twin, null);
        // A path that just vanished may be one end of a move whose other end the watcher reports
        // in its next batch: hold the removal briefly so the pair can be replayed as a rename.
        const now = Date.now();
        let holdMs = Infinity;
        for (const p of paths) {
          if (source.get(p) != null || !session.view.entries.has(p) || twins.includes(p)) continue;
          const age = now - taken.get(p)!.since;
          if (age >= MOVE_GRACE_MS) continue;
          taken.delete(p);
          source.delete(p);
          holdMs = Math.min(holdMs, MOVE_GRACE_MS - age);
        }
        // A vanished directory takes the target's whole subtree with it.
        const planned = new Set<string>([...source.keys(), ...taken.keys()]);
        const steps = planPaths(planned, source, session.view, { blockSize });
        if (steps.length > 0) await this.sendSteps(session, steps, { mirror: false });
        this.settle(taken);
        if (taken.size === 0 && holdMs < Infinity) await this.sleep(holdMs);
        continue;
      }
      await this.sleep(30_000);
    }
    if (session.closed && session.closeError != null && !this.stopped && !this.row.paused) throw session.closeError;
  }

  /**
   * Re-reads a single-file protection and sends each changed run as soon as the read finds it,
   * rather than hashing the whole image first and sending afterwards: nothing says which block of
   * an image changed, so a change reaches the target after half a pass on average instead of a
   * whole one, and its data is not read twice. Only for a regular file the target holds at the
   * same size; otherwise returns false and the general path (scan, plan, send) runs.
   */
  private async streamRescan(session: Session): Promise<boolean> {
    const target = session.view.entries.get('');
    const bs = this.row.options.blockSize;
    if (target?.type !== 'file' || target.hashes === undefined || target.size < STREAM_MIN_BYTES) return false;
    let fh: FileHandle;
    try {
      fh = await open(await realpath(this.row.path), OPEN_FLAGS);
    } catch {
      return false;
    }
    try {
      const before = await fh.stat();
      if (!before.isFile() || before.size !== target.size || target.hashes.length !== blockCount(before.size, bs) * DIGEST_BYTES) return false;
      // What the replica holds, kept current as batches go out (it is the session's view).
      const replica = new Uint8Array(target.hashes);
      session.view.entries.set('', { ...target, hashes: replica });
      // One batch in flight at a time, the changes found meanwhile queued behind it: applying a
      // batch to a big image costs the target tens of ms whatever its size (fsyncs, the block
      // map), so a batch per changed chunk was slower than the read itself.
      let last = 0;
      let queued: doppel.IOp[] = [];
      let queuedBytes = 0;
      const flush = async (): Promise<void> => {
        if (queued.length === 0) return;
        const ops = queued;
        queued = [];
        queuedBytes = 0;
        last = await this.sendBatch(session, ops);
      };
      let hashes: Uint8Array;
      try {
        hashes = await hashRange(fh, 0, before.size, bs, {
          signal: this.abort.signal,
          onChunk: async (offset, data, digests) => {
            if (session.closed) throw session.closeError ?? new Error('session closed');
            const first = (offset / bs) * DIGEST_BYTES;
            const ranges = changedRanges(replica.subarray(first, first + digests.length), digests, data.length, bs);
            if (ranges.length === 0) {
              if (session.appliedSeq >= last) await flush();
              return;
            }
            for (const r of ranges) {
              // A copy: the read buffer is reused as soon as this returns.
              const payload = Buffer.from(data.subarray(r.offset, r.offset + r.length));
              const d = digests.subarray((r.offset / bs) * DIGEST_BYTES, Math.ceil((r.offset + r.length) / bs) * DIGEST_BYTES);
              const write = this.makeWrite('', offset + r.offset, payload, d);
              queued.push({ write });
              queuedBytes += write.data.length;
              this.counters.bytesSent += write.data.length;
              this.counters.blocksSent += d.length / DIGEST_BYTES;
              await this.throttle(write.data.length);
            }
            replica.set(digests, first);
            if (session.appliedSeq >= last || queuedBytes >= STREAM_QUEUE_BYTES) await flush();
          },
        });
      } catch (err) {
        // The file shrank under the read: what was sent stands; the general path takes over.
        if (err instanceof ShortReadError) return false;
        throw err;
      }
      await flush();
      const after = await fh.stat();
      const stable = after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
      const mode = before.mode & 0o7777;
      if (stable && (mode !== target.mode || !sameMtime(target.mtimeMs, before.mtimeMs))) {
        last = await this.sendBatch(session, [{ setAttr: { path: '', mode, mtimeMs: Math.round(before.mtimeMs) } }]);
        session.view.entries.set('', { ...target, hashes: replica, mode, mtimeMs: before.mtimeMs });
      }
      if (stable) this.cache.put({ path: '', type: 'file', size: before.size, mode, mtimeMs: before.mtimeMs, ctimeMs: before.ctimeMs, ino: before.ino, hashes });
      // Changed while read: the blocks sent are right for the moment they were read; go again.
      else this.markDirty(['']);
      if (last > 0) await this.waitApplied(session, last);
      return true;
    } finally {
      await fh.close();
    }
  }

  /** Sends `ops` as a batch of one frame without waiting for it to be applied; returns its seq. */
  private async sendBatch(session: Session, ops: doppel.IOp[]): Promise<number> {
    const seq = session.nextSeq++;
    await this.sendFrame(session, { seq, generation: this.row.generation, ops, final: true });
    return seq;
  }

  /** One frame of a batch, once the window has room; counts the batch when `final`. */
  private async sendFrame(session: Session, batch: doppel.IBatch): Promise<void> {
    await this.waitWindow(session);
    // Block data goes out as it was read, without a copy into the frame (see encodeBatchParts):
    // each read gets its own buffer, since the stream holds it until it has been encrypted.
    const { parts, length } = encodeBatchParts(batch);
    await session.framed.sendParts(parts, length);
    this.counters.wireBytesSent = session.framed.bytesSent;
    if (batch.final) this.counters.batches++;
  }

  /** Waits as long as --bwlimit requires after sending `bytes`. */
  private async throttle(bytes: number): Promise<void> {
    if (this.row.options.bwlimit <= 0) return;
    const wait = this.bucket.delayFor(bytes, Date.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /**
   * Files on the target identical to a file that just appeared here, and gone from here: the
   * other end of a move whose vanishing the watcher has not reported yet (a directory created
   * before a file was moved into it is reported first, with the file already inside).
   */
  private async vanishedTwins(source: Map<string, TreeEntry | null>, view: TargetView): Promise<string[]> {
    const fresh = [...source.values()].filter((e): e is TreeEntry => e?.type === 'file' && e.size >= MOVE_MIN_BYTES && !view.entries.has(e.path));
    if (fresh.length === 0) return [];
    const byContent = new Map<string, string[]>();
    for (const [path, e] of view.entries) {
      if (e.type !== 'file' || e.size < MOVE_MIN_BYTES || e.hashes == null || source.get(path) != null) continue;
      const key = contentKey(e.size, e.hashes);
      byContent.set(key, [...(byContent.get(key) ?? []), path]);
    }
    const twins: string[] = [];
    for (const e of fresh) {
      for (const path of byContent.get(contentKey(e.size, e.hashes ?? new Uint8Array(0))) ?? []) {
        if (twins.includes(path)) continue;
        try {
          await lstat(this.absolute(path));
        } catch {
          twins.push(path);
          break;
        }
      }
    }
    return twins;
  }

  /** A snapshot of the pending paths being sent; `settle` forgets those not changed since. */
  private takePending(): Map<string, { version: number; since: number }> {
    return new Map(this.pending);
  }

  /** After the batch that carried `taken` was applied, forget paths not changed since. */
  private settle(taken: Map<string, { version: number; since: number }>): void {
    const clean: string[] = [];
    for (const [path, { version }] of taken) {
      if (this.pending.get(path)?.version === version) {
        this.pending.delete(path);
        clean.push(path);
      }
    }
    if (clean.length > 0) this.dirty.remove(clean);
  }

  private absolute(path: string): string {
    return path === '' ? this.row.path : join(this.row.path, path);
  }

  /** Turns plan steps into batches on the wire and waits until the target applied them. */
  private async sendSteps(session: Session, steps: PlanStep[], opts: { mirror: boolean }): Promise<void> {
    if (!opts.mirror) this.inFlightData = planBytes(steps);
    try {
      await this.sendBatches(session, steps, opts);
      // Applied: nothing of it is pending any more. (A failure leaves it shown as pending.)
      this.inFlightData = 0;
    } finally {
      this.flushDeferred();
    }
  }

  private async sendBatches(session: Session, steps: PlanStep[], opts: { mirror: boolean }): Promise<void> {
    let ops: doppel.IOp[] = [];
    let frameBytes = 0;
    let batchBytes = 0;
    let batchFiles = 0;
    /** Mirror data in the batch being sent, credited to the mirror's progress once applied. */
    let mirrorBytes = 0;
    let seq = session.nextSeq;
    const flush = async (final: boolean, mirrorDone = false): Promise<void> => {
      if (ops.length === 0 && !final) return;
      await this.sendFrame(session, { seq, generation: this.row.generation, ops, final, mirrorDone });
      ops = [];
      frameBytes = 0;
      if (final) {
        const sent = seq;
        if (opts.mirror) session.mirrorBatches.push({ seq: sent, bytes: mirrorBytes });
        seq = session.nextSeq = seq + 1;
        batchBytes = 0;
        batchFiles = 0;
        mirrorBytes = 0;
        if (!opts.mirror) await this.waitApplied(session, sent);
      }
    };
    const push = async (op: doppel.IOp, dataBytes = 0): Promise<void> => {
      ops.push(op);
      frameBytes += dataBytes + 64;
      batchBytes += dataBytes;
      if (frameBytes >= FRAME_DATA_BYTES) await flush(false);
    };

    for (const step of steps) {
      if (session.closed) throw session.closeError ?? new Error('session closed');
      switch (step.op) {
        case 'remove': await push({ remove: { path: step.path } }); break;
        case 'mkdir': await push({ mkdir: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } }); break;
        case 'symlink': await push({ symlink: { path: step.path, target: step.target } }); break;
        case 'attr': await push({ setAttr: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } }); break;
        case 'rename': await push({ rename: { from: step.from, to: step.to } }); break;
        case 'stage':
        case 'patch': {
          const sentHashes = new Uint8Array(step.hashes);
          if (step.op === 'stage') await push({ fileBegin: { path: step.path, size: step.size, base: step.base } });
          else if (step.resize) await push({ resize: { path: step.path, size: step.size } });
          let file: RawFile | undefined;
          let complete = true;
          try {
            file = await openSourceFile(this.absolute(step.path), step.ranges.reduce((n, r) => n + r.length, 0));
            for (const range of step.ranges) {
              const data = Buffer.allocUnsafeSlow(range.length);
              const bytesRead = await readFully(file, data, range.length, range.offset);
              const payload = bytesRead === range.length ? data : data.subarray(0, bytesRead);
              if (bytesRead < range.length) complete = false;
              if (payload.length === 0) continue;
              const changed = recordBlockDigests(payload, range.offset, this.row.options.blockSize, sentHashes);
              // Unhashed: there were no digests to compare; the watcher reports a change anyway.
              if (changed && !(step.op === 'stage' && step.unhashed)) this.markDirty([step.path]);
              const first = (range.offset / this.row.options.blockSize) * DIGEST_BYTES;
              const digests = sentHashes.subarray(first, first + Math.ceil(payload.length / this.row.options.blockSize) * DIGEST_BYTES);
              const write = this.makeWrite(step.path, range.offset, payload, digests);
              await push({ write }, write.data.length);
              this.counters.bytesSent += write.data.length;
              this.counters.blocksSent += Math.ceil(payload.length / this.row.options.blockSize);
              mirrorBytes += payload.length;
              await this.throttle(write.data.length);
            }
          } catch (err) {
            complete = false;
            if (!VANISHED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
            // Vanished (or replaced by a symlink) since the scan: the watcher reports it, and the
            // next pass sends what the path is now.
            this.markDirty([step.path]);
          } finally {
            await file?.close();
          }
          if (step.op === 'stage') await push({ fileCommit: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } });
          else await push({ setAttr: { path: step.path, mode: step.mode, mtimeMs: Math.round(step.mtimeMs) } });
          step.hashes = sentHashes;
          batchFiles++;
          if (step.op === 'stage' && step.unhashed) this.cacheDeferred(step.path, sentHashes, complete);
          break;
        }
      }
      applyStepToView(session.view, step);
      if (opts.mirror && (batchBytes >= MIRROR_BATCH_BYTES || batchFiles >= MIRROR_BATCH_FILES)) await flush(true);
    }
    await flush(true, opts.mirror);
    await this.waitApplied(session, seq - 1);
  }

  /**
   * A deferred file was sent: its digests (taken from what was read) go to the scan cache under
   * the stat taken before the read, so a file changed meanwhile is hashed afresh at the next scan.
   */
  private cacheDeferred(path: string, hashes: Uint8Array, complete: boolean): void {
    const scanned = this.deferred.get(path);
    this.deferred.delete(path);
    if (!complete) {
      this.markDirty([path]);
      return;
    }
    if (scanned === undefined) return;
    // Written in batches: one SQLite transaction per file cost the source ~100 µs a file.
    this.deferredDone.push({ ...scanned, hashes });
    if (this.deferredDone.length >= 512) this.flushDeferred();
  }

  private flushDeferred(): void {
    const done = this.deferredDone.splice(0);
    if (done.length > 0) this.cache.transaction(() => { for (const e of done) this.cache.put(e); });
  }

  private makeWrite(path: string, offset: number, payload: Buffer, hash: Uint8Array): doppel.IWrite & { data: Uint8Array } {
    if (this.row.options.compress) {
      const packed = deflateRawSync(payload, { level: 1 });
      // Incompressible blocks (already compressed or encrypted data) travel as they are.
      if (packed.length < payload.length * 0.9) {
        return { path, offset, data: packed, hash, rawLength: payload.length, compressed: true };
      }
    }
    return { path, offset, data: payload, hash, rawLength: payload.length, compressed: false };
  }

  private async waitWindow(session: Session): Promise<void> {
    let acked = session.ackedBytes;
    let progressAt = Date.now();
    while (!session.closed && session.framed.bytesSent - session.ackedBytes > WINDOW_BYTES) {
      if (session.ackedBytes !== acked) {
        acked = session.ackedBytes;
        progressAt = Date.now();
      }
      // A stalled stream is dropped and resumed by a new session (the mirror resumes from the
      // target's staging files) rather than left hanging.
      if (Date.now() - progressAt > STALL_MS) throw new Error(`target acknowledged nothing for ${STALL_MS / 1000} s with data in flight; reconnecting`);
      await this.ackOrTimeout(session, 1000);
    }
    if (session.closed) throw session.closeError ?? new Error('session closed');
  }

  private ackOrTimeout(session: Session, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      session.ackWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  private async waitApplied(session: Session, seq: number): Promise<void> {
    const deadline = Date.now() + 600_000;
    while (!session.closed && session.appliedSeq < seq) {
      if (Date.now() > deadline) throw new Error(`target did not apply batch ${seq} within 10 minutes; reconnecting`);
      await this.ackOrTimeout(session, 1000);
    }
    if (session.appliedSeq < seq) throw session.closeError ?? new Error('session closed before the batch was applied');
  }

  private async runVerify(session: Session, repair: boolean): Promise<VerifyReport> {
    const replica = new Promise<doppel.IIndexEntry[]>((resolve, reject) => {
      session.indexWaiter = { entries: [], resolve, reject };
    });
    await session.framed.send({ verify: { id: Date.now() } });
    const fresh = entriesFromIndex(await replica);
    // Re-read the source too: verify must not trust either side's cache.
    this.store.clearScanCache(this.row.id);
    const source = await this.scanAll();
    const steps = planTree(source, fresh, { blockSize: this.row.options.blockSize });
    const differing = steps.map((step) => describeStep(step, this.row.options.blockSize));
    const report: VerifyReport = { name: this.row.name, peer: this.row.peerId, files: source.size, differing, repaired: false };
    if (repair && steps.length > 0) {
      session.view = fresh;
      await this.sendSteps(session, steps, { mirror: false });
      report.repaired = true;
    } else if (!repair) {
      // The fresh map is the truth either way; keep following it.
      session.view = fresh;
    }
    return report;
  }
}

function describeStep(step: PlanStep, blockSize: number): { path: string; reason: string; blocks?: number } {
  switch (step.op) {
    case 'remove': return { path: step.path, reason: 'only on the replica' };
    case 'mkdir': return { path: step.path, reason: 'directory missing on the replica' };
    case 'symlink': return { path: step.path, reason: 'symlink missing or different' };
    case 'attr': return { path: step.path, reason: 'mode or mtime differ' };
    case 'rename': return { path: step.to, reason: `only on the replica, as ${step.from}` };
    case 'stage':
    case 'patch': {
      const blocks = step.ranges.reduce((n, r) => n + Math.ceil(r.length / blockSize), 0);
      return { path: step.path, reason: blocks > 0 ? 'blocks differ' : 'size differs', blocks };
    }
  }
}

