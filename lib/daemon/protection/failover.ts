// Drives one protection's failover state machine (lib/core/failover.ts) with real time and real
// effects: it feeds heartbeats (the peer's last frame), timer ticks and operator requests, persists
// the state whenever a step has effects, and carries the effects out one at a time, in order,
// through the ports the runtime gives it. Decisions stay in the pure machine; this is the wiring.
import {
  countdown, nextTickAt, statusWord, step, type FailoverEffect, type FailoverEvent, type FailoverPolicy, type FailoverState,
} from '../../core/failover.js';
import type { Logger } from '../../log.js';
import type { Clock } from '../clock.js';

/** What the controller needs of the runtime and the daemon. */
export interface FailoverPorts {
  clock: Clock;
  log: Logger;
  /** Wall-clock ms of the latest frame from the peer; undefined while it is not connected. */
  lastHeard(): number | undefined;
  /** Asks the other trusted peers whether they heard from the peer within `withinMs`. */
  askWitnesses(withinMs: number): Promise<{ asked: number; reachable: number }>;
  /** Stop accepting batches, settle the journal, serve the data as primary at `generation`. */
  promote(generation: number): Promise<void>;
  runHook(event: 'failover' | 'failback' | 'switchover', generation: number): Promise<void>;
  /** Send the peer what it lacks, then hand it the primary role at `generation`. */
  handOver(generation: number): Promise<void>;
  /** Act as the peer's target at `generation`. */
  follow(generation: number): Promise<void>;
  /** Stop sending; the data stays as it is. */
  stopReplicating(): Promise<void>;
  persist(state: FailoverState): void;
  /** The phase or its reason changed. */
  announce(state: FailoverState): void;
}

/** The failover part of `status --json`. */
export interface FailoverView {
  /** The failover word that replaces the replication state, or null. */
  word: ReturnType<typeof statusWord>;
  reason: string | null;
  sourceLostForMs: number | null;
  failoverInMs: number | null;
}

export class FailoverController {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Effects wait while held (see hold). */
  private held = false;
  private readonly queue: FailoverEffect[] = [];
  private running: Promise<void> | undefined;

  constructor(private current: FailoverState, private readonly ports: FailoverPorts) {}

  get state(): FailoverState {
    return this.current;
  }

  /** Resumes the persisted phase under the policy configured now, then watches the peer. */
  start(policy: FailoverPolicy): void {
    this.dispatch({ type: 'restarted', policy });
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Feeds one event; returns the refusal when the machine refused an operator request. The
   * effects run in the background, in order; `settled()` waits for them.
   */
  dispatch(event: FailoverEvent): string | undefined {
    const now = this.ports.clock.now();
    const out = step(this.current, event, now);
    const before = this.current;
    this.current = out.state;
    let refusal: string | undefined;
    const effects: FailoverEffect[] = [];
    for (const effect of out.effects) {
      if (effect.type === 'refuse') refusal = effect.reason;
      else effects.push(effect);
    }
    if (effects.length > 0 || before.generation !== out.state.generation) this.ports.persist(out.state);
    this.queue.push(...effects);
    this.drain();
    if (before.phase !== out.state.phase || before.deadlineMs !== out.state.deadlineMs) this.arm();
    return refusal;
  }

  /**
   * Effects of the steps from here on wait until release(): a role taken over the wire is
   * persisted first, answered, and only then carried out (carrying it out ends the session).
   */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.drain();
  }

  /** A generation set outside the machine (adopted from the peer, or a split brain resolved). */
  setGeneration(generation: number): void {
    this.current = { ...this.current, generation };
    this.ports.persist(this.current);
  }

  /** A split brain resolved by giving up this side's data: it follows the peer at `generation`. */
  demote(generation: number): void {
    const now = this.ports.clock.now();
    this.current = { ...this.current, phase: 'watching', generation, lastHeartbeatMs: now, waitingFor: null, deadlineMs: null, witnessesSeeSource: false, peerGeneration: null, reason: null };
    this.ports.persist(this.current);
    this.ports.announce(this.current);
    this.arm();
  }

  /** The operator changed the policy: it applies from now on (persisted with the state). */
  setPolicy(policy: FailoverPolicy): void {
    this.current = { ...this.current, policy };
    this.ports.persist(this.current);
    this.arm();
  }

  /** Resolves once every effect queued so far has been carried out. */
  async settled(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  view(): FailoverView {
    const now = this.ports.clock.now();
    const c = countdown(this.current, now);
    return { word: statusWord(this.current), reason: this.current.reason, sourceLostForMs: c?.sourceLostForMs ?? null, failoverInMs: c?.failoverInMs ?? null };
  }

  /** Re-reads the peer's liveness now (a connection event) rather than at the next poll. */
  poll(): void {
    if (this.stopped) return;
    const heard = this.ports.lastHeard();
    if (heard !== undefined && heard > this.current.lastHeartbeatMs) this.dispatch({ type: 'heartbeat' });
    const due = nextTickAt(this.current);
    if (due !== null && due <= this.ports.clock.now()) this.dispatch({ type: 'tick' });
  }

  /** Polls the peer's liveness a few times per heartbeat while watching or counting down. */
  private arm(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const watching = this.current.phase === 'watching' || this.current.phase === 'source-lost';
    if (!watching) return;
    const every = Math.max(25, Math.min(250, Math.floor(this.current.policy.heartbeatMs / 4)));
    this.timer = setTimeout(() => {
      this.poll();
      this.arm();
    }, every);
    this.timer.unref();
  }

  private drain(): void {
    if (this.running !== undefined || this.queue.length === 0 || this.held || this.stopped) return;
    this.running = (async () => {
      while (this.queue.length > 0 && !this.held && !this.stopped) await this.carryOut(this.queue.shift()!);
    })().finally(() => {
      this.running = undefined;
      this.drain();
    });
  }

  private async carryOut(effect: FailoverEffect): Promise<void> {
    const { log } = this.ports;
    try {
      switch (effect.type) {
        case 'announce': this.ports.announce(this.current); return;
        case 'log': log[effect.level](effect.message); return;
        case 'refuse': return;
        case 'ask-witnesses': {
          const windowMs = this.current.policy.heartbeatMs * this.current.policy.missed;
          const answers = await this.ports.askWitnesses(windowMs);
          this.dispatch({ type: 'witness-answers', ...answers });
          return;
        }
        case 'promote':
          await this.ports.promote(effect.generation);
          // Primary from here; the hook (next effect) may take long and does not hold it back.
          this.dispatch({ type: 'promoted' });
          return;
        case 'run-hook': await this.ports.runHook(effect.event, effect.generation); return;
        case 'hand-over': await this.ports.handOver(effect.generation); return;
        case 'follow': await this.ports.follow(effect.generation); return;
        case 'stop-replicating': await this.ports.stopReplicating(); return;
      }
    } catch (err) {
      const reason = (err as Error).message;
      log.error(`failover: ${effect.type} failed: ${reason}`);
      // The rest of a failed promotion or handover must not run as if it had worked.
      if (effect.type === 'promote') {
        this.queue.length = 0;
        this.dispatch({ type: 'promotion-failed', reason });
      } else if (effect.type === 'hand-over') {
        this.queue.length = 0;
        this.dispatch({ type: 'handover-failed', reason });
      }
    }
  }
}
