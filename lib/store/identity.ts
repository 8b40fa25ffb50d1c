// The peer's identity: an Ed25519 libp2p key in <home>/peer.key (protobuf encoding, mode 0600).
// Created once by `doppel init`, never overwritten, so the PeerId survives restarts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys';
import type { PrivateKey } from '@libp2p/interface';
import { peerIdFromPrivateKey } from '@libp2p/peer-id';
import { NotInitializedError, StateError } from '../errors.js';

export const KEY_FILE = 'peer.key';

export function keyPath(home: string): string {
  return join(home, KEY_FILE);
}

export function loadPeerKey(home: string): PrivateKey {
  let bytes: Buffer;
  try {
    bytes = readFileSync(keyPath(home));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotInitializedError(home);
    throw err;
  }
  try {
    return privateKeyFromProtobuf(bytes);
  } catch (err) {
    throw new StateError(`${keyPath(home)} is not a libp2p private key (${(err as Error).message}); restore it from a backup, or move it away and run \`doppel init\` for a new identity`);
  }
}

/** Loads the key, creating it (mode 0600, never replacing a file) when there is none. */
export async function ensurePeerKey(home: string): Promise<{ key: PrivateKey; created: boolean }> {
  try {
    return { key: loadPeerKey(home), created: false };
  } catch (err) {
    if (!(err instanceof NotInitializedError)) throw err;
  }
  const key = await generateKeyPair('Ed25519');
  writeFileSync(keyPath(home), privateKeyToProtobuf(key), { flag: 'wx', mode: 0o600 });
  return { key, created: true };
}

export function peerIdOf(key: PrivateKey): string {
  return peerIdFromPrivateKey(key).toString();
}
