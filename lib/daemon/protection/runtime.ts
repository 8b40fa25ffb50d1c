// One protection on this peer. The runtime owns its row (the only copy kept in memory), generation
// and live state, and holds the behaviour of the role it acts in now as a strategy: source.ts or
// target.ts, one at a time. Which one follows from the failover state (failover.ts drives the
// machine in lib/core/failover.ts): the configured source acts as source until it is fenced or
// hands the role over; the configured target acts as target until it is promoted. The status
// shown for the protection is built here alone, from the row, the strategy's facts and the
// failover state.
import type { doppel } from '../../net/wire.js';
import { initialState } from '../../core/failover.js';
import { NO_THROUGHPUT, sampleThroughput, type Throughput } from '../../core/throughput.js';
import type { Applier } from '../../store/applier.js';
import { AsideStore } from '../../store/aside.js';
import type { Guard, ProtectionOptions, ProtectionRow, ProtectionStore, Role, SplitBrain, TestCopy } from '../../store/protections.js';
import { hookFailure, type HookEvent, type HookRunner } from '../hooks.js';
import type { DaemonContext } from '../services.js';
import { emptyCounters, type Counters, type ProtectionState, type ProtectionStatus } from '../status.js';
import { admitOffer } from './admission.js';
import { FailoverController } from './failover.js';
import { actingRole, applierFor, dataPathOf } from './placement.js';
import { SourceStrategy } from './source.js';
import type { OfferFlags, ProtectionHost } from './strategy.js';
import { describe as describeSplitBrain, found as foundSplitBrain, localDivergence, resolve as resolveSplitBrain } from './split-brain.js';
import { TargetStrategy } from './target.js';
import { TestFailover } from './test-failover.js';

/** How long a witness has to answer before it counts as not asked. */
const WITNESS_TIMEOUT_MS = 1500;
/** How long the peer has to take the primary role once asked. */
const HANDOVER_TIMEOUT_MS = 30_000;

/** An offer refused by this protection's failover state, with the generation to tell the peer. */
export interface Refusal {
  code: string;
  reason: string;
  generation?: number;
  /** code 'split-brain': what this side wrote that the peer lacks. */
  divergedFiles?: number;
  divergedBytes?: number;
}

export class ProtectionRuntime implements ProtectionHost {
  readonly counters: Counters = emptyCounters();
  readonly failover: FailoverController;
  readonly aside: AsideStore;
  private readonly drill: TestFailover;
  private current: ProtectionRow;
  private live: ProtectionState = 'disconnected';
  private throughput: Throughput = NO_THROUGHPUT;
  private strategy: SourceStrategy | TargetStrategy;
  private stopping = false;
  /** The operator asked the peer to rejoin as target (resolve --keep local): offers say failback. */
  rejoinAsked = false;

  constructor(readonly ctx: DaemonContext, readonly store: ProtectionStore, row: ProtectionRow, private readonly hooks?: HookRunner) {
    this.current = row;
    this.aside = new AsideStore(ctx.db, ctx.home);
    const state = row.failover ?? initialState(row.role, row.options.failover, ctx.clock.now(), row.generation);
    this.failover = new FailoverController(state, {
      clock: ctx.clock,
      log: ctx.log,
      lastHeard: () => ctx.lastHeard(this.current.peerId),
      askWitnesses: (withinMs) => ctx.askWitnesses(this.current.peerId, withinMs, WITNESS_TIMEOUT_MS),
      promote: (generation) => this.promote(generation),
      runHook: (event, generation) => this.runHook(event, generation, 'start'),
      handOver: (generation) => this.handOver(generation),
      follow: async (generation) => {
        this.setGeneration(generation);
        await this.switchRole('target');
      },
      stopReplicating: () => this.switchRole('target'),
      persist: (s) => {
        this.store.setFailover(this.current.id, s);
        this.current = { ...this.current, failover: s, generation: s.generation };
      },
      announce: (s) => {
        this.ctx.publish('failover', { protection: this.current.name, role: this.current.role, peer: this.current.peerId, phase: s.phase, generation: s.generation, reason: s.reason, at: this.ctx.clock.now() });
        this.changed();
      },
    });
    this.strategy = this.strategyFor(actingRole(state));
    this.drill = new TestFailover({
      home: ctx.home,
      row: () => this.current,
      phase: () => this.failover.state.phase,
      peerName: () => ctx.peerName(this.current.peerId) ?? this.current.peerId,
      record: (copy) => {
        this.store.setTestCopy(this.current.id, copy);
        this.current = { ...this.current, testCopy: copy };
        this.changed();
      },
      runHook: (path) => this.runHook('test-failover', this.current.generation, 'start', false, path)
        .catch((err: Error) => ctx.log.warn(`${this.current.name}: the test failover hook could not be run: ${err.message}`)),
    });
  }

  get row(): ProtectionRow {
    return this.current;
  }

  get id(): number {
    return this.current.id;
  }

  get name(): string {
    return this.current.name;
  }

  get peerId(): string {
    return this.current.peerId;
  }

  get generation(): number {
    return this.current.generation;
  }

  /** The role acted in now. The row keeps the configured role, which failover does not change. */
  get role(): Role {
    return this.strategy.role;
  }

  get state(): ProtectionState {
    return this.live;
  }

  get dataPath(): string {
    return dataPathOf(this.current);
  }

  /** The source strategy while acting as source. */
  get source(): SourceStrategy | undefined {
    return this.strategy instanceof SourceStrategy ? this.strategy : undefined;
  }

  /** The target strategy while acting as target. */
  get target(): TargetStrategy | undefined {
    return this.strategy instanceof TargetStrategy ? this.strategy : undefined;
  }

  async start(): Promise<void> {
    await this.strategy.start();
    this.failover.start(this.current.options.failover);
  }

  async stop(reason: string): Promise<void> {
    this.stopping = true;
    await this.failover.stop();
    await this.strategy.stop(reason);
  }

  /** Stops the current strategy and starts the other role's; the row's configured role stays. */
  async switchRole(role: Role): Promise<void> {
    if (role === this.role || this.stopping) return;
    await this.strategy.stop(`switching to the ${role} role`);
    this.strategy = this.strategyFor(role);
    this.live = 'disconnected';
    this.changed();
    await this.strategy.start();
  }

  pause(): void {
    this.setPaused(true);
    this.source?.pause();
  }

  resume(): void {
    this.setPaused(false);
    this.source?.resume();
  }

  /** Peer connectivity changed: a source tries again now; a target re-reads the source's liveness. */
  nudge(): void {
    this.source?.nudge();
    this.failover.poll();
  }

  /** New options (the operator's `set`, or the policy a source's offer carries). */
  setOptions(options: ProtectionOptions): void {
    this.current = { ...this.current, options };
    this.store.setOptions(this.current.id, options);
    this.failover.setPolicy(options.failover);
    this.changed();
  }

  status(): ProtectionStatus {
    const row = this.current;
    const facts = this.strategy.facts();
    const bps = this.throughput.bps;
    const mirror = facts.mirror;
    const left = mirror === null ? 0 : mirror.totalBytes - mirror.doneBytes;
    const eta = bps > 0 ? Math.ceil(left / bps) : null;
    const view = this.failover.view();
    const fs = this.failover.state;
    const peer = this.ctx.peerName(row.peerId) ?? row.peerId;
    // Stale says where the data went and what to run, in the words an operator needs.
    const reason = row.splitBrain !== undefined && row.splitBrain.yieldAt === undefined ? describeSplitBrain(this, row.splitBrain) : fs.phase === 'stale'
      ? `promoted on ${peer} at generation ${fs.peerGeneration ?? '?'}; this side must not act as source: run \`doppel failback ${row.name}\` on ${peer} to resync it and hand the role back`
      : view.reason;
    return {
      name: row.name,
      role: this.role,
      peer: row.peerId,
      peerName: this.ctx.peerName(row.peerId) ?? null,
      path: row.path,
      kind: row.kind,
      state: row.splitBrain !== undefined && row.splitBrain.yieldAt === undefined ? 'split-brain' : view.word ?? (row.guard !== undefined && this.role === 'target' ? 'replica-modified' : row.paused ? 'paused' : this.live),
      generation: row.generation,
      mirror: mirror === null
        ? { doneBytes: 0, totalBytes: 0, etaSeconds: null }
        : { doneBytes: mirror.doneBytes, totalBytes: mirror.totalBytes, etaSeconds: this.live === 'mirroring' ? eta : 0 },
      pendingBytes: facts.inFlightBytes + (mirror === null || mirror.complete ? 0 : left),
      lagMs: facts.oldestChangeAt === undefined ? 0 : this.ctx.clock.now() - facts.oldestChangeAt,
      throughputBps: Math.round(bps),
      lastError: row.lastError,
      appliedSeq: facts.appliedSeq,
      counters: { ...this.counters },
      sourceLostForMs: view.sourceLostForMs,
      failoverInMs: view.failoverInMs,
      failover: { ...row.options.failover },
      failoverReason: reason,
      testFailover: row.testCopy ?? null,
      modifiedPaths: row.guard?.paths ?? [],
      aside: this.aside.summary(row.name, row.peerId),
      splitBrain: row.splitBrain === undefined ? null : { detectedAt: row.splitBrain.detectedAt, peerGeneration: row.splitBrain.peerGeneration, local: row.splitBrain.local, remote: row.splitBrain.remote },
    };
  }

  /** Takes a throughput sample; called about once a second. */
  sample(now: number): void {
    this.throughput = sampleThroughput(this.throughput, this.strategy.facts().progressBytes ?? this.throughput.lastBytes, now);
  }

  setState(state: ProtectionState): void {
    if (this.live === state) return;
    this.live = state;
    this.changed();
  }

  setError(message: string | null): void {
    if (this.current.lastError === message) return;
    this.current = { ...this.current, lastError: message };
    this.store.setLastError(this.current.id, message);
    this.changed();
  }

  setMirrored(): void {
    if (this.current.mirrored) return;
    this.current = { ...this.current, mirrored: true };
    this.store.setMirrored(this.current.id, true);
    this.changed();
  }

  setAppliedSeq(seq: number): void {
    this.current = { ...this.current, appliedSeq: seq };
  }

  setGuard(guard: Guard | undefined): void {
    this.current = { ...this.current, guard };
    this.store.setGuard(this.current.id, guard);
    this.changed();
  }

  // ---------------------------------------------------------------------------------------------
  // Failover: what the strategies and the operator ask of the runtime

  offerFlags(): OfferFlags {
    const apart = this.current.wroteApart;
    const d = apart ? localDivergence(this) : { files: 0, bytes: 0 };
    return {
      reverse: this.current.role === 'target',
      failback: this.failover.state.phase === 'failing-back' || this.rejoinAsked,
      diverged: apart,
      divergedFiles: d.files,
      divergedBytes: d.bytes,
    };
  }

  changedWhileApart(): void {
    if (this.current.wroteApart || this.role !== 'source' || this.ctx.lastHeard(this.current.peerId) !== undefined) return;
    this.current = { ...this.current, wroteApart: true };
    this.store.setWroteApart(this.current.id, true);
  }

  caughtUpWithPeer(): void {
    this.rejoinAsked = false;
    if (!this.current.wroteApart) return;
    this.current = { ...this.current, wroteApart: false };
    this.store.setWroteApart(this.current.id, false);
  }

  offerAccepted(generation: number): void {
    if (this.current.splitBrain !== undefined) {
      this.setSplitBrain(undefined);
      this.ctx.log.info(`${this.current.name}: the split brain is resolved; ${this.ctx.peerName(this.current.peerId) ?? this.current.peerId} follows this side`);
    }
    // The peer resolved a split brain by following this side from a newer generation.
    if (generation > this.current.generation) this.failover.setGeneration(generation);
  }

  splitBrainFound(peerGeneration: number, remote: { files: number; bytes: number }): void {
    foundSplitBrain(this, peerGeneration, remote);
  }

  setSplitBrain(split: SplitBrain | undefined): void {
    this.current = { ...this.current, splitBrain: split };
    this.store.setSplitBrain(this.current.id, split);
    this.changed();
  }

  /** `doppel resolve --keep local|remote` after a split brain (split-brain.ts). */
  resolve(keep: 'local' | 'remote'): Promise<string | undefined> {
    return resolveSplitBrain(this, keep);
  }

  peerIsNewer(generation: number): void {
    this.failover.dispatch({ type: 'peer-generation', generation });
  }

  /**
   * The peer (acting as source) hands this side the primary role at `generation`: persisted before
   * the peer is told, carried out after (the switch ends the session the answer travels on).
   */
  async takeRole(generation: number, answer: () => Promise<void>): Promise<void> {
    const kind = this.current.role === 'source' ? 'failback' : 'switchover';
    this.failover.hold();
    try {
      const refused = this.failover.dispatch({ type: `${kind}-requested` }) ?? this.failover.dispatch({ type: `${kind}-done` });
      if (refused !== undefined) throw new Error(refused);
      if (this.current.generation !== generation) throw new Error(`asked to take the role at generation ${generation}, this side counts ${this.current.generation}`);
      await answer();
    } finally {
      this.failover.release();
    }
  }

  /** Whether an offer from the peer may be served here, given the failover state; may move it. */
  admit(offer: doppel.IOffer): Promise<Refusal | undefined> {
    return admitOffer(this, offer);
  }

  /** `failover --test`: a drill on a throwaway copy of the replica (test-failover.ts); `--end` removes it. */
  testFailover(end: boolean): Promise<TestCopy> {
    return end ? this.drill.end() : this.drill.start(this.ctx.clock.now());
  }

  /** The operator's failover, failback or switchover; returns why it was refused, if it was. */
  request(what: 'failover' | 'failback' | 'switchover', force = false): string | undefined {
    if (what === 'failover') {
      if (this.current.role !== 'target') return `${this.current.name} is protected from this peer; fail over on its target, ${this.ctx.peerName(this.current.peerId) ?? this.current.peerId}`;
      return this.failover.dispatch({ type: 'failover-requested', force });
    }
    const holder = what === 'failback' ? this.failover.state.phase === 'promoted' : this.failover.state.phase === 'source';
    if (!holder) {
      return what === 'failback'
        ? `failback runs on the promoted replica; ${this.current.name} here is ${this.status().state}`
        : `switchover runs on the side that holds the primary role; ${this.current.name} here is ${this.status().state}`;
    }
    if (this.current.kind === 'device' && what === 'failback') return 'failing back into a block device is not supported yet: copy the replica back by hand, then protect it again';
    return this.failover.dispatch({ type: `${what}-requested` });
  }

  // ---------------------------------------------------------------------------------------------
  // Failover effects

  /** Stop accepting batches, settle the journal (sealed batches applied, partial ones dropped), serve as primary. */
  private async promote(generation: number): Promise<void> {
    if (this.target !== undefined) await this.target.stop(`promoting ${this.current.name} to generation ${generation}`);
    const applier = this.openApplier();
    if (applier !== undefined) await applier.recover();
    this.setGeneration(generation);
    const guard = this.current.guard;
    if (guard !== undefined) {
      // Promoted, the replica is the data: what was written to it behind doppel is part of it now.
      this.ctx.log.warn(`${this.current.name}: promoted with ${guard.paths.length} path(s) written behind doppel (${guard.paths.slice(0, 10).join(', ')}); they are part of the primary data now`);
      this.setGuard(undefined);
    }
    await this.switchRole('source');
  }

  /** Drain what the peer lacks, stop the workload here (hook), send the last changes, hand the role over. */
  private async handOver(generation: number): Promise<void> {
    const kind = this.failover.state.phase === 'failing-back' ? 'failback' : 'switchover';
    const source = this.source;
    if (source === undefined) throw new Error(`${this.current.name} is not acting as source here`);
    // A stale peer rejoins only for an offer marked failback: start a session that says so.
    if (kind === 'failback') source.restartSession();
    await source.caughtUp();
    await this.runHook(kind, generation, 'stop', true);
    await source.caughtUp();
    await source.handOver(generation, HANDOVER_TIMEOUT_MS);
    this.failover.dispatch({ type: `${kind}-done` });
  }

  /**
   * Runs the protection's hook for `event` on `replicaPath`: `start` (this side took the role, or a
   * test failover's copy is ready) runs the failover hook, `stop` (about to give it up) the failback
   * or switchover hook. A failed `stop` hook stops the handover when `mustSucceed`; a failed
   * `start` hook is reported, the role stays taken.
   */
  private async runHook(event: HookEvent, generation: number, action: 'start' | 'stop', mustSucceed = false, replicaPath = this.dataPath): Promise<void> {
    const hooks = this.current.options.hooks;
    const command = action === 'start' ? hooks.failover : event === 'failback' ? hooks.failback : hooks.switchover;
    if (command === '' || this.hooks === undefined) {
      this.ctx.log.info(`${this.current.name}: ${event}: no ${action === 'start' ? 'failover' : event} hook is set`);
      return;
    }
    const sourceIsPeer = this.current.role === 'target';
    const result = await this.hooks.run({
      event, protection: this.current.name, command, timeoutMs: hooks.timeoutMs, generation, action,
      sourcePeer: sourceIsPeer ? this.current.peerId : this.ctx.peerId,
      sourceName: sourceIsPeer ? this.ctx.peerName(this.current.peerId) ?? '' : this.ctx.name,
      replicaPath,
    });
    const failure = hookFailure(result);
    if (failure === undefined) return;
    this.setError(failure.message);
    if (mustSucceed) throw failure;
  }

  /** The applier of this side's data when it acts as target; undefined where there is none yet. */
  openApplier(): Applier | undefined {
    return applierFor(this.ctx, this.current);
  }

  private setGeneration(generation: number): void {
    this.current = { ...this.current, generation };
    this.store.setGeneration(this.current.id, generation);
  }

  private setPaused(paused: boolean): void {
    this.current = { ...this.current, paused };
    this.store.setPaused(this.current.id, paused);
  }

  private strategyFor(role: Role): SourceStrategy | TargetStrategy {
    return role === 'source' ? new SourceStrategy(this) : new TargetStrategy(this);
  }

  /** Every change of what status shows, besides the counters sampled by 'stats', is announced. */
  changed(): void {
    this.ctx.publish('protection', this.status());
  }
}
