// Test failover between real daemons on loopback: the failover hook runs on a throwaway copy of the
// replica while replication into the replica goes on; the drill survives a restart, `--end`
// removes the copy, and what cannot be drilled is refused.
import '../lib/polyfill.js';
import test, { type ExecutionContext } from 'ava';
import { randomBytes } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseParams } from '../lib/api/methods.js';
import { startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { statusOf, waitState } from './helpers/status.js';
import { sha256File, walk, waitUntil } from './helpers/tree.js';

async function scratch(t: ExecutionContext, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** A hook that logs "$DOPPEL_EVENT $DOPPEL_REPLICA_PATH" and, like a workload, writes into the data it is given. */
function drillHook(log: string, tree: boolean): string {
  const write = tree ? 'echo drill > "$DOPPEL_REPLICA_PATH/written-by-hook.txt"' : 'printf drill | dd of="$DOPPEL_REPLICA_PATH" conv=notrunc 2>/dev/null';
  return `echo "$DOPPEL_EVENT $DOPPEL_REPLICA_PATH" >> ${log} && ${write}`;
}

async function pair(t: ExecutionContext): Promise<{ alpha: TestDaemon; bravo: TestDaemon }> {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  return { alpha, bravo };
}

test('the failover method takes test and end; end only with test, force never with test', (t) => {
  t.deepEqual(parseParams('failover', { name: 'site', test: true, end: true }), { name: 'site', peer: undefined, force: undefined, test: true, end: true });
  t.throws(() => parseParams('failover', { name: 'site', end: true }), { name: 'ParamsError', message: /needs params.test = true/ });
  t.throws(() => parseParams('failover', { name: 'site', test: true, force: true }), { name: 'ParamsError', message: /promotes nothing/ });
  t.throws(() => parseParams('failover', { name: 'site', test: 'yes' }), { name: 'ParamsError' });
});

test.serial('[slow] a test failover runs the hook on a copy while the replica keeps replicating; it survives a restart and --end removes it', async (t) => {
  const { alpha, bravo } = await pair(t);
  const src = await scratch(t, 'doppel-tf-src-');
  await mkdir(join(src, 'www/img'), { recursive: true });
  for (let i = 0; i < 10; i++) await writeFile(join(src, 'www', `page${i}.html`), `<p>page ${i}</p>\n`.repeat(40 + i));
  await writeFile(join(src, 'www/img/big.bin'), randomBytes(1024 * 1024));
  const hookLog = join(await scratch(t, 'doppel-tf-hooks-'), 'bravo.log');

  t.is((await alpha.cli(['protect', 'site', src, '--to', 'bravo'])).code, 0);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'site');
  const want = JSON.stringify(await walk(src));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica).catch(() => ({}))) === want, 30_000, 100), 'mirrored');
  await waitState(bravo, 'site', (s) => s.state === 'replicating', 'bravo replicating');
  t.is((await bravo.cli(['set', 'site', '--hook-failover', drillHook(hookLog, true)])).code, 0);

  // Refused where there is nothing to drill, or nothing to end.
  const onSource = await alpha.cli(['failover', 'site', '--test']);
  t.is(onSource.code, 1);
  t.regex(onSource.stderr, /protected from this peer; run `doppel failover site --test` on its target/);
  const endNothing = await bravo.cli(['failover', 'site', '--test', '--end']);
  t.is(endNothing.code, 1);
  t.regex(endNothing.stderr, /no test failover of site runs here/);
  const endAlone = await bravo.cli(['failover', 'site', '--end']);
  t.is(endAlone.code, 2, '--end without --test is a usage error');
  t.regex(endAlone.stderr, /--test --end/);

  const copy = join(bravo.home, 'test-failover', alpha.peerId, 'site');
  const out = await bravo.cli(['failover', 'site', '--test']);
  t.is(out.code, 0, out.stderr);
  t.true(out.stdout.includes(copy), `the copy's path is printed: ${out.stdout}`);
  t.regex(out.stdout, /doppel failover site --test --end/, 'and how to end it');
  t.true(await waitUntil(async () => (await readFile(join(copy, 'written-by-hook.txt'), 'utf8')) === 'drill\n', 10_000), 'the hook wrote into the copy');
  t.is((await readFile(hookLog, 'utf8')).trim(), `test-failover ${copy}`, 'the hook ran once, with the test-failover event and the copy\'s path');

  const copied = await walk(copy);
  delete copied['written-by-hook.txt'];
  t.is(JSON.stringify(copied), want, 'the copy holds the replica\'s tree');
  t.false(await exists(join(replica, 'written-by-hook.txt')), 'the hook\'s write did not reach the replica');
  t.is(JSON.stringify(await walk(replica)), want, 'the replica is untouched');

  const testing = await statusOf(bravo, 'site');
  t.is(testing?.state, 'replicating', 'the drill does not change the state word');
  t.is(testing?.generation, 1, 'nor the generation');
  t.is(testing?.testFailover?.path, copy);
  const again = await bravo.cli(['failover', 'site', '--test']);
  t.is(again.code, 1);
  t.regex(again.stderr, /already runs on .*; end it first with `doppel failover site --test --end`/);

  // Replication into the replica continues during the drill; the copy stays as it was.
  await writeFile(join(src, 'www/during-drill.txt'), 'written on alpha during the drill\n');
  await writeFile(join(src, 'www/page2.html'), 'changed on alpha\n');
  const changed = JSON.stringify(await walk(src));
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === changed, 30_000, 100), 'replication continues alpha -> bravo');
  t.false(await exists(join(copy, 'www/during-drill.txt')), 'the copy is not replicated into');

  await bravo.restart();
  const restarted = await waitState(bravo, 'site', (s) => s.state === 'replicating', 'bravo replicating after a restart');
  t.deepEqual(restarted.testFailover, testing?.testFailover, 'the drill survives a restart');

  const end = await bravo.cli(['failover', 'site', '--test', '--end']);
  t.is(end.code, 0, end.stderr);
  t.regex(end.stdout, /ended and its copy was removed/);
  t.false(await exists(copy), 'the copy is gone');
  t.is((await statusOf(bravo, 'site'))?.testFailover, null);
  t.is((await readFile(hookLog, 'utf8')).trim().split('\n').length, 1, 'no hook ran at the end');
  t.is(JSON.stringify(await walk(replica)), changed, 'the replica is as replication left it');

  // A promoted replica is the primary copy: there is nothing to drill on.
  t.is((await bravo.cli(['failover', 'site', '--force'])).code, 0);
  await waitState(bravo, 'site', (s) => s.state === 'promoted', 'bravo promoted');
  const promoted = await bravo.cli(['failover', 'site', '--test']);
  t.is(promoted.code, 1);
  t.regex(promoted.stderr, /site is promoted here/);
});

test.serial('[slow] a test failover of a single file hands the hook a copy of the file', async (t) => {
  const { alpha, bravo } = await pair(t);
  const dir = await scratch(t, 'doppel-tf-img-');
  const image = join(dir, 'disk.img');
  await writeFile(image, randomBytes(2 * 1024 * 1024));
  const hookLog = join(await scratch(t, 'doppel-tf-hooks-'), 'bravo.log');

  t.is((await alpha.cli(['protect', 'vm', image, '--to', 'bravo'])).code, 0);
  const replicated = join(bravo.home, 'replicas', alpha.peerId, 'vm', 'data');
  const want = await sha256File(image);
  t.true(await waitUntil(async () => (await sha256File(replicated).catch(() => '')) === want, 30_000, 100), 'mirrored');
  await waitState(bravo, 'vm', (s) => s.state === 'replicating', 'bravo replicating');
  t.is((await bravo.cli(['set', 'vm', '--hook-failover', drillHook(hookLog, false)])).code, 0);

  const copy = join(bravo.home, 'test-failover', alpha.peerId, 'vm', 'data');
  const out = await bravo.cli(['failover', 'vm', '--test']);
  t.is(out.code, 0, out.stderr);
  t.true(await waitUntil(async () => (await readFile(hookLog, 'utf8').catch(() => '')).trim() === `test-failover ${copy}`, 10_000), 'the hook ran on the copied file');
  t.true(await waitUntil(async () => (await readFile(copy)).subarray(0, 5).toString() === 'drill', 10_000), 'the hook wrote into the copy');
  t.is(await sha256File(replicated), want, 'the replicated file is untouched');
  t.is((await statusOf(bravo, 'vm'))?.testFailover?.path, copy);

  t.is((await bravo.cli(['failover', 'vm', '--test', '--end'])).code, 0);
  t.false(await exists(join(bravo.home, 'test-failover', alpha.peerId, 'vm')), 'the copy is gone');
  t.is((await statusOf(bravo, 'vm'))?.testFailover, null);
});
