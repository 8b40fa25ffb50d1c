// Failover, failback and switchover between real daemons on loopback: the replica is promoted and
// its hook runs, the returning old source is fenced (stale) with its data untouched, failback sends
// only what changed and restores the roles, a switchover loses nothing.
import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { statusOf, waitState } from './helpers/status.js';
import { walk, waitUntil } from './helpers/tree.js';

async function scratch(t: ExecutionContext, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function tree(t: ExecutionContext): Promise<string> {
  const src = await scratch(t, 'doppel-fo-src-');
  await mkdir(join(src, 'www/img'), { recursive: true });
  for (let i = 0; i < 20; i++) await writeFile(join(src, 'www', `page${i}.html`), `<p>page ${i}</p>\n`.repeat(50 + i));
  await writeFile(join(src, 'www/img/big.bin'), randomBytes(2 * 1024 * 1024));
  return src;
}

/** A hook that appends its arguments and DOPPEL_* environment to `log`, one run per line. */
function recordingHook(log: string): string {
  return `echo "$1 $2 $DOPPEL_EVENT $DOPPEL_ACTION $DOPPEL_PROTECTION $DOPPEL_SOURCE_NAME $DOPPEL_GENERATION $DOPPEL_HOOK_SEQ $DOPPEL_REPLICA_PATH" >> ${log}`;
}

test.serial('[slow] kill the source, fail over by hand, write, the old source returns stale, fail back sends only the changes', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  const src = await tree(t);
  const hooks = await scratch(t, 'doppel-fo-hooks-');
  t.is((await alpha.cli(['protect', 'site', src, '--to', 'bravo', '--heartbeat', '500ms', '--missed', '3'])).code, 0);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'site');
  const want = JSON.stringify(await walk(src));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 30_000, 100), 'mirrored');
  const watching = await waitState(bravo, 'site', (s) => s.state === 'replicating', 'bravo replicating');
  t.deepEqual(watching.failover, { mode: 'manual', heartbeatMs: 500, missed: 3 }, 'the target follows the policy set on the source');
  const bravoLog = join(hooks, 'bravo.log');
  t.is((await bravo.cli(['set', 'site', '--hook-failover', recordingHook(bravoLog), '--hook-failback', recordingHook(bravoLog)])).code, 0);
  const misplaced = await bravo.cli(['set', 'site', '--failover', 'auto']);
  t.is(misplaced.code, 1);
  t.regex(misplaced.stderr, /set on its source, alpha/, 'the policy is set on the source, not here');

  // alpha's last writes never reach bravo (paused, then it dies): lost in the failover, kept aside at failback.
  t.is((await alpha.cli(['pause', 'site'])).code, 0);
  await writeFile(join(src, 'www/unreplicated.txt'), 'written on alpha, never sent\n');
  await writeFile(join(src, 'www/page5.html'), 'alpha\'s last edit\n');
  await new Promise((r) => setTimeout(r, 500));
  await alpha.kill();
  const lost = await waitState(bravo, 'site', (s) => s.state === 'source-lost', 'source-lost');
  t.true((lost.sourceLostForMs ?? 0) > 0);
  t.is(lost.failoverInMs, null, 'manual: no failover is scheduled');
  await new Promise((r) => setTimeout(r, 2000));
  t.is((await statusOf(bravo, 'site'))?.state, 'source-lost', 'manual waits for the operator');

  const out = await bravo.cli(['failover', 'site']);
  t.is(out.code, 0, out.stderr);
  const promoted = await waitState(bravo, 'site', (s) => s.state === 'promoted', 'promoted');
  t.is(promoted.generation, 2);
  t.true(await waitUntil(async () => (await readFile(bravoLog, 'utf8').catch(() => '')).trim().split('\n').length >= 1, 10_000));
  const runs = (await readFile(bravoLog, 'utf8')).trim().split('\n');
  t.is(runs.length, 1, 'the hook ran once');
  t.regex(runs[0]!, new RegExp(`^failover site failover start site alpha 2 \\d+ ${replica}$`));
  t.deepEqual(JSON.stringify(await walk(replica)), want, 'nothing of doppel\'s in the promoted replica');

  // The promoted replica is the primary copy: the workload writes to it.
  await writeFile(join(replica, 'www/new-order.txt'), 'written after failover\n');
  await writeFile(join(replica, 'www/page3.html'), 'changed on bravo\n');

  // The old source comes back: fenced, its data untouched.
  const before = JSON.stringify(await walk(src));
  await alpha.restart();
  const stale = await waitState(alpha, 'site', (s) => s.state === 'stale', 'alpha stale');
  t.regex(stale.failoverReason ?? '', /promoted on bravo at generation 2/);
  await new Promise((r) => setTimeout(r, 1500));
  t.is(JSON.stringify(await walk(src)), before, 'the stale source\'s data is untouched');
  await alpha.restart();
  await waitState(alpha, 'site', (s) => s.state === 'stale', 'alpha still stale after a restart');
  await bravo.restart();
  await waitState(bravo, 'site', (s) => s.state === 'promoted' && s.generation === 2, 'bravo still promoted after a restart');
  t.is((await statusOf(bravo, 'site'))?.state, 'promoted');

  // Failback: only what changed on bravo travels; the roles come back.
  const sentBefore = (await statusOf(bravo, 'site'))!.counters.bytesSent;
  const back = await bravo.cli(['failback', 'site']);
  t.is(back.code, 0, back.stderr);
  // alpha was paused before it died: it takes the role back paused, as the operator left it.
  await waitState(alpha, 'site', (s) => s.role === 'source' && s.generation === 3, 'alpha primary again', 60_000);
  t.is((await alpha.cli(['resume', 'site'])).code, 0);
  const restored = await waitState(alpha, 'site', (s) => s.state === 'replicating', 'alpha replicating again');
  t.is(restored.generation, 3);
  await waitState(bravo, 'site', (s) => s.role === 'target' && s.state === 'replicating', 'bravo target again');
  const sent = (await statusOf(bravo, 'site'))!.counters.bytesSent - sentBefore;
  t.true(sent < 64 * 1024, `failback sent ${sent} bytes of block data: only the changed files`);
  t.is(await readFile(join(src, 'www/new-order.txt'), 'utf8'), 'written after failover\n');
  t.is(await readFile(join(src, 'www/page3.html'), 'utf8'), 'changed on bravo\n');
  t.regex(await readFile(bravoLog, 'utf8'), /failback site failback stop site alpha 3/, 'the failback hook stopped the workload on bravo');
  t.deepEqual(JSON.stringify(await walk(src)), JSON.stringify(await walk(replica)), 'alpha holds exactly the promoted replica');

  // alpha's unreplicated writes were kept aside, not destroyed.
  const aside = (await alpha.cliJson(['aside', 'list', 'site'])) as Array<{ id: number; dir: string; files: number; reason: string }>;
  t.is(aside.length, 1);
  t.is(await readFile(join(aside[0]!.dir, 'files/www/unreplicated.txt'), 'utf8'), 'written on alpha, never sent\n');
  t.is(await readFile(join(aside[0]!.dir, 'files/www/page5.html'), 'utf8'), 'alpha\'s last edit\n');
  t.regex(aside[0]!.reason, /never received by bravo/);
  t.like((await statusOf(alpha, 'site')) as object, { aside: { count: 1 } });
  t.is((await alpha.cli(['aside', 'drop', 'site'])).code, 2, 'drop needs an ID or --all');
  t.is((await alpha.cli(['aside', 'drop', 'site', String(aside[0]!.id)])).code, 0);
  t.deepEqual(await alpha.cliJson(['aside', 'list']), []);

  // Replication continues in the normal direction.
  await writeFile(join(src, 'www/after-failback.txt'), 'back home\n');
  const again = JSON.stringify(await walk(src));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === again, 30_000, 100), 'replication continues alpha -> bravo');
});
