// One protection on this peer. The runtime owns its row (the only copy kept in memory), generation
// and live state, and holds the behaviour of the role it acts in now as a strategy: source.ts or
// target.ts, one at a time. Failover switches between them; the status shown for the protection
// is built here alone, from the row and the strategy's facts.
import { NO_THROUGHPUT, sampleThroughput, type Throughput } from '../../core/throughput.js';
import type { ProtectionRow, ProtectionStore, Role } from '../../store/protections.js';
import type { DaemonContext } from '../services.js';
import { emptyCounters, type Counters, type ProtectionState, type ProtectionStatus } from '../status.js';
import { SourceStrategy } from './source.js';
import type { ProtectionHost } from './strategy.js';
import { TargetStrategy } from './target.js';

export class ProtectionRuntime implements ProtectionHost {
  readonly counters: Counters = emptyCounters();
  private current: ProtectionRow;
  private live: ProtectionState = 'disconnected';
  private throughput: Throughput = NO_THROUGHPUT;
  private strategy: SourceStrategy | TargetStrategy;

  constructor(readonly ctx: DaemonContext, readonly store: ProtectionStore, row: ProtectionRow) {
    this.current = row;
    this.strategy = this.strategyFor(row.role);
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

  /** The source strategy while acting as source. */
  get source(): SourceStrategy | undefined {
    return this.strategy instanceof SourceStrategy ? this.strategy : undefined;
  }

  /** The target strategy while acting as target. */
  get target(): TargetStrategy | undefined {
    return this.strategy instanceof TargetStrategy ? this.strategy : undefined;
  }

  start(): Promise<void> {
    return this.strategy.start();
  }

  stop(reason: string): Promise<void> {
    return this.strategy.stop(reason);
  }

  /** Stops the current strategy and starts the other role's; the row's configured role stays. */
  async switchRole(role: Role): Promise<void> {
    if (role === this.role) return;
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

  /** Peer connectivity changed: a source tries again now rather than at the end of its backoff. */
  nudge(): void {
    this.source?.nudge();
  }

  status(): ProtectionStatus {
    const row = this.current;
    const facts = this.strategy.facts();
    const bps = this.throughput.bps;
    const mirror = facts.mirror;
    const left = mirror === null ? 0 : mirror.totalBytes - mirror.doneBytes;
    const eta = bps > 0 ? Math.ceil(left / bps) : null;
    return {
      name: row.name,
      role: this.role,
      peer: row.peerId,
      peerName: this.ctx.peerName(row.peerId) ?? null,
      path: row.path,
      kind: row.kind,
      state: row.paused ? 'paused' : this.live,
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
  }

  setAppliedSeq(seq: number): void {
    this.current = { ...this.current, appliedSeq: seq };
  }

  private setPaused(paused: boolean): void {
    this.current = { ...this.current, paused };
    this.store.setPaused(this.current.id, paused);
  }

  private strategyFor(role: Role): SourceStrategy | TargetStrategy {
    return role === 'source' ? new SourceStrategy(this) : new TargetStrategy(this);
  }

  /** Every change of what status shows, besides the counters sampled by 'stats', is announced. */
  private changed(): void {
    this.ctx.publish('protection', this.status());
  }
}
