// The libp2p node: TCP, noise, yamux, identify, ping, optional mDNS, and the trust gater.
import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { identify } from '@libp2p/identify';
import type { ConnectionGater, Libp2p, PrivateKey } from '@libp2p/interface';
import { mdns } from '@libp2p/mdns';
import { ping } from '@libp2p/ping';
import { tcp } from '@libp2p/tcp';
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr';
import { createLibp2p } from 'libp2p';
import { peerIdFromString } from '@libp2p/peer-id';
import { InvalidPeerIdError, UsageError } from '../errors.js';

export type { Libp2p };

export interface NodeOptions {
  privateKey: PrivateKey;
  listen: string[];
  mdns: boolean;
  gater: ConnectionGater;
}

export async function createNode(options: NodeOptions): Promise<Libp2p> {
  return createLibp2p({
    privateKey: options.privateKey,
    addresses: { listen: options.listen },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionGater: options.gater,
    peerDiscovery: options.mdns ? [mdns({ interval: 10_000 })] : [],
    services: {
      identify: identify(),
      ping: ping(),
    },
  });
}

/** Checks a PeerId string, throwing an error that tells the user where to find one. */
export function parsePeerId(value: string): string {
  try {
    return peerIdFromString(value).toString();
  } catch {
    throw new InvalidPeerIdError(value);
  }
}

/**
 * Normalises an address of `peerId` to end in /p2p/<peerId> (so a dial proves who answers);
 * rejects an address that names another peer.
 */
export function peerAddress(peerId: string, addr: string | Multiaddr): string {
  let ma: Multiaddr;
  try {
    ma = typeof addr === 'string' ? multiaddr(addr) : addr;
  } catch {
    throw new UsageError(`${String(addr)} is not a multiaddr; use the form /ip4/192.0.2.10/tcp/4717/p2p/<PeerId> printed by \`doppel id\``);
  }
  const last = ma.getComponents().at(-1);
  if (last?.name === 'p2p') {
    if (last.value !== peerId) throw new UsageError(`address ${ma.toString()} belongs to peer ${last.value ?? '?'}, not ${peerId}`);
    return ma.toString();
  }
  return ma.encapsulate(`/p2p/${peerId}`).toString();
}
