// Crashes, restarts and hostile peers: the replica is never torn, never written outside its root,
// and the daemon keeps serving.
import '../lib/polyfill.js';
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { multiaddr } from '@multiformats/multiaddr';
import { createNode } from '../lib/net/node.js';
import { FramedStream } from '../lib/net/frames.js';
import { MAX_REPLICATE_FRAME_BYTES, PROTOCOL_VERSION, REPLICATE_PROTOCOL, doppel, replicateCodec, type ReplicateFrame } from '../lib/net/wire.js';
import { loadPeerKey, peerIdOf } from '../lib/store/identity.js';
import { digestBlocks } from '../lib/store/hasher.js';
import { runCli, startDaemon, trustEachOther, type TestDaemon } from './helpers/daemon.js';
import { sha256File, walk, waitUntil } from './helpers/tree.js';

interface Status {
  name: string; role: string; state: string; mirror: { doneBytes: number; totalBytes: number };
  counters: { bytesSent: number; bytesReceived: number };
}

async function statusOf(d: TestDaemon, name: string, role = 'source'): Promise<Status | undefined> {
  return ((await d.cliJson(['status'])) as Status[]).find((p) => p.name === name && p.role === role);
}

async function scratch(t: { teardown(fn: () => Promise<void>): void }, prefix = 'doppel-src-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test.serial('[slow] target killed mid-mirror: no torn file, and it converges after restart', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  const src = await scratch(t);
  await mkdir(join(src, 'small'));
  for (let i = 0; i < 50; i++) await writeFile(join(src, 'small', `f${i}`), randomBytes(10_000 + i));
  await writeFile(join(src, 'big.img'), randomBytes(256 * 1024 * 1024));
  t.is((await alpha.cli(['protect', 'crash', src, '--to', 'bravo'])).code, 0);
  // The target's own counter: the source's progress moves only as whole batches are applied.
  const started = await waitUntil(async () => ((await statusOf(bravo, 'crash', 'target'))?.counters.bytesReceived ?? 0) > 8 * 1024 * 1024, 60_000, 20);
  t.true(started, 'the mirror got going');
  await bravo.kill();

  const replica = join(bravo.home, 'replicas', alpha.peerId, 'crash');
  const sourceTree = await walk(src);
  const replicaTree = await walk(replica);
  t.notDeepEqual(replicaTree, sourceTree, 'the kill landed mid-mirror');
  for (const [path, entry] of Object.entries(replicaTree)) {
    if (entry.type !== 'file') continue;
    t.is(entry.sha256, sourceTree[path]?.sha256, `${path} on the replica is whole, never torn`);
  }
  await bravo.restart();
  const want = JSON.stringify(sourceTree);
  t.true(await waitUntil(async () => JSON.stringify(await walk(replica)) === want, 120_000, 200), 'converges after restart');
});

test.serial('[slow] source restarted while the target is away resends only the dirty blocks', async (t) => {
  const alpha = await startDaemon({ t, name: 'alpha' });
  const bravo = await startDaemon({ t, name: 'bravo' });
  await trustEachOther(alpha, bravo);
  const src = await scratch(t);
  const image = join(src, 'disk.img');
  await writeFile(image, randomBytes(64 * 1024 * 1024));
  t.is((await alpha.cli(['protect', 'img', image, '--to', 'bravo'])).code, 0);
  const replica = join(bravo.home, 'replicas', alpha.peerId, 'img', 'data');
  const first = await sha256File(image);
  t.true(await waitUntil(async () => existsSync(replica) && (await sha256File(replica)) === first, 60_000, 100));

  await bravo.stop();
  const fh = await open(image, 'r+');
  await fh.write(randomBytes(4096), 0, 4096, 40 * 4096);
  await fh.write(randomBytes(4096), 0, 4096, 9000 * 4096);
  await fh.close();
  await new Promise((r) => setTimeout(r, 500));
  await alpha.restart();
  await bravo.restart();
  const changed = await sha256File(image);
  t.true(await waitUntil(async () => (await sha256File(replica)) === changed, 60_000, 100), 'the replica catches up');
  const sent = (await statusOf(alpha, 'img'))!.counters.bytesSent;
  t.true(sent <= 64 * 1024, `resent ${sent} bytes for two dirty 4 KiB blocks`);
});

/** A trusted peer that speaks the replicate protocol by hand, to send what a real source never would. */
async function hostilePeer(t: { teardown(fn: () => Promise<void>): void }, target: TestDaemon) {
  const home = await scratch(t, 'doppel-evil-');
  const init = await runCli(['init', '--name', 'evil', '--listen', '/ip4/127.0.0.1/tcp/0', '--no-mdns', '--home', home]);
  if (init.code !== 0) throw new Error(init.stderr);
  const key = loadPeerKey(home);
  const node = await createNode({ privateKey: key, listen: ['/ip4/127.0.0.1/tcp/0'], mdns: false, gater: {} });
  await node.start();
  t.teardown(async () => { await node.stop(); });
  const peerId = peerIdOf(key);
  const trusted = await target.cli(['trust', peerId, '--name', 'evil']);
  if (trusted.code !== 0) throw new Error(trusted.stderr);
  const open = async (): Promise<FramedStream<ReplicateFrame>> => {
    const stream = await node.dialProtocol(multiaddr(target.addrs[0]!), REPLICATE_PROTOCOL);
    const framed = new FramedStream(stream, replicateCodec, { maxFrameBytes: MAX_REPLICATE_FRAME_BYTES });
    await framed.send({ offer: { protocolVersion: PROTOCOL_VERSION, protection: 'evil', kind: doppel.Kind.KIND_TREE, generation: 1, blockSize: 4096 } });
    const reply = await framed.read();
    if (reply?.offerReply?.accepted !== true) throw new Error(`offer refused: ${reply?.offerReply?.reason}`);
    for (;;) {
      const frame = await framed.read();
      if (frame?.index?.last) break;
    }
    return framed;
  };
  return { peerId, open };
}

/** True when the target reset the stream (read fails or ends) instead of acknowledging. */
async function refused(framed: FramedStream<ReplicateFrame>): Promise<boolean> {
  try {
    const frame = await framed.read(AbortSignal.timeout(10_000));
    return frame == null || frame.ack == null;
  } catch {
    return true;
  }
}

function write(path: string, data: Buffer): doppel.IOp {
  return { write: { path, offset: 0, data, hash: digestBlocks(data, 4096), rawLength: data.length } };
}

test.serial('hostile frames are refused and nothing is written outside the replica root', async (t) => {
  const bravo = await startDaemon({ t, name: 'bravo' });
  const outside = await scratch(t, 'doppel-outside-');
  const evil = await hostilePeer(t, bravo);
  const payload = Buffer.from('pwned\n');
  const cases: Array<[string, doppel.IOp[]]> = [
    ['dot-dot path', [write('../../../escaped', payload)]],
    ['absolute path', [write(join(outside, 'abs'), payload)]],
    ['NUL in a path', [write('a\0b', payload)]],
    ['symlink then write through it', [{ symlink: { path: 'link', target: outside } }, write('link/through', payload)]],
    ['staged write through a symlink', [{ symlink: { path: 'link2', target: outside } }, { fileBegin: { path: 'link2/staged', size: 6 } }, write('link2/staged', payload), { fileCommit: { path: 'link2/staged', mode: 0o644 } }]],
    ['rename out of the root', [write('inside', payload), { rename: { from: 'inside', to: '../../renamed-out' } }]],
    ['bad block hash', [{ write: { path: 'corrupt', offset: 0, data: payload, hash: Buffer.alloc(8), rawLength: payload.length } }]],
  ];
  let seq = 1;
  for (const [what, ops] of cases) {
    const framed = await evil.open();
    await framed.send({ batch: { seq: seq++, generation: 1, ops, final: true } });
    t.true(await refused(framed), `${what}: refused`);
    framed.abort(new Error('done'));
  }

  // A batch of an older generation (what a fenced old source would send): refused, never applied.
  const stale = await evil.open();
  await stale.send({ batch: { seq: seq++, generation: 0, ops: [write('stale-generation', payload)], final: true } });
  t.true(await refused(stale), 'a batch of an older generation: refused');
  stale.abort(new Error('done'));

  // An oversize frame: a length prefix far above the cap, then some bytes.
  const framed = await evil.open();
  const header = Uint8Array.from([0x80, 0x80, 0x80, 0x40]); // 128 MiB
  framed.stream.send(header);
  framed.stream.send(randomBytes(64 * 1024));
  t.true(await refused(framed), 'oversize frame: refused');

  t.deepEqual(await readdir(outside), [], 'nothing appeared outside the replica root');
  const replicas = join(bravo.home, 'replicas');
  t.deepEqual(await readdir(replicas), [evil.peerId], 'nothing appeared beside the replica');
  const replica = join(replicas, evil.peerId, 'evil');
  const inside = await walk(replica);
  t.false(Object.keys(inside).some((p) => p.includes('through') || p.includes('staged') || p === 'corrupt' || p === 'stale-generation'), JSON.stringify(inside));
  t.regex(bravo.logs(), /carries generation 0, the protection is at 1/, 'the stale batch is logged');
  t.false(existsSync(join(bravo.home, 'escaped')));
  t.false(existsSync(join(bravo.home, 'replicas', 'renamed-out')));
  const id = await bravo.cli(['id', '--json']);
  t.is(id.code, 0, 'the daemon is still serving');
  t.regex(bravo.logs(), new RegExp(evil.peerId), 'the refusal is logged with the peer id');
});
