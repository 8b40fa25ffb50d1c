import '../lib/polyfill.js';
import test from 'ava';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HookRunner, hookFailure, type HookNotice, type HookRequest, type HookResult } from '../lib/daemon/hooks.js';

async function tempDir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-hooks-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function request(command: string, overrides: Partial<HookRequest> = {}): HookRequest {
  return {
    command, event: 'failover', protection: 'db', sourcePeer: '12D3KooWSource', sourceName: 'alpha',
    replicaPath: '/srv/doppel/replicas/12D3KooWSource/db', generation: 7, action: 'start', ...overrides,
  };
}

/** Every wait in these tests is bounded, so a hung hook fails the test instead of the run. */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** False once the process is gone or a zombie (this container's init does not reap orphans). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Lines "start|end SEQ NANOSECONDS" written by the hooks below. */
async function marks(file: string): Promise<Array<{ what: string; seq: number; at: bigint }>> {
  const text = await readFile(file, 'utf8');
  return text.trim().split('\n').map((line) => {
    const [what, seq, at] = line.split(' ');
    return { what: what!, seq: Number(seq), at: BigInt(at!) };
  });
}

const marked = (seconds: number) => `echo "start $DOPPEL_HOOK_SEQ $(date +%s%N)" >> "$LOG"; sleep ${seconds}; echo "end $DOPPEL_HOOK_SEQ $(date +%s%N)" >> "$LOG"`;

test('hooks of one protection queued at once run strictly one after another, in order', async (t) => {
  const dir = await tempDir(t);
  const log = join(dir, 'log');
  const runner = new HookRunner({ env: { ...process.env, LOG: log } });
  const results = await within(Promise.all([1, 2, 3].map(() => runner.run(request(marked(0.3))))));
  t.deepEqual(results.map((r) => r.exitCode), [0, 0, 0]);
  const m = await marks(log);
  t.deepEqual(m.map((x) => `${x.what} ${x.seq}`), ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  for (let i = 1; i < m.length; i++) t.true(m[i]!.at >= m[i - 1]!.at);
});

test('hooks of two protections may overlap', async (t) => {
  const dir = await tempDir(t);
  const log = join(dir, 'log');
  const runner = new HookRunner({ env: { ...process.env, LOG: log } });
  const [a, b] = await within(Promise.all([runner.run(request(marked(1), { protection: 'a' })), runner.run(request(marked(1), { protection: 'b' }))]));
  const m = await marks(log);
  const at = (what: string, seq: number) => m.find((x) => x.what === what && x.seq === seq)!.at;
  t.true(at('start', a.seq) < at('end', b.seq) && at('start', b.seq) < at('end', a.seq), 'the two hooks ran at the same time');
});

test('sequence numbers continue from the persisted one and are persisted before each hook runs', async (t) => {
  const persisted: number[] = [];
  const notices: HookNotice[] = [];
  const runner = new HookRunner({ lastSeq: 41, persistSeq: (seq) => persisted.push(seq), onEvent: (n) => notices.push(n), clock: { now: () => 1_000 } });
  const first = runner.run(request('true'));
  const second = runner.run(request('true', { protection: 'other' }));
  t.deepEqual(persisted, [42, 43]);
  const results = await within(Promise.all([first, second]));
  t.deepEqual(results.map((r) => r.seq), [42, 43]);
  t.is(runner.lastSeq, 43);
  t.deepEqual(results.map((r) => [r.startedAt, r.durationMs]), [[1_000, 0], [1_000, 0]]);
  const of42 = notices.filter((n) => n.hook.seq === 42).map((n) => n.type);
  t.deepEqual(of42, ['hook:started', 'hook:finished']);
  t.deepEqual(notices.find((n) => n.type === 'hook:finished' && n.hook.seq === 42)?.hook, results[0]);
});

test('the hook gets the event and protection as $1 $2 and the DOPPEL_* environment', async (t) => {
  const dir = await tempDir(t);
  const out = join(dir, 'seen');
  const vars = 'DOPPEL_EVENT DOPPEL_PROTECTION DOPPEL_SOURCE_PEER DOPPEL_SOURCE_NAME DOPPEL_REPLICA_PATH DOPPEL_GENERATION DOPPEL_HOOK_SEQ DOPPEL_ACTION KEPT';
  const command = `{ echo "$1|$2"; for v in ${vars}; do eval "echo \\"$v=\\$$v\\""; done; } > '${out}'`;
  const runner = new HookRunner({ lastSeq: 4, env: { ...process.env, KEPT: 'from the daemon' } });
  const result = await within(runner.run(request(command, { event: 'test-failover' })));
  t.is(result.exitCode, 0, result.output);
  t.deepEqual((await readFile(out, 'utf8')).trim().split('\n'), [
    'test-failover|db',
    'DOPPEL_EVENT=test-failover', 'DOPPEL_PROTECTION=db', 'DOPPEL_SOURCE_PEER=12D3KooWSource', 'DOPPEL_SOURCE_NAME=alpha',
    'DOPPEL_REPLICA_PATH=/srv/doppel/replicas/12D3KooWSource/db', 'DOPPEL_GENERATION=7', 'DOPPEL_HOOK_SEQ=5', 'DOPPEL_ACTION=start', 'KEPT=from the daemon',
  ]);
});

test('stdout and stderr are captured; a long output keeps its tail', async (t) => {
  const runner = new HookRunner({ maxOutputBytes: 1000 });
  const short = await within(runner.run(request('echo to-stdout; echo to-stderr >&2')));
  t.is(short.output, 'to-stdout\nto-stderr\n');
  t.false(short.outputTruncated);
  t.is(hookFailure(short), undefined);
  const long = await within(runner.run(request('i=0; while [ $i -lt 500 ]; do echo "line $i"; i=$((i+1)); done; echo THE END')));
  t.true(long.outputTruncated);
  t.true(Buffer.byteLength(long.output) <= 1000);
  t.true(long.output.endsWith('line 499\nTHE END\n'));
});

test('a hook past its timeout is killed together with the processes it started', async (t) => {
  const dir = await tempDir(t);
  const pidFile = join(dir, 'pid');
  const runner = new HookRunner({ killGraceMs: 1_000 });
  const result = await within(runner.run(request(`sleep 30 & echo $! > '${pidFile}'; echo started; wait`, { timeoutMs: 300 })));
  const child = Number(await readFile(pidFile, 'utf8'));
  t.teardown(() => { if (alive(child)) process.kill(child, 'SIGKILL'); });
  t.true(result.timedOut);
  t.is(result.exitCode, null);
  t.is(result.output, 'started\n');
  t.true(result.durationMs >= 300 && result.durationMs < 5_000, `${result.durationMs} ms`);
  t.false(alive(child), `child ${child} survived`);
  t.regex(hookFailure(result)!.message, /failover hook #1 of protection db ran longer than 0.3 s.*raise the hook timeout/);
});

test('work a hook starts in the background outlives it, even holding the output pipe', async (t) => {
  const dir = await tempDir(t);
  const pidFile = join(dir, 'pid');
  const started = Date.now();
  const result = await within(new HookRunner().run(request(`sleep 30 & echo $! > '${pidFile}'; echo workload started`)));
  const child = Number(await readFile(pidFile, 'utf8'));
  t.teardown(() => { if (alive(child)) process.kill(child, 'SIGKILL'); });
  t.is(result.exitCode, 0);
  t.is(result.output, 'workload started\n');
  t.true(Date.now() - started < 5_000, 'the open pipe did not hold the result back');
  t.true(alive(child), 'the background process was left running');
});

test('a child that ignores SIGTERM is SIGKILLed after the grace', async (t) => {
  const dir = await tempDir(t);
  const pidFile = join(dir, 'pid');
  const runner = new HookRunner({ killGraceMs: 500 });
  const result = await within(runner.run(request(`(trap '' TERM; exec sleep 30) & echo $! > '${pidFile}'; wait`, { timeoutMs: 300 })));
  const child = Number(await readFile(pidFile, 'utf8'));
  t.teardown(() => { if (alive(child)) process.kill(child, 'SIGKILL'); });
  t.true(result.timedOut);
  t.false(alive(child), `child ${child} survived`);
});

test('a non-zero exit is reported with what to do, not thrown', async (t) => {
  const result = await within(new HookRunner().run(request('echo disk not found; exit 3')));
  t.is(result.exitCode, 3);
  t.false(result.timedOut);
  const err = hookFailure(result)!;
  t.is(err.name, 'HookFailedError');
  t.regex(err.message, /exited with code 3; read its output.*"disk not found"/);
});

test('a missing command is reported as exit 127 with a hint', async (t) => {
  const result = await within(new HookRunner().run(request('/nonexistent/doppel-hook-script')));
  t.is(result.exitCode, 127);
  t.regex(result.output, /not found/);
  t.regex(hookFailure(result)!.message, /did not find the command/);
});

test('a hook that cannot be started at all is reported, not thrown', async (t) => {
  const notices: HookNotice[] = [];
  // Longer than the kernel allows for one argument, so exec fails.
  const result = await within(new HookRunner({ onEvent: (n) => notices.push(n) }).run(request(`: ${'x'.repeat(200_000)}`)));
  t.is(result.exitCode, null);
  t.regex(result.error ?? '', /could not be started/);
  t.truthy(hookFailure(result));
  t.deepEqual(notices.map((n) => n.type), ['hook:started', 'hook:finished']);
});

test('stop terminates a running hook, does not start queued ones or new ones', async (t) => {
  const runner = new HookRunner({ killGraceMs: 500 });
  const running = runner.run(request('echo busy; sleep 30'));
  const queued = runner.run(request('echo should not run'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await within(runner.stop(100));
  const [r1, r2]: HookResult[] = await within(Promise.all([running, queued]));
  t.regex(r1!.error ?? '', /doppel stopped while the hook ran/);
  t.false(r1!.timedOut);
  t.is(r2!.output, '');
  t.regex(r2!.error ?? '', /did not run because doppel was stopping/);
  const late = await within(runner.run(request('echo late')));
  t.regex(late.error ?? '', /did not run/);
});

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hooks');

for (const script of ['vm-libvirt.sh', 'systemd-service.sh', 'virtual-ip.sh', 'postgresql.sh']) {
  test(`example hook ${script} only prints what it would do unless told to apply`, async (t) => {
    const { DOPPEL_HOOK_APPLY: _ignored, ...env } = process.env;
    const runner = new HookRunner({ env });
    for (const event of ['failover', 'failback'] as const) {
      const result = await within(runner.run(request(`'${join(FIXTURES, script)}' "$@"`, { event })));
      t.is(result.exitCode, 0, result.output);
      t.regex(result.output, new RegExp(`${event} of db`));
      t.notRegex(result.output, /^\+ /m, 'nothing was run');
    }
  });
}
