// The failover state machine of one protection on one peer: step(state, event, now) returns the
// next state and the effects the daemon must carry out, in order. The daemon feeds it heartbeats,
// timer ticks, operator commands and what the peer announces, and persists the state after every
// step that returned effects (a step without effects changed at most what a restart recomputes,
// timing and the configured policy, so a heartbeat a second costs no write). `now` is wall-clock
// ms (Date.now()): the state outlives the process, so its times must mean the same after a restart.
//
// After a restart the daemon feeds `{ type: 'restarted', policy }` first and the same phase
// resumes. A countdown restarts from the restart time: nobody watched the source while the daemon
// was down, so it gets a whole window again. An unfinished promotion or handover re-issues its
// effects, which must therefore be idempotent (a hook may run twice after a crash mid-promotion).
import { FIRST_GENERATION, nextGeneration } from './generation.js';

export type FailoverMode = 'manual' | 'auto' | 'auto-unwitnessed';
export const FAILOVER_MODES: readonly FailoverMode[] = ['manual', 'auto', 'auto-unwitnessed'];

export interface FailoverPolicy {
  /**
   * manual: wait for the operator. auto: promote once witnesses answer and none reaches the source.
   * auto-unwitnessed: also promote when no witness answers (the operator accepts the split-brain risk).
   */
  mode: FailoverMode;
  heartbeatMs: number;
  /** Heartbeats missed in a row before the source is declared lost. */
  missed: number;
}

export const DEFAULT_FAILOVER_MODE: FailoverMode = 'manual';
export const DEFAULT_HEARTBEAT_MS = 1000;
export const DEFAULT_MISSED_HEARTBEATS = 3;

/** The protection's configured role on this peer; failover does not change it. */
export type Role = 'source' | 'target';

export type FailoverPhase =
  | 'source' // the source holding the primary role: replicates to its target
  | 'watching' // a target whose source is alive
  | 'source-lost' // a target whose source went silent: counting down, asking witnesses, or waiting for the operator
  | 'promoting' // a target becoming primary (journal settled, generation bumped, hook run)
  | 'promoted' // a target holding the primary role
  | 'stale' // a primary that saw a newer generation: must not act as source; waits for the operator
  | 'failing-back' // the role going from a promoted target back to its source (on both sides)
  | 'switching-over'; // the role going from a source to its target, planned (on both sides)

/**
 * What a phase waits for: the countdown to deadlineMs, the witnesses' answers, the operator (manual,
 * a failed promotion, stale; under auto the witnesses are still asked again at deadlineMs), the peer
 * (its part of a handover), the daemon (the promote and run-hook effects). Null: nothing in particular.
 */
export type Waiting = 'countdown' | 'witnesses' | 'operator' | 'peer' | 'daemon';

/** Everything needed to resume after a restart; plain JSON. */
export interface FailoverState {
  role: Role;
  phase: FailoverPhase;
  policy: FailoverPolicy;
  generation: number;
  /** When the source was last heard from (or watching began). */
  lastHeartbeatMs: number;
  waitingFor: Waiting | null;
  /** source-lost: when the witnesses are (next) asked; null when nothing is scheduled. */
  deadlineMs: number | null;
  /** The last witness answer said the source is still reachable: failing over then needs force. */
  witnessesSeeSource: boolean;
  /** stale: the generation the peer announced. */
  peerGeneration: number | null;
  /** Why the phase holds, for status and the dashboard. */
  reason: string | null;
}

export type HandoverKind = 'failback' | 'switchover';

export type FailoverEvent =
  /** From the source: it is alive. */
  | { type: 'heartbeat' }
  | { type: 'tick' }
  | { type: 'failover-requested'; force: boolean }
  /** `asked` counts the witnesses that answered: silence proves nothing, this side may be the isolated one. */
  | { type: 'witness-answers'; reachable: number; asked: number }
  /** The promote and run-hook effects are done: this side holds the primary role. */
  | { type: 'promoted' }
  /** The promote effect failed (journal not settled, generation not persisted). */
  | { type: 'promotion-failed'; reason: string }
  | { type: 'peer-generation'; generation: number }
  /** The operator agrees that a stale side becomes the target of the newer one. */
  | { type: 'rejoin-requested' }
  | { type: 'failback-requested' }
  /** Giving side: the peer holds the role at the next generation. Taking side: the peer drained and released it. */
  | { type: 'failback-done' }
  | { type: 'switchover-requested' }
  | { type: 'switchover-done' }
  /** The handover stopped before the role moved (peer gone, drain failed): both keep their roles. */
  | { type: 'handover-failed'; reason: string }
  /** The daemon started again with this state; `policy` is the one configured now. */
  | { type: 'restarted'; policy: FailoverPolicy };

export type FailoverEffect =
  /** Publish the phase (countdown start and cancel included) to status and the event stream. */
  | { type: 'announce'; phase: FailoverPhase; reason: string | null }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  /** The answer to an operator command that was not carried out. */
  | { type: 'refuse'; reason: string }
  | { type: 'ask-witnesses' }
  /** Stop accepting batches, settle the journal, persist `generation`, serve as primary. */
  | { type: 'promote'; generation: number }
  /** After promote; a failing hook is reported but does not undo the promotion. */
  | { type: 'run-hook'; event: 'failover' | HandoverKind; generation: number }
  /** Stop sending batches; the local data stays as it is. */
  | { type: 'stop-replicating' }
  /** Drain what the peer lacks (the application must be stopped here), then tell it to take the role at `generation`. */
  | { type: 'hand-over'; generation: number }
  /** Become the peer's target at `generation`: it resends only the blocks that differ. */
  | { type: 'follow'; generation: number };

/** The fields a phase change clears. */
const idle = { waitingFor: null, deadlineMs: null, witnessesSeeSource: false, reason: null } as const;

export interface Step {
  state: FailoverState;
  effects: FailoverEffect[];
}

/** The policy with defaults filled in; a RangeError names a bad value. */
export function failoverPolicy(partial: Partial<FailoverPolicy> = {}): FailoverPolicy {
  const policy: FailoverPolicy = {
    mode: partial.mode ?? DEFAULT_FAILOVER_MODE,
    heartbeatMs: partial.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    missed: partial.missed ?? DEFAULT_MISSED_HEARTBEATS,
  };
  if (!FAILOVER_MODES.includes(policy.mode)) throw new RangeError(`failover mode must be ${FAILOVER_MODES.join(', ')}; got ${JSON.stringify(policy.mode)}`);
  for (const key of ['heartbeatMs', 'missed'] as const) {
    if (!Number.isSafeInteger(policy[key]) || policy[key] < 1) throw new RangeError(`failover ${key} must be a whole number of at least 1; got ${policy[key]}`);
  }
  return policy;
}

export function initialState(role: Role, policy: Partial<FailoverPolicy>, now: number, generation = FIRST_GENERATION): FailoverState {
  const phase = role === 'source' ? 'source' : 'watching';
  return { role, phase, policy: failoverPolicy(policy), generation, lastHeartbeatMs: now, ...idle, peerGeneration: null };
}

/** Silence after which an automatic failover asks the witnesses (interval × missed). */
export function lostAfterMs(policy: FailoverPolicy): number {
  return policy.heartbeatMs * policy.missed;
}

/**
 * Silence after which the source is shown lost and the countdown to lostAfterMs runs: a heartbeat
 * and a half, so one late heartbeat is jitter, not an alarm.
 */
export function suspectAfterMs(policy: FailoverPolicy): number {
  return Math.min(lostAfterMs(policy), Math.ceil(policy.heartbeatMs * 1.5));
}

/**
 * What status shows while the source is lost; null in other phases. failoverInMs is null when no
 * automatic failover is scheduled (manual, or no witness allows it yet), 0 while witnesses are asked.
 */
export function countdown(state: FailoverState, now: number): { sourceLostForMs: number; failoverInMs: number | null } | null {
  if (state.phase !== 'source-lost') return null;
  const sourceLostForMs = Math.max(0, now - state.lastHeartbeatMs);
  if (state.waitingFor === 'witnesses') return { sourceLostForMs, failoverInMs: 0 };
  if (state.waitingFor === 'countdown' && state.deadlineMs !== null) return { sourceLostForMs, failoverInMs: Math.max(0, state.deadlineMs - now) };
  return { sourceLostForMs, failoverInMs: null };
}

/** When a tick can next change something, so the daemon arms one timer instead of polling. */
export function nextTickAt(state: FailoverState): number | null {
  if (state.phase === 'watching') return state.lastHeartbeatMs + suspectAfterMs(state.policy);
  return state.phase === 'source-lost' ? state.deadlineMs : null;
}

/** The failover word `doppel status --json` shows; null: the replication state applies. */
export function statusWord(state: FailoverState): 'source-lost' | 'promoted' | 'stale' | 'failing-back' | 'switching-over' | null {
  if (state.phase === 'source' || state.phase === 'watching') return null;
  // Not primary until the promotion is done.
  return state.phase === 'promoting' ? 'source-lost' : state.phase;
}

export function step(state: FailoverState, event: FailoverEvent, now: number): Step {
  switch (event.type) {
    case 'heartbeat':
      if (state.phase === 'source-lost') {
        const message = `the source is back after ${now - state.lastHeartbeatMs} ms of silence; failover cancelled`;
        return moveTo(state, { phase: 'watching', lastHeartbeatMs: now, ...idle }, log('info', message));
      }
      return stay(state.phase === 'watching' ? { ...state, lastHeartbeatMs: now } : state);
    case 'tick': {
      // A clock stepped back must not put the decision off until it catches up: a window from now at most.
      const window = lostAfterMs(state.policy);
      if (state.phase === 'watching') {
        if (now < state.lastHeartbeatMs) return stay({ ...state, lastHeartbeatMs: now });
        return now - state.lastHeartbeatMs >= suspectAfterMs(state.policy) ? sourceLost(state, now, state.lastHeartbeatMs + window) : stay(state);
      }
      if (state.phase !== 'source-lost' || state.deadlineMs === null) return stay(state);
      if (now < state.deadlineMs) return stay(state.deadlineMs - now > window ? { ...state, deadlineMs: now + window } : state);
      return moveTo(state, { waitingFor: 'witnesses', deadlineMs: null, reason: 'asking the witnesses whether they still reach the source' }, { type: 'ask-witnesses' });
    }
    case 'witness-answers':
      return witnessAnswers(state, event.reachable, event.asked, now);
    case 'failover-requested':
      return failoverRequested(state, event.force, now);
    case 'promoted':
      if (state.waitingFor !== 'daemon') return stay(state);
      return moveTo(state, { phase: primaryPhase(state.role), ...idle }, log('info', `this side holds the primary role at generation ${state.generation}`));
    case 'promotion-failed': {
      if (state.waitingFor !== 'daemon') return stay(state);
      const reason = `taking the primary role at generation ${state.generation} failed: ${event.reason}; repair that and request the ${hookFor(state)} again`;
      return moveTo(state, { waitingFor: 'operator', reason }, log('error', reason));
    }
    case 'peer-generation':
      return peerGeneration(state, event.generation);
    case 'rejoin-requested': {
      if (state.phase !== 'stale' || state.peerGeneration === null) return refuse(state, `only a stale side rejoins the peer as its target; this side is ${state.phase}`);
      const generation = state.peerGeneration;
      const message = `rejoining the peer as its target at generation ${generation}; it resends only the blocks that differ`;
      return moveTo(state, { phase: 'watching', generation, peerGeneration: null, lastHeartbeatMs: now, ...idle }, log('info', message), { type: 'follow', generation });
    }
    case 'failback-requested':
    case 'switchover-requested':
      return handoverRequested(state, event.type === 'failback-requested' ? 'failback' : 'switchover');
    case 'failback-done':
    case 'switchover-done':
      return handoverDone(state, event.type === 'failback-done' ? 'failback' : 'switchover', now);
    case 'handover-failed': {
      if (!isHandover(state) || state.waitingFor !== 'peer') return stay(state);
      const keeps = giving(state) ? 'keeps the primary role' : 'stays the target';
      const back = giving(state) ? { phase: primaryPhase(state.role) } : { phase: 'watching' as const, lastHeartbeatMs: now };
      return moveTo(state, { ...back, ...idle }, log('error', `${hookFor(state)} stopped: ${event.reason}; this side ${keeps} at generation ${state.generation}`));
    }
    case 'restarted':
      return restarted({ ...state, policy: failoverPolicy(event.policy) }, now);
  }
}

const stay = (state: FailoverState): Step => ({ state, effects: [] });
const refuse = (state: FailoverState, reason: string): Step => ({ state, effects: [{ type: 'refuse', reason }] });
const log = (level: 'info' | 'warn' | 'error', message: string): FailoverEffect => ({ type: 'log', level, message });

/**
 * Applies `changes`. When the phase or its reason changed, the announcement goes first: status must
 * say 'promoting' while the promotion runs, not after it.
 */
function moveTo(state: FailoverState, changes: Partial<FailoverState>, ...effects: FailoverEffect[]): Step {
  const next = { ...state, ...changes };
  if (next.phase !== state.phase || next.reason !== state.reason) effects.unshift({ type: 'announce', phase: next.phase, reason: next.reason });
  return { state: next, effects };
}

const primaryPhase = (role: Role): 'source' | 'promoted' => (role === 'source' ? 'source' : 'promoted');
const isHandover = (state: FailoverState): boolean => state.phase === 'failing-back' || state.phase === 'switching-over';

/** In a handover, the side that holds the role: a promoted target failing back, a source switching over. */
function giving(state: FailoverState): boolean {
  return state.phase === 'failing-back' ? state.role === 'target' : state.phase === 'switching-over' && state.role === 'source';
}

function hookFor(state: FailoverState): 'failover' | HandoverKind {
  return state.phase === 'failing-back' ? 'failback' : state.phase === 'switching-over' ? 'switchover' : 'failover';
}

/** The effects of taking the primary role; in phases that wait for the daemon they are re-issued after a restart. */
function takeRole(event: 'failover' | HandoverKind, generation: number): FailoverEffect[] {
  return [{ type: 'promote', generation }, { type: 'run-hook', event, generation }];
}

/** Shows the source lost; under auto the witnesses are asked at `deadlineMs`. */
function sourceLost(state: FailoverState, now: number, deadlineMs: number): Step {
  const silence = `no heartbeat from the source for ${now - state.lastHeartbeatMs} ms`;
  if (state.policy.mode === 'manual') {
    const reason = `${silence}; the failover policy is manual: waiting for the operator`;
    return moveTo(state, { phase: 'source-lost', ...idle, waitingFor: 'operator', reason }, log('warn', reason));
  }
  const reason = `${silence}; failing over in ${Math.max(0, deadlineMs - now)} ms unless it comes back (witnesses are asked first)`;
  return moveTo(state, { phase: 'source-lost', ...idle, waitingFor: 'countdown', deadlineMs, reason }, log('warn', reason));
}

function witnessAnswers(state: FailoverState, reachable: number, asked: number, now: number): Step {
  // A late answer (the source came back, the operator acted) decides nothing.
  if (state.phase !== 'source-lost' || state.waitingFor !== 'witnesses') return stay(state);
  const window = lostAfterMs(state.policy);
  // Held, not given up: the source may still die for real, so the witnesses are asked again.
  const held = { waitingFor: 'operator' as const, deadlineMs: now + window };
  if (reachable > 0) {
    const reason = `${reachable} of ${asked} witnesses still reach the source: the link to it is down, not the source; not promoting, asking again in ${window} ms (force a failover if you know it is not serving)`;
    return moveTo(state, { ...held, witnessesSeeSource: true, reason }, log('warn', reason));
  }
  if (asked === 0 && state.policy.mode !== 'auto-unwitnessed') {
    const reason = `no witness answered, and two peers alone cannot tell a dead source from a cut link; not promoting, asking again in ${window} ms (fail over by hand, or set the policy to auto-unwitnessed to accept the risk)`;
    return moveTo(state, { ...held, witnessesSeeSource: false, reason }, log('warn', reason));
  }
  return promote(state, asked === 0 ? 'no witness answered and the policy is auto-unwitnessed' : `none of ${asked} witnesses reaches the source`);
}

function promote(state: FailoverState, why: string): Step {
  const generation = nextGeneration(state.generation);
  const reason = `promoting this replica to generation ${generation}`;
  return moveTo(state, { phase: 'promoting', generation, ...idle, waitingFor: 'daemon', reason }, log('warn', `${why}: ${reason}`), ...takeRole('failover', generation));
}

function failoverRequested(state: FailoverState, force: boolean, now: number): Step {
  switch (state.phase) {
    case 'watching':
      if (force) return promote(state, 'failover forced by the operator while the source was alive');
      return refuse(state, `the source is alive (last heartbeat ${now - state.lastHeartbeatMs} ms ago); failing over now makes two primaries: stop the source first, or force it`);
    case 'source-lost':
      if (state.witnessesSeeSource && !force) return refuse(state, 'witnesses still reach the source, so it is probably serving; failing over now makes two primaries: force it if you know it is not');
      return promote(state, 'failover requested by the operator');
    case 'promoting':
      if (state.waitingFor === 'operator') return moveTo(state, { waitingFor: 'daemon', reason: `promoting this replica to generation ${state.generation}` }, ...takeRole('failover', state.generation));
      return refuse(state, `a promotion to generation ${state.generation} is already under way`);
    case 'source':
    case 'promoted':
      return refuse(state, `this side already holds the primary role (generation ${state.generation})`);
    case 'stale':
      return refuse(state, staleRefusal(state));
    default:
      return refuse(state, `a ${hookFor(state)} is under way; wait for it to end`);
  }
}

function staleRefusal(state: FailoverState): string {
  return `this side is stale (the peer holds generation ${state.peerGeneration}); rejoin the peer as its target first`;
}

function peerGeneration(state: FailoverState, generation: number): Step {
  if (state.phase === 'source' || state.phase === 'promoted' || giving(state)) {
    // The giving side of a handover expects the peer to announce the generation it hands over.
    if (generation <= state.generation + (giving(state) ? 1 : 0)) return stay(state);
    const reason = `the peer holds generation ${generation}, newer than this side's ${state.generation}: it was failed over, so this side must not act as source; waiting for the operator to rejoin it as the peer's target`;
    return moveTo(state, { phase: 'stale', ...idle, waitingFor: 'operator', peerGeneration: generation, reason }, { type: 'stop-replicating' }, log('warn', reason));
  }
  if (state.phase === 'stale' && generation > (state.peerGeneration ?? 0)) {
    return { state: { ...state, peerGeneration: generation }, effects: [log('info', `the peer now holds generation ${generation}`)] };
  }
  // A target follows its source's generation.
  if ((state.phase === 'watching' || state.phase === 'source-lost') && generation > state.generation) {
    return { state: { ...state, generation }, effects: [log('info', `the source is at generation ${generation} (this side had ${state.generation}); following it`), { type: 'follow', generation }] };
  }
  return stay(state);
}

function handoverRequested(state: FailoverState, kind: HandoverKind): Step {
  const phase = kind === 'failback' ? 'failing-back' : 'switching-over';
  // failback: promoted target -> its source; switchover: source -> its target.
  const giver = kind === 'failback' ? 'promoted' : 'source';
  const taker: Role = kind === 'failback' ? 'source' : 'target';
  if (state.phase === giver) {
    const generation = nextGeneration(state.generation);
    const reason = `${kind}: sending the peer what it lacks, then handing it the primary role at generation ${generation}`;
    return moveTo(state, { phase, ...idle, waitingFor: 'peer', reason }, log('info', reason), { type: 'hand-over', generation });
  }
  if (state.phase === 'watching' && state.role === taker) {
    const reason = `${kind}: taking the primary role once the peer has sent what this side lacks`;
    return moveTo(state, { phase, ...idle, waitingFor: 'peer', reason }, log('info', reason));
  }
  if (state.phase === phase && state.waitingFor === 'operator') return moveTo(state, { waitingFor: 'daemon', reason: `${kind}: taking the primary role at generation ${state.generation}` }, ...takeRole(kind, state.generation));
  if (state.phase === 'stale') return refuse(state, staleRefusal(state));
  if (state.phase === phase) return refuse(state, `a ${kind} is already under way`);
  return refuse(state, kind === 'failback'
    ? `failback returns the primary role from a promoted replica to its source, run on either once the source has rejoined as the replica's target; this side is ${state.phase}`
    : `switchover hands the primary role from a source to its target, run on either while the target is watching; this side is ${state.phase}${state.phase === 'promoted' ? ' (a promoted replica gives the role back with failback)' : ''}`);
}

function handoverDone(state: FailoverState, kind: HandoverKind, now: number): Step {
  if (state.phase !== (kind === 'failback' ? 'failing-back' : 'switching-over') || state.waitingFor !== 'peer') return stay(state);
  const generation = nextGeneration(state.generation);
  if (giving(state)) {
    const message = `${kind}: the peer holds the primary role at generation ${generation}; this side is its target`;
    return moveTo(state, { phase: 'watching', generation, lastHeartbeatMs: now, ...idle }, log('info', message), { type: 'follow', generation });
  }
  const reason = `${kind}: taking the primary role at generation ${generation}`;
  return moveTo(state, { generation, waitingFor: 'daemon', reason }, log('info', reason), ...takeRole(kind, generation));
}

function restarted(state: FailoverState, now: number): Step {
  if (state.phase === 'watching') return stay({ ...state, lastHeartbeatMs: now });
  // lastHeartbeatMs is kept, so status still tells how long the source has really been silent.
  // Nobody watched the source while the daemon was down: a whole window again.
  if (state.phase === 'source-lost') return sourceLost(state, now, now + lostAfterMs(state.policy));
  if (state.waitingFor === 'daemon') return { state, effects: takeRole(hookFor(state), state.generation) };
  if (giving(state) && state.waitingFor === 'peer') return { state, effects: [{ type: 'hand-over', generation: nextGeneration(state.generation) }] };
  return stay(state);
}
