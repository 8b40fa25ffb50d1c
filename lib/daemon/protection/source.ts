// The source role of a protection: keep a session with the target (retrying with backoff), mirror
// what differs, then replicate changes as capture reports them. The pieces are in capture.ts,
// scan.ts, session.ts, sender.ts, image-stream.ts and verify.ts; this is their wiring and the loop.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyReport } from '../../api/methods.js';
import { backoffDelay, type Backoff } from '../../core/backoff.js';
import { holdForMoves, moveCandidates } from '../../core/moves.js';
import { planBytes, planPaths, planTree, type PlanStep, type TreeEntry } from '../../core/plan.js';
import { compileRules, type RuleMatcher } from '../../core/rules.js';
import { asError } from '../../net/frames.js';
import { isOutOfFiles, outOfFilesMessage } from '../../store/open-files.js';
import { Capture } from './capture.js';
import { streamImage } from './image-stream.js';
import { SourceScanner } from './scan.js';
import { Sender } from './sender.js';
import { OfferRefusedError, SourceSession, TargetFailedError } from './session.js';
import type { ProtectionHost, RoleStrategy, StrategyFacts } from './strategy.js';
import { runVerify, VerifyUnavailableError } from './verify.js';

const RETRY: Backoff = { firstMs: 250, maxMs: 10_000 };
const REFUSED_RETRY_MS = 30_000;
/** How long a paused or idle loop sleeps unless something wakes it. */
const PAUSED_SLEEP_MS = 60_000;
const IDLE_SLEEP_MS = 30_000;
/** How long a failed session waits for the target's reason (its Failure frame) to arrive. */
const FAILURE_REASON_WAIT_MS = 1000;
/** How often caughtUp looks again. */
const CAUGHT_UP_POLL_MS = 50;

export class SourceStoppedError extends Error {
  override name = 'SourceStoppedError';
}

/** The loop's sleep, cut short by anything that gives it work: a change, an ack, the operator. */
class Alarm {
  private ring: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.ring = undefined; resolve(); }, ms);
      this.ring = () => { clearTimeout(timer); resolve(); };
    });
  }

  wake(): void {
    const ring = this.ring;
    this.ring = undefined;
    ring?.();
  }
}

export class SourceStrategy implements RoleStrategy {
  readonly role = 'source';
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly alarm = new Alarm();
  private readonly rules: RuleMatcher;
  private readonly capture: Capture;
  private readonly scanner: SourceScanner;
  private readonly sender: Sender;
  private session: SourceSession | undefined;
  private running: Promise<void> | undefined;
  /** The last mirror pass: bytes to send, and bytes the target acknowledged as applied. */
  private mirror = { doneBytes: 0, totalBytes: 0 };
  /** Until a mirror pass is acknowledged whole, what it has left is pending (across outages). */
  private mirrorComplete: boolean;
  /** Data of the changes being sent and not yet applied; kept when the session fails. */
  private inFlightBytes = 0;
  private readonly verifyQueue: Array<{ repair: boolean; resolve: (r: VerifyReport) => void; reject: (e: Error) => void }> = [];
  /** Whole passes (mirror or rescan) whose changes the target applied: caughtUp counts them. */
  private passes = 0;

  constructor(private readonly host: ProtectionHost) {
    const row = host.row;
    this.rules = compileRules({ include: row.options.include, exclude: row.options.exclude });
    this.capture = new Capture(host, this.rules, () => this.alarm.wake());
    this.scanner = new SourceScanner(host, this.rules, this.capture, this.abort.signal);
    this.sender = new Sender(host, this.capture, this.scanner);
    this.mirrorComplete = row.mirrored;
    // Before the first scan of this run, what the source held last time is the best estimate.
    if (!row.mirrored) this.mirror.totalBytes = host.store.storedBytes(row.id);
  }

  async start(): Promise<void> {
    await this.capture.start();
    this.running = this.loop();
  }

  async stop(reason: string): Promise<void> {
    this.stopped = true;
    this.abort.abort(new Error(reason));
    this.session?.framed.abort(new Error(reason));
    this.alarm.wake();
    await this.running;
    await this.capture.stop();
    for (const v of this.verifyQueue.splice(0)) v.reject(new Error(reason));
  }

  /** The row is paused already: end the session; the loop then waits for resume. */
  pause(): void {
    this.session?.framed.abort(new Error('paused by the operator'));
    this.alarm.wake();
  }

  resume(): void {
    this.capture.rescanDue = true;
    this.alarm.wake();
  }

  /** Peer connectivity changed: try again now rather than at the end of the backoff. */
  nudge(): void {
    this.alarm.wake();
  }

  /** Ends the session; the next one offers afresh (a failback offer says so). */
  restartSession(): void {
    this.session?.framed.abort(new Error('starting a new session'));
    this.alarm.wake();
  }

  /**
   * Resolves once a whole pass that started after this call was applied by the target, with no
   * change waiting: the target then holds everything this side held when it was called.
   */
  async caughtUp(): Promise<void> {
    const after = this.passes;
    this.capture.rescanDue = true;
    this.alarm.wake();
    while (this.passes <= after || this.capture.size > 0 || this.inFlightBytes > 0 || this.host.state !== 'replicating') {
      if (this.stopped) throw new SourceStoppedError(`${this.host.row.name} stopped acting as source`);
      await new Promise((r) => setTimeout(r, CAUGHT_UP_POLL_MS));
    }
  }

  /** Asks the target to take the primary role at `generation`; resolves once it has. */
  async handOver(generation: number, timeoutMs: number): Promise<void> {
    const session = this.session;
    if (session === undefined || session.closed) throw new SourceStoppedError(`no session with the target to hand ${this.host.row.name} over on`);
    await session.handOver(generation, timeoutMs);
  }

  verify(repair: boolean): Promise<VerifyReport> {
    return new Promise((resolve, reject) => {
      if (this.session == null || this.host.state !== 'replicating') {
        reject(new VerifyUnavailableError(`protection ${this.host.row.name} is ${this.host.state}; verify needs a replicating session (try again once \`doppel status\` shows replicating)`));
        return;
      }
      this.verifyQueue.push({ repair, resolve, reject });
      this.alarm.wake();
    });
  }

  facts(): StrategyFacts {
    return {
      mirror: { ...this.mirror, complete: this.mirrorComplete },
      inFlightBytes: this.inFlightBytes,
      oldestChangeAt: this.capture.oldestSince(),
      progressBytes: this.session?.ackedBytes,
      appliedSeq: this.session?.appliedSeq ?? 0,
    };
  }

  private async loop(): Promise<void> {
    const { ctx } = this.host;
    let failures = 0;
    while (!this.stopped) {
      if (this.host.row.paused) {
        this.host.setState('paused');
        await this.alarm.sleep(PAUSED_SLEEP_MS);
        continue;
      }
      try {
        await this.runSession();
        failures = 0;
      } catch (err) {
        if (this.stopped) break;
        const e = asError(err);
        const name = this.host.row.name;
        if (e instanceof TargetFailedError || isOutOfFiles(e)) {
          // Not a lost link: say what went wrong; the next attempt resumes from what was applied.
          const message = isOutOfFiles(e) ? outOfFilesMessage(e) : e.message;
          ctx.log.warn(`${name}: ${message}; retrying`);
          this.host.setError(message);
          this.host.setState('error');
          await this.alarm.sleep(backoffDelay(++failures, RETRY));
          continue;
        }
        if (e instanceof OfferRefusedError) {
          // Both sides wrote while apart: nothing goes either way until the operator resolves it.
          if (e.code === 'split-brain') this.host.splitBrainFound(e.generation, e.divergence);
          // The target holds a newer generation: it was failed over, and this side is fenced.
          else if (e.generation > this.host.row.generation) this.host.peerIsNewer(e.generation);
          if (this.stopped) break;
          this.host.setError(e.message);
          this.host.setState('error');
          ctx.log.warn(`${name}: ${e.message}`);
          // A split brain ends when someone resolves it, on either side: look again soon.
          await this.alarm.sleep(e.code === 'split-brain' ? backoffDelay(++failures, RETRY) : REFUSED_RETRY_MS);
          continue;
        }
        if (!this.host.row.paused) {
          ctx.log.info(`${name}: session with ${this.host.row.peerId} ended: ${e.message}; retrying`);
          this.host.setError(e.message);
        }
      } finally {
        this.session = undefined;
      }
      if (this.stopped) break;
      if (!this.host.row.paused) this.host.setState('disconnected');
      await this.alarm.sleep(backoffDelay(++failures, RETRY));
    }
  }

  private async runSession(): Promise<void> {
    const { ctx, store } = this.host;
    this.host.setState('negotiating');
    const session = await SourceSession.dial(ctx, this.host.row.peerId, this.abort.signal);
    this.session = session;
    let reader: Promise<void> | undefined;
    try {
      const theirs = await session.negotiate(ctx, this.host.row, store.storedBytes(this.host.row.id), this.host.offerFlags());
      this.host.offerAccepted(theirs);
      reader = session.readLoop(() => this.acknowledged(session), () => this.alarm.wake());
      await this.mirrorPass(session);
      // Cleared once the target has acknowledged a whole mirror, not merely accepted a session.
      this.host.setError(null);
      this.host.setState('replicating');
      await this.replicateLoop(session);
    } catch (err) {
      // A send fails as soon as the target resets the stream; its reason may still be on the way.
      if (reader !== undefined) await Promise.race([reader, new Promise((r) => setTimeout(r, FAILURE_REASON_WAIT_MS).unref())]);
      if (session.closeError instanceof TargetFailedError) throw session.closeError;
      throw err;
    } finally {
      session.end();
    }
  }

  private acknowledged(session: SourceSession): void {
    if (session.appliedSeq > 0 && this.host.row.lastError !== null && this.host.state === 'replicating') this.host.setError(null);
    const applied = session.takeAppliedMirrorBytes();
    if (applied > 0) this.mirror.doneBytes = Math.min(this.mirror.totalBytes, this.mirror.doneBytes + applied);
  }

  private async mirrorPass(session: SourceSession): Promise<void> {
    const { ctx, row } = this.host;
    this.host.setState('mirroring');
    const taken = this.capture.take();
    this.capture.rescanDue = false;
    const started = ctx.clock.now();
    const source = await this.scanner.scanAll(session.view);
    const steps = planTree(source, session.view, { blockSize: row.options.blockSize });
    this.mirror = { doneBytes: 0, totalBytes: planBytes(steps) };
    this.mirrorComplete = false;
    // Whatever was in flight when the last session failed is part of this plan.
    this.inFlightBytes = 0;
    ctx.log.info(`${row.name}: mirror: ${source.size} entries scanned in ${ctx.clock.now() - started} ms; ${steps.length} changes, ${this.mirror.totalBytes} bytes to send`);
    const sendStart = ctx.clock.now();
    await this.sender.sendSteps(session, steps, { mirror: true });
    ctx.log.info(`${row.name}: mirror complete: ${this.mirror.totalBytes} bytes in ${ctx.clock.now() - sendStart} ms`);
    this.mirror.doneBytes = this.mirror.totalBytes;
    this.mirrorComplete = true;
    this.capture.settle(taken);
    this.passes++;
    this.host.caughtUpWithPeer();
    if (!this.host.row.mirrored) this.host.setMirrored();
  }

  private async replicateLoop(session: SourceSession): Promise<void> {
    while (!this.stopped && !session.closed && !this.host.row.paused) {
      const verify = this.verifyQueue.shift();
      if (verify != null) {
        try {
          verify.resolve(await runVerify({ host: this.host, scanner: this.scanner, send: (s, steps) => this.sendChanges(s, steps) }, session, verify.repair));
        } catch (err) {
          verify.reject(asError(err));
        }
        continue;
      }
      if (this.capture.rescanDue) {
        this.capture.rescanDue = false;
        const taken = this.capture.take();
        const source = await this.scanner.scanAll(session.view);
        const steps = planTree(source, session.view, { blockSize: this.host.row.options.blockSize });
        if (steps.length > 0) await this.sendChanges(session, steps);
        this.capture.settle(taken);
        this.passes++;
        continue;
      }
      if (this.capture.size > 0) {
        await this.replicateChanged(session);
        continue;
      }
      await this.alarm.sleep(IDLE_SLEEP_MS);
    }
    if (session.closed && session.closeError != null && !this.stopped && !this.host.row.paused) throw session.closeError;
  }

  /** Sends what changed at the dirty paths. */
  private async replicateChanged(session: SourceSession): Promise<void> {
    const row = this.host.row;
    const taken = this.capture.take();
    const paths = [...taken.keys()];
    let source: Map<string, TreeEntry | null>;
    if (row.kind === 'tree') {
      source = await this.scanner.scanPaths(paths, session.view);
      this.capture.touchHot(source);
    } else {
      if (await streamImage({ host: this.host, sender: this.sender, scanner: this.scanner, capture: this.capture, signal: this.abort.signal }, session)) {
        this.capture.settle(taken);
        return;
      }
      source = await this.scanner.scanAll(session.view);
    }
    const twins = await this.vanishedTwins(source, session);
    for (const twin of twins) source.set(twin, null);
    // A path that just vanished may be one end of a move whose other end the watcher reports
    // in its next batch: hold the removal briefly so the pair can be replayed as a rename.
    const hold = holdForMoves(paths.map((path) => ({
      path,
      since: taken.get(path)!.since,
      present: source.get(path) != null,
      onTarget: session.view.entries.has(path),
      paired: twins.includes(path),
    })), this.host.ctx.clock.now());
    for (const p of hold.held) {
      taken.delete(p);
      source.delete(p);
    }
    // A vanished directory takes the target's whole subtree with it.
    const planned = new Set<string>([...source.keys(), ...taken.keys()]);
    const steps = planPaths(planned, source, session.view, { blockSize: row.options.blockSize });
    if (steps.length > 0) await this.sendChanges(session, steps);
    this.capture.settle(taken);
    if (taken.size === 0 && hold.waitMs !== null) await this.alarm.sleep(hold.waitMs);
  }

  /** Target files that are the old end of a move of a file that appeared here: gone from here. */
  private async vanishedTwins(source: Map<string, TreeEntry | null>, session: SourceSession): Promise<string[]> {
    const twins: string[] = [];
    for (const candidates of moveCandidates(source, session.view)) {
      for (const path of candidates) {
        if (twins.includes(path)) continue;
        try {
          await lstat(join(this.host.dataPath, path));
        } catch {
          twins.push(path);
          break;
        }
      }
    }
    return twins;
  }

  /** Sends changes (not a mirror) and waits until they are applied; until then they are pending. */
  private async sendChanges(session: SourceSession, steps: PlanStep[]): Promise<void> {
    this.inFlightBytes = planBytes(steps);
    await this.sender.sendSteps(session, steps, { mirror: false });
    // Applied: nothing of it is pending any more. (A failure leaves it shown as pending.)
    this.inFlightBytes = 0;
  }
}
