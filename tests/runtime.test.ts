// One protection runtime in-process, with a target that cannot be reached and a clock the test
// drives: what status shows in each role, and what the 'protection' event announces.
import '../lib/polyfill.js';
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../lib/log.js';
import type { Clock } from '../lib/daemon/clock.js';
import { ProtectionRuntime } from '../lib/daemon/protection/runtime.js';
import type { DaemonContext } from '../lib/daemon/services.js';
import type { ProtectionStatus } from '../lib/daemon/status.js';
import { DEFAULT_OPTIONS, DirtySet, ProtectionStore } from '../lib/store/protections.js';
import { openDatabase } from '../lib/store/state.js';
import { waitUntil } from './helpers/tree.js';

const TARGET = '12D3KooWLtpXwfPRi2zjcevP4r3ipsxuKcRkEwmf1Febw4GYV8kH';

async function setup(t: { teardown(fn: () => Promise<void> | void): void }, dirty: string[] = []) {
  const home = await mkdtemp(join(tmpdir(), 'doppel-runtime-'));
  const data = await mkdtemp(join(tmpdir(), 'doppel-runtime-src-'));
  const db = openDatabase(home);
  let now = 1_000_000;
  const clock: Clock & { set(ms: number): void } = { now: () => now, set: (ms) => { now = ms; } };
  const events: ProtectionStatus[] = [];
  const ctx = {
    home,
    db,
    clock,
    name: 'alpha',
    log: createLogger({ level: 'error', write: () => {} }),
    node: { dialProtocol: async () => { throw new Error('no route to the target'); } },
    peerName: () => 'bravo',
    publish: (event: string, data: unknown) => { if (event === 'protection') events.push(data as ProtectionStatus); },
  } as unknown as DaemonContext;
  const store = new ProtectionStore(db);
  const row = store.insert({ name: 'site', role: 'source', peerId: TARGET, path: data, kind: 'tree', options: DEFAULT_OPTIONS, generation: 1, createdAt: now });
  new DirtySet(db, row.id).add(dirty);
  const runtime = new ProtectionRuntime(ctx, store, row);
  t.teardown(async () => {
    await runtime.stop('test over');
    db.close();
    await rm(home, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });
  return { runtime, clock, events };
}

test('a source that cannot reach its target is disconnected and says why, and announces it', async (t) => {
  const { runtime, events } = await setup(t);
  await runtime.start();
  t.true(await waitUntil(async () => runtime.status().state === 'disconnected' && runtime.status().lastError !== null, 5000, 20));
  const status = runtime.status();
  t.like(status, { name: 'site', role: 'source', peerName: 'bravo', generation: 1, pendingBytes: 0, appliedSeq: 0 });
  t.regex(status.lastError!, /cannot reach bravo: no route to the target/);
  t.true(events.some((e) => e.state === 'negotiating'));
  t.true(events.some((e) => e.state === 'disconnected' && /cannot reach/.test(e.lastError ?? '')));
});

test('paths dirty before the start lag from the start, by the daemon\'s clock', async (t) => {
  const { runtime, clock } = await setup(t, ['f']);
  t.is(runtime.status().lagMs, 0);
  clock.set(clock.now() + 3000);
  t.is(runtime.status().lagMs, 3000);
});

test('switchRole stops one strategy and starts the other; status follows the role', async (t) => {
  const { runtime, events } = await setup(t);
  await runtime.start();
  t.true(await waitUntil(async () => runtime.state === 'disconnected', 5000, 20));
  await runtime.switchRole('target');
  t.is(runtime.role, 'target');
  t.is(runtime.source, undefined);
  t.not(runtime.target, undefined);
  t.like(runtime.status(), { role: 'target', state: 'disconnected', pendingBytes: 0, lagMs: 0, mirror: { doneBytes: 0, totalBytes: 0, etaSeconds: null } });
  t.is(events.at(-1)?.role, 'target', 'the switch is announced');
  t.is(runtime.row.role, 'source', 'the configured role stays');

  await runtime.switchRole('source');
  t.is(runtime.role, 'source');
  t.true(await waitUntil(async () => runtime.state === 'disconnected' && events.at(-1)?.role === 'source', 5000, 20), 'the source runs again');
});
