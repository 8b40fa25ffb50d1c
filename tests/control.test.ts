import '../lib/polyfill.js';
import test from 'ava';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startDaemon, waitFor } from './helpers/daemon.js';

function tempHome(t: { teardown(fn: () => void): void }): string {
  const home = mkdtempSync(join(tmpdir(), 'doppel-ctl-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** A raw control connection: send lines, read reply lines in order. */
async function rawClient(path: string) {
  const socket = connect(path);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  const lines: string[] = [];
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    buffer += d;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  });
  let closed = false;
  socket.on('close', () => { closed = true; });
  return {
    send: (text: string) => socket.write(text),
    next: async (): Promise<any> => JSON.parse(await waitFor('a control reply', async () => lines.shift(), 10_000, 20)),
    closed: () => closed,
    close: () => socket.destroy(),
  };
}

test('control socket is 0600 and survives malformed, unknown and oversize requests', async (t) => {
  const d = await startDaemon({ name: 'alpha', t });
  const sock = join(d.home, 'control.sock');
  t.is(statSync(sock).mode & 0o777, 0o600);

  const c = await rawClient(sock);
  t.teardown(() => c.close());
  c.send('this is not json\n');
  t.like(await c.next(), { id: null, error: { code: 'parse-error' } });
  c.send('{"id": 7, "method": "no-such-method"}\n');
  t.like(await c.next(), { id: 7, error: { code: 'unknown-method' } });
  c.send('[1, 2]\n');
  t.like(await c.next(), { error: { code: 'invalid-request' } });
  c.send('{"id": 8, "method": "trust", "params": {"peerId": "nonsense"}}\n');
  t.like(await c.next(), { id: 8, error: { code: 'invalid-peer-id' } });
  // The same connection is still usable.
  c.send('{"id": 9, "method": "id"}\n');
  const reply = await c.next();
  t.is(reply.id, 9);
  t.is(reply.result.peerId, d.peerId);

  const big = await rawClient(sock);
  t.teardown(() => big.close());
  big.send('x'.repeat(1024 * 1024 + 10));
  t.like(await big.next(), { error: { code: 'too-large' } });
  await waitFor('the oversize connection to close', async () => big.closed(), 5_000);

  const id = await d.cli(['id', '--json']);
  t.is(id.code, 0, 'the daemon still answers');
});

test('subscribers receive peer events', async (t) => {
  const d = await startDaemon({ name: 'alpha', t });
  const c = await rawClient(join(d.home, 'control.sock'));
  t.teardown(() => c.close());
  c.send('{"id": 1, "method": "subscribe", "params": {"events": ["peer:trusted"]}}\n');
  t.like(await c.next(), { id: 1, result: { subscribed: ['peer:trusted'] } });
  const other = '12D3KooWSQkK4mETMDGTHoZT5bdueqKEjJiDw4Da47aibBrfKTus';
  const r = await d.cli(['trust', other, '--name', 'bravo']);
  t.is(r.code, 0, r.stderr);
  t.deepEqual(await c.next(), { event: 'peer:trusted', data: { peerId: other, name: 'bravo' } });
});

test('without a daemon, commands say how to start one and exit 3', async (t) => {
  const home = tempHome(t);
  const init = await runCli(['init', '--name', 'alpha', '--no-mdns', '--home', home]);
  t.is(init.code, 0, init.stderr);
  for (const args of [['id'], ['peers', '--json'], ['untrust', 'bravo']]) {
    const r = await runCli([...args, '--home', home]);
    t.is(r.code, 3, args.join(' '));
    t.true(r.stderr.includes(`no doppel daemon is running for home ${home}; start one with \`doppel up --home ${home}\``));
  }
});

test('init is idempotent, keeps the key 0600, and a bad config names file and line', async (t) => {
  const home = tempHome(t);
  const first = await runCli(['init', '--name', 'alpha', '--json', '--home', home]);
  t.is(first.code, 0, first.stderr);
  const out = JSON.parse(first.stdout);
  t.deepEqual(out.created, { config: true, key: true });
  t.is(statSync(join(home, 'peer.key')).mode & 0o777, 0o600);
  const key = readFileSync(join(home, 'peer.key'));
  const config = readFileSync(join(home, 'config.toml'), 'utf8');
  t.regex(config, /^heartbeat_interval_ms = 1000$/m);

  const second = await runCli(['init', '--name', 'other', '--json', '--home', home]);
  t.is(second.code, 0);
  t.like(JSON.parse(second.stdout), { peerId: out.peerId, name: 'alpha', created: { config: false, key: false } });
  t.deepEqual(readFileSync(join(home, 'peer.key')), key);
  t.is(readFileSync(join(home, 'config.toml'), 'utf8'), config);

  writeFileSync(join(home, 'config.toml'), config.replace('mdns = true', 'mdns = maybe'));
  const up = await runCli(['up', '--home', home]);
  t.is(up.code, 1);
  const line = config.split('\n').findIndex((l) => l.startsWith('mdns =')) + 1;
  t.true(up.stderr.includes(`${join(home, 'config.toml')}:${line}: `), up.stderr);
  t.regex(up.stderr, /mdns.*true or false/);

  writeFileSync(join(home, 'config.toml'), config + 'colour = "blue"\n');
  const unknown = await runCli(['up', '--home', home]);
  t.is(unknown.code, 1);
  t.regex(unknown.stderr, /config\.toml:\d+: unknown setting colour/);
});

test('a second daemon on the same home is refused; SIGTERM stops cleanly', async (t) => {
  const d = await startDaemon({ name: 'alpha', t });
  const second = await runCli(['up', '--home', d.home]);
  t.is(second.code, 1);
  t.regex(second.stderr, new RegExp(`already running for home ${d.home}`));
  t.is((await d.cli(['id'])).code, 0, 'the first daemon is untouched');

  const pid = Number(readFileSync(join(d.home, 'daemon.pid'), 'utf8'));
  t.is(pid, d.pid ?? -1);
  t.is(await d.stop(), 0);
  t.false(existsSync(join(d.home, 'control.sock')));
  t.false(existsSync(join(d.home, 'daemon.pid')));
  t.regex(d.logs(), /doppel peer stopped/);
});

test('every command has --help and --home', async (t) => {
  for (const command of ['init', 'up', 'id', 'peers', 'trust', 'untrust']) {
    const r = await runCli([command, '--help']);
    t.is(r.code, 0, command);
    t.regex(r.stdout, /--home <dir>/, command);
  }
  const bad = await runCli(['peers', '--bogus']);
  t.is(bad.code, 2);
});
