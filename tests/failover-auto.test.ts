// Automatic failover asks witnesses, two peers alone never promote themselves, a planned switchover
// loses nothing, and every failover state survives a daemon restart. Real daemons on loopback.
import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { statusOf, waitState } from './helpers/status.js';
import { walk, waitUntil } from './helpers/tree.js';

async function dataSet(t: ExecutionContext): Promise<string> {
  const src = await mkdtemp(join(tmpdir(), 'doppel-auto-src-'));
  t.teardown(() => rm(src, { recursive: true, force: true }));
  await mkdir(join(src, 'db'));
  for (let i = 0; i < 10; i++) await writeFile(join(src, 'db', `table${i}`), `row ${i}\n`.repeat(1000));
  return src;
}

/** alpha protects a tree to bravo under `policy`; resolves once bravo replicates it. */
async function protectedPair(t: ExecutionContext, alpha: TestDaemon, bravo: TestDaemon, policy: string[]): Promise<{ src: string; replica: string }> {
  const src = await dataSet(t);
  const out = await alpha.cli(['protect', 'db', src, '--to', 'bravo', ...policy]);
  if (out.code !== 0) throw new Error(out.stderr);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'db');
  const want = JSON.stringify(await walk(src));
  if (!(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 30_000, 100))) throw new Error('the mirror did not complete');
  await waitState(bravo, 'db', (s) => s.state === 'replicating', 'bravo replicating');
  return { src, replica };
}

const FAST = ['--failover', 'auto', '--heartbeat', '250ms', '--missed', '4'];

test.serial('[slow] auto: a witness that still reaches the source holds the failover; one that does not lets it happen', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  const charlie = await startDaemon({ t, name: 'charlie' });
  await trustEachOther(alpha, bravo);
  await trustEachOther(alpha, charlie);
  await trustEachOther(bravo, charlie);
  await protectedPair(t, alpha, bravo, FAST);
  const hookLog = join(bravo.home, 'hook.log');
  t.is((await bravo.cli(['set', 'db', '--hook-failover', `echo "$DOPPEL_EVENT $DOPPEL_GENERATION" >> ${hookLog}`])).code, 0);

  // The link alpha-bravo fails, alpha is fine: charlie still hears alpha, so bravo must not promote.
  t.is((await alpha.cli(['untrust', 'bravo'])).code, 0);
  const held = await waitState(bravo, 'db', (s) => s.state === 'source-lost' && /witnesses still reach the source/.test(s.failoverReason ?? ''), 'held by the witness');
  t.is(held.generation, 1);
  await new Promise((r) => setTimeout(r, 2500));
  t.is((await statusOf(bravo, 'db'))?.state, 'source-lost', 'still not promoted a while later');
  t.is(await readFile(hookLog, 'utf8').catch(() => ''), '', 'no hook ran');

  // alpha really dies: charlie loses it too, and bravo promotes on its own.
  await alpha.kill();
  const promoted = await waitState(bravo, 'db', (s) => s.state === 'promoted', 'promoted by auto failover', 20_000);
  t.is(promoted.generation, 2);
  t.true(await waitUntil(async () => (await readFile(hookLog, 'utf8').catch(() => '')) === 'failover 2\n', 10_000), 'the failover hook ran once');
});

test.serial('[slow] auto: two peers alone never promote; the countdown shows, and a returning source cancels it', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  await protectedPair(t, alpha, bravo, FAST);

  await alpha.stop();
  const counting = await waitState(bravo, 'db', (s) => s.state === 'source-lost', 'source-lost');
  t.true((counting.sourceLostForMs ?? 0) > 0);
  const alone = await waitState(bravo, 'db', (s) => /no witness answered/.test(s.failoverReason ?? ''), 'no witness');
  t.is(alone.generation, 1);
  await new Promise((r) => setTimeout(r, 3000));
  t.is((await statusOf(bravo, 'db'))?.state, 'source-lost', 'two peers alone: no promotion');

  // A restart in source-lost resumes it.
  await bravo.restart();
  await waitState(bravo, 'db', (s) => s.state === 'source-lost', 'source-lost after a restart');

  // The source comes back: the countdown is cancelled.
  await alpha.restart();
  await waitState(bravo, 'db', (s) => s.state === 'replicating', 'watching again');
  await waitState(alpha, 'db', (s) => s.state === 'replicating' && s.generation === 1, 'alpha still the source');
});

test.serial('[slow] switchover moves the role with nothing lost; each side keeps its state across restarts', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  const { src, replica } = await protectedPair(t, alpha, bravo, []);
  const alphaLog = join(alpha.home, 'hook.log');
  t.is((await alpha.cli(['set', 'db', '--hook-switchover', `echo "$DOPPEL_EVENT $DOPPEL_ACTION" >> ${alphaLog}`])).code, 0);

  // Written just before the switchover: must be on bravo when it takes the role.
  await writeFile(join(src, 'db/last-write'), 'committed before the switchover\n');
  const out = await alpha.cli(['switchover', 'db']);
  t.is(out.code, 0, out.stderr);
  const taken = await waitState(bravo, 'db', (s) => s.state === 'promoted', 'bravo promoted by the switchover');
  t.is(taken.generation, 2);
  await waitState(alpha, 'db', (s) => s.role === 'target' && s.generation === 2, 'alpha follows');
  t.is(JSON.stringify(await walk(replica)), JSON.stringify(await walk(src)), 'nothing lost (independent hash walk)');
  t.is(await readFile(alphaLog, 'utf8'), 'switchover stop\n', 'the switchover hook stopped the workload on alpha');

  // bravo is primary now: its writes reach alpha.
  await writeFile(join(replica, 'db/written-on-bravo'), 'new primary\n');
  t.true(await waitUntil(async () => (await readFile(join(src, 'db/written-on-bravo'), 'utf8').catch(() => '')) === 'new primary\n', 30_000), 'reverse replication');

  // Restarts keep each side's state.
  await bravo.restart();
  await waitState(bravo, 'db', (s) => s.state === 'promoted' && s.generation === 2, 'bravo still promoted after a restart');
  await alpha.restart();
  await waitState(alpha, 'db', (s) => s.role === 'target' && s.generation === 2, 'alpha still follows after a restart');
  await writeFile(join(replica, 'db/after-restarts'), 'still flowing\n');
  t.true(await waitUntil(async () => (await readFile(join(src, 'db/after-restarts'), 'utf8').catch(() => '')) === 'still flowing\n', 30_000), 'reverse replication after restarts');
});
