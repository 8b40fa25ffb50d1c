import '../lib/polyfill.js';
import test from 'ava';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parseSubscribe } from '../lib/api/events.js';
import { parseParams, type MethodName } from '../lib/api/methods.js';
import { ParamsError } from '../lib/api/params.js';
import { startDaemon, waitFor } from './helpers/daemon.js';

const PEER = '12D3KooWSQkK4mETMDGTHoZT5bdueqKEjJiDw4Da47aibBrfKTus';

interface Row {
  method: MethodName;
  /** Params the method takes, and what the daemon's handler then sees. */
  accepts: Array<[what: string, params: unknown, parsed?: unknown]>;
  /** Params it refuses, and the field the message names. */
  refuses: Array<[what: string, params: unknown, field: string]>;
}

const table: Row[] = [
  {
    method: 'id',
    accepts: [['no params', undefined, {}], ['empty params', {}, {}]],
    refuses: [['any field', { verbose: true }, 'verbose'], ['a list', [], '']],
  },
  { method: 'peers', accepts: [['empty params', {}, {}]], refuses: [['any field', { all: 1 }, 'all']] },
  {
    method: 'trust',
    accepts: [
      ['a PeerId alone', { peerId: PEER }, { peerId: PEER }],
      ['what the CLI sends', { peerId: PEER, name: 'bravo', addrs: [`/ip4/127.0.0.1/tcp/4717/p2p/${PEER}`] }],
      ['null for an optional field', { peerId: PEER, name: null }, { peerId: PEER }],
      // The format of a PeerId is the handler's to check (code invalid-peer-id, as before).
      ['a string that is no PeerId', { peerId: 'nonsense' }, { peerId: 'nonsense' }],
    ],
    refuses: [
      ['no peerId', {}, 'peerId'],
      ['an empty peerId', { peerId: '' }, 'peerId'],
      ['a numeric peerId', { peerId: 42 }, 'peerId'],
      ['an empty name', { peerId: PEER, name: '' }, 'name'],
      ['addrs as one string', { peerId: PEER, addrs: '/ip4/127.0.0.1/tcp/1' }, 'addrs'],
      ['addrs with a number', { peerId: PEER, addrs: ['/ip4/127.0.0.1/tcp/1', 7] }, 'addrs'],
      ['a misspelt field', { peerId: PEER, adrs: [] }, 'adrs'],
    ],
  },
  {
    method: 'untrust',
    accepts: [['a PeerId', { peerId: PEER }, { peerId: PEER }], ['a name', { peerId: 'bravo' }, { peerId: 'bravo' }]],
    refuses: [['nothing', {}, 'peerId'], ['a list', { peerId: ['bravo'] }, 'peerId']],
  },
  {
    method: 'protect',
    accepts: [
      ['what the CLI sends', { name: 'www', path: '/srv/www', to: ['bravo'], include: [], exclude: ['*.tmp'], compress: false, bwlimit: 50_000_000, blockSize: 4096, scanIntervalMs: 1000 }],
      ['one target as a string', { name: 'www', path: '/srv/www', to: 'bravo' }, { name: 'www', path: '/srv/www', to: ['bravo'] }],
      ['one glob as a string', { name: 'www', path: '/srv/www', to: ['bravo'], exclude: '*.tmp' }, { name: 'www', path: '/srv/www', to: ['bravo'], exclude: ['*.tmp'] }],
      ['null for optional fields', { name: 'www', path: '/srv/www', to: ['bravo'], bwlimit: null, compress: null }, { name: 'www', path: '/srv/www', to: ['bravo'] }],
    ],
    refuses: [
      ['no name', { path: '/srv/www', to: ['bravo'] }, 'name'],
      ['no path', { name: 'www', to: ['bravo'] }, 'path'],
      ['no target', { name: 'www', path: '/srv/www' }, 'to'],
      ['an empty target list', { name: 'www', path: '/srv/www', to: [] }, 'to'],
      ['an empty target name', { name: 'www', path: '/srv/www', to: [''] }, 'to'],
      ['a negative bwlimit', { name: 'www', path: '/srv/www', to: ['bravo'], bwlimit: -1 }, 'bwlimit'],
      ['a bwlimit with a unit', { name: 'www', path: '/srv/www', to: ['bravo'], bwlimit: '50MB/s' }, 'bwlimit'],
      ['a block size that is not a number', { name: 'www', path: '/srv/www', to: ['bravo'], blockSize: '4KiB' }, 'blockSize'],
      ['compress as a string', { name: 'www', path: '/srv/www', to: ['bravo'], compress: 'yes' }, 'compress'],
      ['include with a number', { name: 'www', path: '/srv/www', to: ['bravo'], include: [1] }, 'include'],
      ['a field of another method', { name: 'www', path: '/srv/www', to: ['bravo'], repair: true }, 'repair'],
    ],
  },
  {
    method: 'unprotect',
    accepts: [['a name', { name: 'www' }, { name: 'www' }], ['a name and a peer', { name: 'www', peer: 'bravo' }, { name: 'www', peer: 'bravo' }]],
    refuses: [['no name', { peer: 'bravo' }, 'name'], ['an empty peer', { name: 'www', peer: '' }, 'peer']],
  },
  { method: 'status', accepts: [['empty params', {}, {}]], refuses: [['a name', { name: 'www' }, 'name']] },
  { method: 'pause', accepts: [['a name', { name: 'www' }, { name: 'www' }]], refuses: [['no name', {}, 'name'], ['a numeric name', { name: 1 }, 'name']] },
  { method: 'resume', accepts: [['a name', { name: 'www' }, { name: 'www' }]], refuses: [['no name', {}, 'name']] },
  {
    method: 'verify',
    accepts: [['a name', { name: 'www' }, { name: 'www' }], ['with repair', { name: 'www', repair: true }, { name: 'www', repair: true }]],
    refuses: [['no name', { repair: true }, 'name'], ['repair as a string', { name: 'www', repair: 'yes' }, 'repair']],
  },
];

/** Drops fields left undefined, as JSON does on the wire. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

for (const row of table) {
  test(`${row.method}: takes the documented params`, (t) => {
    for (const [what, params, parsed] of row.accepts) t.deepEqual(asJson(parseParams(row.method, params)), parsed ?? params, what);
  });
  test(`${row.method}: refuses bad params with code usage, naming the field`, (t) => {
    for (const [what, params, field] of row.refuses) {
      const err = t.throws(() => parseParams(row.method, params), { instanceOf: ParamsError }, what);
      t.is(err?.code, 'usage', what);
      t.is(err?.exitCode, 2, what);
      t.is(err?.field, field, what);
      if (field !== '') t.true(err!.message.includes(`params.${field}`), `${what}: ${err?.message}`);
    }
  });
}

test('a refusal says what the field must be and what it got', (t) => {
  t.throws(() => parseParams('trust', { peerId: 42 }), { message: 'params.peerId of trust must be a non-empty string, not 42' });
  t.throws(() => parseParams('pause', {}), { message: 'pause needs params.name: a non-empty string' });
  t.throws(() => parseParams('id', { verbose: true }), { message: 'params.verbose is not a parameter of id; it takes none' });
  t.throws(() => parseParams('unprotect', { name: 'www', peers: 'bravo' }), { message: 'params.peers is not a parameter of unprotect; it takes name, peer' });
});

test('subscribe takes event names or "*", and refuses unknown events', (t) => {
  t.deepEqual(parseSubscribe({ events: ['peer:trusted', 'protection', 'stats', 'hook:started', 'hook:finished', 'failover'] }).events.length, 6);
  t.deepEqual(parseSubscribe({ events: ['*'] }), { events: ['*'] });
  t.deepEqual(parseSubscribe({ events: [] }), { events: [] });
  for (const [what, params] of [['no events', {}], ['one string', { events: 'stats' }], ['an unknown event', { events: ['peer:trustd'] }]] as const) {
    const err = t.throws(() => parseSubscribe(params), { instanceOf: ParamsError }, what);
    t.is(err?.field, 'events', what);
  }
  t.regex(t.throws(() => parseSubscribe({ events: ['peer:trustd'] }))!.message, /event names .*peer:trusted/);
});

/** Sends one request line to a control socket and returns the reply. */
async function request(sock: string, line: object): Promise<any> {
  const socket = connect(sock);
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => { buffer += d; });
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  socket.write(JSON.stringify(line) + '\n');
  try {
    return JSON.parse(await waitFor('a control reply', async () => (buffer.includes('\n') ? buffer.slice(0, buffer.indexOf('\n')) : undefined), 10_000, 20));
  } finally {
    socket.destroy();
  }
}

test('the daemon refuses bad params with code usage, and the CLI exits 2 on a usage error from the daemon', async (t) => {
  const d = await startDaemon({ name: 'alpha', t });
  const sock = join(d.home, 'control.sock');

  t.deepEqual(await request(sock, { id: 1, method: 'trust', params: { peerId: 42 } }),
    { id: 1, error: { code: 'usage', message: 'params.peerId of trust must be a non-empty string, not 42' } });
  // The replication methods are checked by the contract too, before their handlers run.
  t.like(await request(sock, { id: 2, method: 'protect', params: { name: 'www', to: ['bravo'] } }), { id: 2, error: { code: 'usage', message: 'protect needs params.path: a non-empty string' } });
  t.like(await request(sock, { id: 3, method: 'subscribe', params: { events: ['peer:trustd'] } }), { id: 3, error: { code: 'usage' } });
  t.like(await request(sock, { id: 4, method: 'no-such-method', params: { x: 1 } }), { id: 4, error: { code: 'unknown-method' } });
  t.like(await request(sock, { id: 5, method: 'peers', params: {} }), { id: 5, result: [] });

  // Only the daemon knows its own PeerId: the refusal comes from there, and is still bad usage.
  const own = await d.cli(['trust', d.peerId]);
  t.is(own.code, 2, own.stderr);
  t.regex(own.stderr, /this peer's own PeerId/);
  const empty = await d.cli(['trust', '']);
  t.is(empty.code, 2, empty.stderr);
  t.regex(empty.stderr, /params\.peerId/);
  // Other errors of the daemon still exit 1.
  const stranger = await d.cli(['untrust', 'nobody']);
  t.is(stranger.code, 1, stranger.stderr);
});
