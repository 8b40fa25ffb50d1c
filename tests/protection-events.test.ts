// What a dashboard subscribed to a daemon sees of its protections: every state change as a
// 'protection' event, and a 'stats' sample a second while there are protections.
import '../lib/polyfill.js';
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, startDaemon, trustEachOther, waitFor, type TestDaemon } from './helpers/daemon.js';

interface Event {
  event: string;
  data: any;
}

/** Subscribes to `events` on the daemon's control socket; the returned list fills as they arrive. */
async function subscribe(t: { teardown(fn: () => void): void }, d: TestDaemon, events: string[]): Promise<Event[]> {
  const socket = connect(join(d.home, 'control.sock'));
  t.teardown(() => socket.destroy());
  const received: Event[] = [];
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      if (typeof message.event === 'string') received.push(message);
    }
  });
  socket.write(JSON.stringify({ id: 1, method: 'subscribe', params: { events } }) + '\n');
  await new Promise<void>((resolve, reject) => { socket.once('data', () => resolve()); socket.once('error', reject); });
  return received;
}

test.serial('state changes are announced and stats arrive once a second while there are protections', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  const src = await mkdtemp(join(tmpdir(), 'doppel-src-'));
  t.teardown(() => rm(src, { recursive: true, force: true }));
  await writeFile(join(src, 'f'), 'hello\n');

  const events = await subscribe(t, alpha, ['protection', 'stats']);
  const targetEvents = await subscribe(t, bravo, ['protection']);
  await sleep(1500);
  t.deepEqual(events.filter((e) => e.event === 'stats'), [], 'no stats without protections');

  t.is((await alpha.cli(['protect', 'site', src, '--to', 'bravo'])).code, 0);
  const states = () => events.filter((e) => e.event === 'protection' && e.data.name === 'site').map((e) => e.data.state as string);
  await waitFor('the source to announce replicating', async () => states().includes('replicating'), 20_000);
  const seen = states();
  t.true(seen.indexOf('negotiating') < seen.indexOf('mirroring') && seen.indexOf('mirroring') < seen.indexOf('replicating'), seen.join(' '));
  await waitFor('the target to announce replicating', async () => targetEvents.some((e) => e.data.role === 'target' && e.data.state === 'replicating'), 20_000);

  const stats = await waitFor('two stats samples showing replicating', async () => {
    const samples = events.filter((e) => e.event === 'stats' && e.data.protections[0]?.state === 'replicating');
    return samples.length >= 2 ? samples : undefined;
  }, 10_000);
  const [first, second] = stats.map((e) => e.data);
  t.deepEqual(Object.keys(first.protections[0]).sort(), ['lagMs', 'name', 'peer', 'pendingBytes', 'role', 'state', 'throughputBps']);
  t.like(first.protections[0], { name: 'site', role: 'source', peer: bravo.peerId, state: 'replicating', pendingBytes: 0 });
  t.true(second.at - first.at >= 500 && second.at - first.at <= 3000, `samples ${second.at - first.at} ms apart`);
});
