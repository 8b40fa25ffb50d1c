import '../lib/polyfill.js';
import test from 'ava';
import { multiaddr } from '@multiformats/multiaddr';
import { generateKeyPair } from '@libp2p/crypto/keys';
import { peerIdFromString } from '@libp2p/peer-id';
import { encodeFrame } from '../lib/net/frames.js';
import { createNode } from '../lib/net/node.js';
import { PEER_PROTOCOL, peerCodec } from '../lib/net/wire.js';
import { startDaemon, trustEachOther, waitConnected, waitFor, type PeerJson } from './helpers/daemon.js';

test('two trusted peers connect with a latency; a stranger stays pending and is refused', async (t) => {
  const alpha = await startDaemon({ name: 'alpha', t });
  const bravo = await startDaemon({ name: 'bravo', t });
  const stranger = await startDaemon({ name: 'stranger', t });

  await trustEachOther(alpha, bravo);
  const seen = await waitConnected(alpha, bravo);
  t.is(seen.name, 'bravo');
  t.true(typeof seen.latencyMs === 'number' && seen.latencyMs >= 0 && seen.latencyMs < 1000);
  t.true(seen.addresses.includes(bravo.addrs[0]!));

  // The stranger trusts alpha, but alpha does not trust it: refused, listed as pending.
  const r = await stranger.cliJson<{ connected: boolean }>(['trust', alpha.peerId, '--addr', alpha.addrs[0]!]);
  t.false(r.connected);
  const pending = await waitFor('alpha to list the stranger as pending', async () => {
    const peers = await alpha.cliJson<PeerJson[]>(['peers']);
    return peers.find((p) => p.peerId === stranger.peerId);
  });
  t.is(pending.state, 'pending');
  t.is(pending.latencyMs, null);
  const fromStranger = (await stranger.cliJson<PeerJson[]>(['peers'])).find((p) => p.peerId === alpha.peerId);
  t.is(fromStranger?.state, 'trusted', 'the stranger never gets a working connection to alpha');
  t.regex(alpha.logs(), /refused a connection from an untrusted peer/);

  const human = await alpha.cli(['peers']);
  t.is(human.code, 0);
  t.regex(human.stdout, /^NAME\s+STATE\s+LATENCY/);
  t.regex(human.stdout, /bravo\s+connected\s+[\d.]+ ms/);
});

test('restart keeps the PeerId and the trust, and the peers reconnect', async (t) => {
  const alpha = await startDaemon({ name: 'alpha', t });
  const bravo = await startDaemon({ name: 'bravo', t });
  await trustEachOther(alpha, bravo);
  const before = bravo.peerId;

  await bravo.restart();
  t.is(bravo.peerId, before);
  const id = await bravo.cliJson<{ peerId: string; name: string }>(['id']);
  t.is(id.peerId, before);
  t.is(id.name, 'bravo');
  await waitConnected(bravo, alpha);
  await waitConnected(alpha, bravo);
});

test('untrust closes the connection at once and the peer becomes pending', async (t) => {
  const alpha = await startDaemon({ name: 'alpha', t });
  const bravo = await startDaemon({ name: 'bravo', t });
  await trustEachOther(alpha, bravo);

  const r = await alpha.cliJson<{ wasTrusted: boolean }>(['untrust', 'bravo']);
  t.true(r.wasTrusted);
  const onAlpha = (await alpha.cliJson<PeerJson[]>(['peers'])).find((p) => p.peerId === bravo.peerId);
  t.is(onAlpha?.state, 'pending');
  const onBravo = await waitFor('bravo to see alpha disconnected', async () => {
    const p = (await bravo.cliJson<PeerJson[]>(['peers'])).find((x) => x.peerId === alpha.peerId);
    return p?.state === 'trusted' ? p : undefined;
  }, 5_000);
  t.is(onBravo.state, 'trusted');
});

test('a trusted peer sending an oversize or undecodable frame is disconnected; the daemon keeps serving', async (t) => {
  const daemon = await startDaemon({ name: 'alpha', t });
  const privateKey = await generateKeyPair('Ed25519');
  const node = await createNode({ privateKey, listen: ['/ip4/127.0.0.1/tcp/0'], mdns: false, gater: {} });
  await node.start();
  t.teardown(() => node.stop());
  const me = node.peerId.toString();
  const trusted = await daemon.cli(['trust', me, '--name', 'hostile']);
  t.is(trusted.code, 0, trusted.stderr);

  const cases: Array<[string, Uint8Array]> = [
    // A length prefix of 100 MiB: refused from the header alone, before any allocation.
    ['oversize', Uint8Array.from([0x80, 0x80, 0x80, 0x32])],
    // A frame of valid length whose body is not a PeerFrame (wire type 7).
    ['undecodable', encodeFrame(Uint8Array.from([0x0f, 0x00])).subarray()],
  ];
  for (const [label, bytes] of cases) {
    const stream = await node.dialProtocol(multiaddr(daemon.addrs[0]!), PEER_PROTOCOL);
    stream.send(bytes);
    await waitFor(`the daemon to drop the connection after the ${label} frame`, async () => node.getConnections(peerIdFromString(daemon.peerId)).length === 0, 5_000);
    const id = await daemon.cli(['id', '--json']);
    t.is(id.code, 0, `${label}: daemon answers after the bad frame`);
  }
  t.regex(daemon.logs(), /closing the connection to a peer .*FrameTooLargeError/);
  t.regex(daemon.logs(), /closing the connection to a peer .*MalformedFrameError/);

  // A well-behaved frame on a new connection still works: the daemon answers our Hello.
  const stream = await node.dialProtocol(multiaddr(daemon.addrs[0]!), PEER_PROTOCOL);
  stream.send(encodeFrame(peerCodec.encode({ hello: { protocolVersion: 1, name: 'hostile' } })));
  const peer = await waitFor('the daemon to list the test node as connected', async () => {
    const peers = await daemon.cliJson<PeerJson[]>(['peers']);
    return peers.find((p) => p.peerId === me && p.state === 'connected');
  }, 5_000);
  t.is(peer.name, 'hostile');
});
