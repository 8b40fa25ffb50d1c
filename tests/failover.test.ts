import '../lib/polyfill.js';
import test from 'ava';
import {
  countdown, DEFAULT_FAILOVER_MODE, DEFAULT_HEARTBEAT_MS, DEFAULT_MISSED_HEARTBEATS, failoverPolicy, initialState, nextTickAt, statusWord, step,
  type FailoverEffect, type FailoverEvent, type FailoverMode, type FailoverPhase, type FailoverState, type Role,
} from '../lib/core/failover.js';

// Defaults throughout: a heartbeat a second, so the source is shown lost after 1500 ms of silence
// and failed over (witnesses asked) after 3 missed, 3000 ms after its last heartbeat.
const hb: FailoverEvent = { type: 'heartbeat' };
const tick: FailoverEvent = { type: 'tick' };
const failover = (force = false): FailoverEvent => ({ type: 'failover-requested', force });
const answers = (reachable: number, asked: number): FailoverEvent => ({ type: 'witness-answers', reachable, asked });
const peerAt = (generation: number): FailoverEvent => ({ type: 'peer-generation', generation });
const promoted: FailoverEvent = { type: 'promoted' };
const rejoin: FailoverEvent = { type: 'rejoin-requested' };
const restarted = (mode: FailoverMode = 'auto'): FailoverEvent => ({ type: 'restarted', policy: failoverPolicy({ mode }) });
const ev = (type: 'failback-requested' | 'failback-done' | 'switchover-requested' | 'switchover-done'): FailoverEvent => ({ type });

type Timeline = Array<[ms: number, event: FailoverEvent]>;

/** Runs the events from a fresh state at time 0; returns the end state and every effect but logs. */
function run(role: Role, mode: FailoverMode, timeline: Timeline): { state: FailoverState; effects: string[]; all: FailoverEffect[] } {
  let state = initialState(role, { mode }, 0);
  const all: FailoverEffect[] = [];
  for (const [ms, event] of timeline) {
    const out = step(state, event, ms);
    state = out.state;
    all.push(...out.effects);
  }
  return { state, effects: all.filter((e) => e.type !== 'log').map(brief), all };
}

function brief(e: FailoverEffect): string {
  switch (e.type) {
    case 'announce': return `announce ${e.phase}`;
    case 'promote': case 'hand-over': case 'follow': return `${e.type} ${e.generation}`;
    case 'run-hook': return `hook ${e.event} ${e.generation}`;
    default: return e.type;
  }
}

// Reaching the witness question under auto: lost at 1500, the countdown ends at 3000.
const asked: Timeline = [[1500, tick], [3000, tick]];
const promotedReplica: Timeline = [[10, failover(true)], [20, promoted]];
const staleSource: Timeline = [[10, peerAt(2)]];

const cases: Array<{ name: string; role: Role; mode: FailoverMode; timeline: Timeline; phase: FailoverPhase; generation?: number; effects: string[] }> = [
  { name: 'one late heartbeat is jitter, not a loss', role: 'target', mode: 'auto', timeline: [[1499, tick]], phase: 'watching', effects: [] },
  { name: 'the countdown starts after a heartbeat and a half of silence', role: 'target', mode: 'auto', timeline: [[1500, tick]], phase: 'source-lost', effects: ['announce source-lost'] },
  { name: 'heartbeats keep the source alive', role: 'target', mode: 'auto', timeline: [[1000, hb], [2000, hb], [3499, tick]], phase: 'watching', effects: [] },
  { name: 'the countdown ends interval × missed after the last heartbeat', role: 'target', mode: 'auto', timeline: [[1500, tick], [2999, tick], [3000, tick]], phase: 'source-lost', effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses'] },
  { name: 'a clock stepped back does not put off the loss until it catches up', role: 'target', mode: 'auto', timeline: [[100_000, hb], [50_000, tick], [51_499, tick], [51_500, tick]], phase: 'source-lost', effects: ['announce source-lost'] },
  { name: 'a clock stepped back does not put off the countdown', role: 'target', mode: 'auto', timeline: [[100_000, tick], [50_000, tick], [53_000, tick]], phase: 'source-lost', effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses'] },
  { name: 'a heartbeat before the end cancels the countdown', role: 'target', mode: 'auto', timeline: [[3000, tick], [5000, hb], [6000, tick]], phase: 'watching', effects: ['announce source-lost', 'announce watching'] },
  { name: 'a heartbeat cancels even while witnesses are asked', role: 'target', mode: 'auto', timeline: [...asked, [6100, hb], [6200, answers(0, 2)]], phase: 'watching', effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce watching'] },
  { name: 'manual waits for the operator however long', role: 'target', mode: 'manual', timeline: [[3000, tick], [600_000, tick]], phase: 'source-lost', effects: ['announce source-lost'] },
  { name: 'manual: the operator fails over a lost source', role: 'target', mode: 'manual', timeline: [[3000, tick], [9000, failover()], [9500, promoted]], phase: 'promoted', generation: 2, effects: ['announce source-lost', 'announce promoting', 'promote 2', 'hook failover 2', 'announce promoted'] },
  { name: 'auto: a witness that still sees the source holds the failover', role: 'target', mode: 'auto', timeline: [...asked, [6100, answers(1, 2)]], phase: 'source-lost', effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost'] },
  { name: 'auto: held by a witness, asked again a window later', role: 'target', mode: 'auto', timeline: [...asked, [6100, answers(1, 2)], [9099, tick], [9100, tick], [9200, answers(0, 2)]], phase: 'promoting', generation: 2, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce promoting', 'promote 2', 'hook failover 2'] },
  { name: 'auto: witnesses that do not see the source -> promotes', role: 'target', mode: 'auto', timeline: [...asked, [6100, answers(0, 2)], [6500, promoted]], phase: 'promoted', generation: 2, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce promoting', 'promote 2', 'hook failover 2', 'announce promoted'] },
  { name: 'auto: with no witness it never promotes', role: 'target', mode: 'auto', timeline: [...asked, [6100, answers(0, 0)], [9100, tick], [9200, answers(0, 0)], [60_000, tick], [60_100, answers(0, 0)]], phase: 'source-lost', generation: 1, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost'] },
  { name: 'auto-unwitnessed: with no witness it promotes', role: 'target', mode: 'auto-unwitnessed', timeline: [...asked, [6100, answers(0, 0)]], phase: 'promoting', generation: 2, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce promoting', 'promote 2', 'hook failover 2'] },
  { name: 'auto-unwitnessed: a witness that sees the source still holds it', role: 'target', mode: 'auto-unwitnessed', timeline: [...asked, [6100, answers(1, 1)]], phase: 'source-lost', generation: 1, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost'] },
  { name: 'a witness answer nobody waits for decides nothing', role: 'target', mode: 'auto', timeline: [[100, answers(0, 3)]], phase: 'watching', effects: [] },
  { name: 'failover is refused while the source is alive', role: 'target', mode: 'auto', timeline: [[1000, failover()]], phase: 'watching', generation: 1, effects: ['refuse'] },
  { name: 'a forced failover promotes while the source is alive', role: 'target', mode: 'manual', timeline: [[1000, failover(true)]], phase: 'promoting', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2'] },
  { name: 'failover is refused while a witness sees the source, unless forced', role: 'target', mode: 'auto', timeline: [...asked, [6100, answers(1, 1)], [7000, failover()], [7100, failover(true)]], phase: 'promoting', generation: 2, effects: ['announce source-lost', 'announce source-lost', 'ask-witnesses', 'announce source-lost', 'refuse', 'announce promoting', 'promote 2', 'hook failover 2'] },
  { name: 'a second failover request during a promotion is refused', role: 'target', mode: 'manual', timeline: [[10, failover(true)], [20, failover(true)]], phase: 'promoting', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'refuse'] },
  { name: 'a failed promotion waits for the operator, who retries the same generation', role: 'target', mode: 'manual', timeline: [[10, failover(true)], [20, { type: 'promotion-failed', reason: 'disk full' }], [30, failover()], [40, promoted]], phase: 'promoted', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'announce promoting', 'announce promoting', 'promote 2', 'hook failover 2', 'announce promoted'] },
  { name: 'a heartbeat during a promotion does not stop it', role: 'target', mode: 'manual', timeline: [[10, failover(true)], [20, hb], [30, promoted]], phase: 'promoted', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'announce promoted'] },
  { name: 'a primary refuses to fail over', role: 'source', mode: 'auto', timeline: [[10, failover(true)]], phase: 'source', generation: 1, effects: ['refuse'] },
  { name: 'a target follows a newer source generation', role: 'target', mode: 'auto', timeline: [[10, peerAt(4)]], phase: 'watching', generation: 4, effects: ['follow 4'] },
  { name: 'the source ignores an equal or lower generation', role: 'source', mode: 'auto', timeline: [[10, peerAt(1)]], phase: 'source', generation: 1, effects: [] },
  { name: 'a source that sees a newer generation is fenced: stale', role: 'source', mode: 'auto', timeline: staleSource, phase: 'stale', generation: 1, effects: ['announce stale', 'stop-replicating'] },
  { name: 'a promoted replica that sees a newer generation goes stale too', role: 'target', mode: 'manual', timeline: [...promotedReplica, [30, peerAt(3)]], phase: 'stale', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'announce promoted', 'announce stale', 'stop-replicating'] },
  { name: 'stale refuses failover, failback and switchover', role: 'source', mode: 'auto', timeline: [...staleSource, [20, failover(true)], [30, ev('failback-requested')], [40, ev('switchover-requested')]], phase: 'stale', effects: ['announce stale', 'stop-replicating', 'refuse', 'refuse', 'refuse'] },
  { name: 'stale rejoins as the target of the newer generation', role: 'source', mode: 'auto', timeline: [...staleSource, [20, rejoin]], phase: 'watching', generation: 2, effects: ['announce stale', 'stop-replicating', 'announce watching', 'follow 2'] },
  { name: 'only a stale side rejoins', role: 'target', mode: 'auto', timeline: [[10, rejoin]], phase: 'watching', effects: ['refuse'] },
  { name: 'failback, giving side: the promoted replica hands the role back and follows', role: 'target', mode: 'manual', timeline: [...promotedReplica, [30, ev('failback-requested')], [40, ev('failback-done')]], phase: 'watching', generation: 3, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'announce promoted', 'announce failing-back', 'hand-over 3', 'announce watching', 'follow 3'] },
  { name: 'failback, taking side: the rejoined source takes its role back', role: 'source', mode: 'auto', timeline: [...staleSource, [20, rejoin], [30, ev('failback-requested')], [40, ev('failback-done')], [50, promoted]], phase: 'source', generation: 3, effects: ['announce stale', 'stop-replicating', 'announce watching', 'follow 2', 'announce failing-back', 'announce failing-back', 'promote 3', 'hook failback 3', 'announce source'] },
  { name: 'switchover, giving side: the source hands the role over and follows', role: 'source', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, ev('switchover-done')]], phase: 'watching', generation: 2, effects: ['announce switching-over', 'hand-over 2', 'announce watching', 'follow 2'] },
  { name: 'switchover, taking side: the target takes the role', role: 'target', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, ev('switchover-done')], [30, promoted]], phase: 'promoted', generation: 2, effects: ['announce switching-over', 'announce switching-over', 'promote 2', 'hook switchover 2', 'announce promoted'] },
  { name: 'the giving side does not take the handed-over generation for a newer owner', role: 'source', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, peerAt(2)]], phase: 'switching-over', generation: 1, effects: ['announce switching-over', 'hand-over 2'] },
  { name: 'a handover that fails leaves the giver primary', role: 'source', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, { type: 'handover-failed', reason: 'peer gone' }]], phase: 'source', generation: 1, effects: ['announce switching-over', 'hand-over 2', 'announce source'] },
  { name: 'a handover that fails leaves the taker watching', role: 'target', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, { type: 'handover-failed', reason: 'peer gone' }]], phase: 'watching', generation: 1, effects: ['announce switching-over', 'announce watching'] },
  { name: 'failback is refused on a source', role: 'source', mode: 'auto', timeline: [[10, ev('failback-requested')]], phase: 'source', effects: ['refuse'] },
  { name: 'switchover is refused on a promoted replica (it fails back)', role: 'target', mode: 'manual', timeline: [...promotedReplica, [30, ev('switchover-requested')]], phase: 'promoted', effects: ['announce promoting', 'promote 2', 'hook failover 2', 'announce promoted', 'refuse'] },
  { name: 'a second switchover request is refused', role: 'source', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, ev('switchover-requested')]], phase: 'switching-over', effects: ['announce switching-over', 'hand-over 2', 'refuse'] },
  { name: 'restart while watching gives the source a whole window', role: 'target', mode: 'auto', timeline: [[2500, restarted()], [3999, tick], [4000, tick]], phase: 'source-lost', effects: ['announce source-lost'] },
  { name: 'restart during a countdown restarts it from the restart time', role: 'target', mode: 'auto', timeline: [[3000, tick], [5000, restarted()], [6000, tick], [7999, tick], [8000, tick]], phase: 'source-lost', effects: ['announce source-lost', 'announce source-lost', 'announce source-lost', 'ask-witnesses'] },
  { name: 'restart with a manual policy during a countdown waits for the operator', role: 'target', mode: 'auto', timeline: [[3000, tick], [5000, restarted('manual')], [60_000, tick]], phase: 'source-lost', effects: ['announce source-lost', 'announce source-lost'] },
  { name: 'restart mid-promotion runs the promotion and its hook again', role: 'target', mode: 'manual', timeline: [[10, failover(true)], [20, restarted('manual')]], phase: 'promoting', generation: 2, effects: ['announce promoting', 'promote 2', 'hook failover 2', 'promote 2', 'hook failover 2'] },
  { name: 'restart mid-handover hands over again', role: 'source', mode: 'auto', timeline: [[10, ev('switchover-requested')], [20, restarted()]], phase: 'switching-over', generation: 1, effects: ['announce switching-over', 'hand-over 2', 'hand-over 2'] },
  { name: 'restart of a stale side keeps it stale', role: 'source', mode: 'auto', timeline: [...staleSource, [20, restarted()]], phase: 'stale', effects: ['announce stale', 'stop-replicating'] },
];

for (const c of cases) {
  test(`failover: ${c.name}`, (t) => {
    const { state, effects } = run(c.role, c.mode, c.timeline);
    t.deepEqual(effects, c.effects);
    t.is(state.phase, c.phase);
    if (c.generation !== undefined) t.is(state.generation, c.generation);
  });
}

test('failover: refusals and holds say why and what the operator can do', (t) => {
  const alive = run('target', 'auto', [[1000, failover()]]).all.find((e) => e.type === 'refuse');
  t.regex(alive?.type === 'refuse' ? alive.reason : '', /source is alive.*force/);
  const held = run('target', 'auto', [...asked, [6100, answers(0, 0)]]).state;
  t.regex(held.reason ?? '', /no witness answered.*auto-unwitnessed/);
  t.regex(run('target', 'manual', [[3000, tick]]).state.reason ?? '', /manual: waiting for the operator/);
  t.regex(run('source', 'auto', staleSource).state.reason ?? '', /generation 2.*must not act as source/);
});

const countdownCases: Array<{ name: string; mode: FailoverMode; timeline: Timeline; now: number; want: ReturnType<typeof countdown> }> = [
  { name: 'none while the source is alive', mode: 'auto', timeline: [[1000, tick]], now: 1000, want: null },
  { name: 'just declared lost: the rest of the countdown is ahead', mode: 'auto', timeline: [[1500, tick]], now: 1500, want: { sourceLostForMs: 1500, failoverInMs: 1500 } },
  { name: 'counting down', mode: 'auto', timeline: [[1500, tick]], now: 2500, want: { sourceLostForMs: 2500, failoverInMs: 500 } },
  { name: 'while witnesses are asked the failover is due', mode: 'auto', timeline: asked, now: 6050, want: { sourceLostForMs: 6050, failoverInMs: 0 } },
  { name: 'held by a witness: no failover scheduled', mode: 'auto', timeline: [...asked, [6100, answers(1, 1)]], now: 7000, want: { sourceLostForMs: 7000, failoverInMs: null } },
  { name: 'manual: lost, and no failover scheduled', mode: 'manual', timeline: [[3000, tick]], now: 10_000, want: { sourceLostForMs: 10_000, failoverInMs: null } },
  { name: 'after a restart the silence still counts from the last heartbeat', mode: 'auto', timeline: [[3000, tick], [5000, restarted()]], now: 5000, want: { sourceLostForMs: 5000, failoverInMs: 3000 } },
];

for (const c of countdownCases) {
  test(`failover countdown: ${c.name}`, (t) => {
    t.deepEqual(countdown(run('target', c.mode, c.timeline).state, c.now), c.want);
  });
}

test('failover: the next tick that matters is the end of the silence, then the end of the countdown', (t) => {
  t.is(nextTickAt(initialState('target', {}, 100)), 1600);
  t.is(nextTickAt(run('target', 'auto', [[1500, tick]]).state), 3000);
  t.is(nextTickAt(run('target', 'manual', [[3000, tick]]).state), null);
  t.is(nextTickAt(initialState('source', {}, 100)), null);
});

test('failover: status words', (t) => {
  t.is(statusWord(initialState('target', {}, 0)), null, 'watching: the replication state applies');
  t.is(statusWord(run('target', 'manual', [[10, failover(true)]]).state), 'source-lost', 'not primary until the promotion is done');
  t.is(statusWord(run('target', 'manual', promotedReplica).state), 'promoted');
  t.is(statusWord(run('source', 'auto', staleSource).state), 'stale');
});

test('failover: the policy defaults and refuses nonsense', (t) => {
  t.deepEqual(failoverPolicy(), { mode: DEFAULT_FAILOVER_MODE, heartbeatMs: DEFAULT_HEARTBEAT_MS, missed: DEFAULT_MISSED_HEARTBEATS });
  t.is(DEFAULT_FAILOVER_MODE, 'manual');
  t.deepEqual(failoverPolicy({ heartbeatMs: 250 }), { mode: 'manual', heartbeatMs: 250, missed: 3 });
  for (const bad of [{ missed: 0 }, { heartbeatMs: 0.5 }, { mode: 'eager' as FailoverMode }]) t.throws(() => failoverPolicy(bad), { instanceOf: RangeError });
});

test('failover: the state survives a JSON round trip in every phase and steps the same after it', (t) => {
  const reached: Array<[Role, FailoverMode, Timeline]> = [
    ['source', 'auto', []],
    ['target', 'auto', []],
    ['target', 'auto', [[3000, tick]]],
    ['target', 'auto', [...asked]],
    ['target', 'auto', [...asked, [6100, answers(1, 1)]]],
    ['target', 'manual', [[10, failover(true)]]],
    ['target', 'manual', [[10, failover(true)], [20, { type: 'promotion-failed', reason: 'disk full' }]]],
    ['target', 'manual', promotedReplica],
    ['source', 'auto', staleSource],
    ['target', 'manual', [...promotedReplica, [30, ev('failback-requested')]]],
    ['target', 'auto', [[10, ev('switchover-requested')]]],
    ['target', 'auto', [[10, ev('switchover-requested')], [20, ev('switchover-done')]]],
  ];
  const phases = new Set<FailoverPhase>();
  const probes: FailoverEvent[] = [hb, tick, failover(), answers(0, 1), promoted, { type: 'promotion-failed', reason: 'x' }, peerAt(9), rejoin, ev('failback-requested'), ev('failback-done'), ev('switchover-requested'), ev('switchover-done'), { type: 'handover-failed', reason: 'x' }, restarted()];
  for (const [role, mode, timeline] of reached) {
    const state = run(role, mode, timeline).state;
    phases.add(state.phase);
    const copy = JSON.parse(JSON.stringify(state)) as FailoverState;
    t.deepEqual(copy, state);
    for (const probe of probes) {
      const out = step(state, probe, 9000);
      t.deepEqual(step(copy, probe, 9000), out);
      // The daemon persists only after steps with effects: the others change what a restart
      // recomputes (timing, and the policy it reads from the configuration).
      const recomputed = { lastHeartbeatMs: 0, deadlineMs: 0, policy: state.policy };
      if (out.effects.length === 0) t.deepEqual({ ...out.state, ...recomputed }, { ...state, ...recomputed }, `${state.phase} + ${probe.type}`);
    }
  }
  t.deepEqual([...phases].sort(), ['failing-back', 'promoted', 'promoting', 'source', 'source-lost', 'stale', 'switching-over', 'watching']);
});
