// Split brain between real daemons: the link is cut (untrust), the target fails over while the
// source keeps writing, both write, the link returns: both show split-brain and nothing is applied
// either way; `resolve --keep` makes both byte-identical to the kept side, sending only what
// differs, and the discarded side's divergent files are kept aside.
import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { statusOf, waitState } from './helpers/status.js';
import { walk, waitUntil } from './helpers/tree.js';

async function split(t: ExecutionContext): Promise<{ alpha: TestDaemon; bravo: TestDaemon; src: string; replica: string }> {
  const src = await mkdtemp(join(tmpdir(), 'doppel-split-'));
  t.teardown(() => rm(src, { recursive: true, force: true }));
  await mkdir(join(src, 'db'));
  for (let i = 0; i < 20; i++) await writeFile(join(src, 'db', `t${i}`), `row ${i}\n`.repeat(2000));
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  t.is((await alpha.cli(['protect', 'db', src, '--to', 'bravo'])).code, 0);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'db');
  const want = JSON.stringify(await walk(src));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 30_000, 100), 'mirrored');
  await waitState(bravo, 'db', (s) => s.state === 'replicating', 'bravo replicating');

  // The link fails, both processes live on.
  t.is((await alpha.cli(['untrust', 'bravo'])).code, 0);
  t.is((await bravo.cli(['untrust', 'alpha'])).code, 0);
  await waitState(bravo, 'db', (s) => s.state === 'source-lost', 'bravo sees the source lost');
  t.is((await bravo.cli(['failover', 'db'])).code, 0);
  await waitState(bravo, 'db', (s) => s.state === 'promoted', 'bravo promoted');

  // Both write while apart.
  await writeFile(join(src, 'db/t1'), 'alpha wrote this while apart\n');
  await writeFile(join(src, 'db/only-on-alpha'), 'alpha\n');
  await writeFile(join(replica, 'db/t2'), 'bravo wrote this while apart\n');
  await writeFile(join(replica, 'db/only-on-bravo'), 'bravo\n');
  await new Promise((r) => setTimeout(r, 1500));

  // The link returns.
  await trustEachOther(alpha, bravo);
  const a = await waitState(alpha, 'db', (s) => s.state === 'split-brain', 'alpha split-brain');
  const b = await waitState(bravo, 'db', (s) => s.state === 'split-brain', 'bravo split-brain');
  t.true((a.splitBrain?.local.files ?? 0) >= 2 && (b.splitBrain?.local.files ?? 0) >= 2, `what diverged is shown: ${JSON.stringify([a.splitBrain, b.splitBrain])}`);
  t.regex(a.failoverReason ?? '', /doppel resolve db --keep local\|remote/);
  await new Promise((r) => setTimeout(r, 2000));
  t.is(await readFile(join(src, 'db/t1'), 'utf8'), 'alpha wrote this while apart\n', 'nothing applied on alpha');
  t.is(await readFile(join(replica, 'db/t2'), 'utf8'), 'bravo wrote this while apart\n', 'nothing applied on bravo');
  await t.throwsAsync(readFile(join(src, 'db/only-on-bravo')));
  await t.throwsAsync(readFile(join(replica, 'db/only-on-alpha')));
  // The state survives a restart.
  await bravo.restart();
  await waitState(bravo, 'db', (s) => s.state === 'split-brain', 'bravo still split-brain after a restart');
  return { alpha, bravo, src, replica };
}

interface Aside { dir: string; reason: string }

test.serial('[slow] split brain, resolved on the source keeping its data: bravo keeps its writes aside and follows', async (t) => {
  const { alpha, bravo, src, replica } = await split(t);
  const sentBefore = (await statusOf(alpha, 'db'))!.counters.bytesSent;
  const out = await alpha.cli(['resolve', 'db', '--keep', 'local']);
  t.is(out.code, 0, out.stderr);
  const want = JSON.stringify(await walk(src));
  const same = await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 30_000, 100);
  if (!same) t.log(JSON.stringify(await statusOf(alpha, 'db')), alpha.logs().slice(-3000), JSON.stringify(await statusOf(bravo, 'db')), bravo.logs().slice(-3000));
  t.true(same, 'bravo holds exactly alpha\'s data');
  await waitState(alpha, 'db', (s) => s.role === 'source' && s.state === 'replicating', 'alpha primary');
  await waitState(bravo, 'db', (s) => s.role === 'target' && s.state === 'replicating', 'bravo follows');
  const sent = (await statusOf(alpha, 'db'))!.counters.bytesSent - sentBefore;
  t.true(sent < 64 * 1024, `only what differs was sent (${sent} bytes)`);
  const aside = (await bravo.cliJson(['aside', 'list', 'db'])) as Aside[];
  t.is(aside.length, 1);
  t.is(await readFile(join(aside[0]!.dir, 'files/db/t2'), 'utf8'), 'bravo wrote this while apart\n');
  t.is(await readFile(join(aside[0]!.dir, 'files/db/only-on-bravo'), 'utf8'), 'bravo\n');
  // Replication goes on.
  await writeFile(join(src, 'db/after'), 'resolved\n');
  t.true(await waitUntil(async () => (await readFile(join(replica, 'db/after'), 'utf8').catch(() => '')) === 'resolved\n', 30_000, 100));
});

test.serial('[slow] split brain, resolved on the source keeping the remote data: alpha keeps its writes aside and follows bravo', async (t) => {
  const { alpha, bravo, src, replica } = await split(t);
  const out = await alpha.cli(['resolve', 'db', '--keep', 'remote']);
  t.is(out.code, 0, out.stderr);
  const aside = (await alpha.cliJson(['aside', 'list', 'db'])) as Aside[];
  t.is(aside.length, 1);
  t.is(await readFile(join(aside[0]!.dir, 'files/db/t1'), 'utf8'), 'alpha wrote this while apart\n');
  const want = JSON.stringify(await walk(replica));
  const same = await waitUntil(async () => JSON.stringify(await walk(src)) === want, 30_000, 100);
  if (!same) t.log(JSON.stringify(await statusOf(alpha, 'db')), alpha.logs().slice(-3000), JSON.stringify(await statusOf(bravo, 'db')), bravo.logs().slice(-3000));
  t.true(same, 'alpha holds exactly bravo\'s data');
  await waitState(bravo, 'db', (s) => s.state === 'promoted', 'bravo primary');
  await waitState(alpha, 'db', (s) => s.role === 'target' && s.state !== 'split-brain', 'alpha follows');
  // A restart keeps the resolution.
  await alpha.restart();
  await writeFile(join(replica, 'db/after'), 'bravo is primary\n');
  t.true(await waitUntil(async () => (await readFile(join(src, 'db/after'), 'utf8').catch(() => '')) === 'bravo is primary\n', 30_000, 100));
});

for (const keep of ['local', 'remote'] as const) {
  test.serial(`[slow] split brain, resolved on the promoted side with --keep ${keep}`, async (t) => {
    const { alpha, bravo, src, replica } = await split(t);
    const out = await bravo.cli(['resolve', 'db', '--keep', keep]);
    t.is(out.code, 0, out.stderr);
    // --keep local on bravo: bravo's data survives; --keep remote: alpha's does.
    const [winner, loser, loserName] = keep === 'local' ? [replica, src, alpha] : [src, replica, bravo];
    const want = JSON.stringify(await walk(winner));
    const same = await waitUntil(async () => JSON.stringify(await walk(loser)) === want, 60_000, 100);
    if (!same) t.log(alpha.logs().slice(-3000), bravo.logs().slice(-3000));
    t.true(same, 'both sides hold the kept side\'s data');
    const aside = (await loserName.cliJson(['aside', 'list', 'db'])) as Aside[];
    t.is(aside.length, 1, 'the discarded side kept its divergent files aside');
    t.notRegex(JSON.stringify([await statusOf(alpha, 'db'), await statusOf(bravo, 'db')]), /split-brain/);
  });
}
