// The wire protocol's messages and codecs. The only module that imports the generated code.
import './protobuf-numbers.js';
import { doppel } from '../../proto/gen/doppel.js';
import type { Codec } from './frames.js';

export { doppel };

export const PROTOCOL_VERSION = 1;
export const PEER_PROTOCOL = '/doppel/peer/1.0.0';
export const REPLICATE_PROTOCOL = '/doppel/replicate/1.0.0';

/** Caps on a single frame, checked before allocation. */
export const MAX_PEER_FRAME_BYTES = 64 * 1024;
export const MAX_REPLICATE_FRAME_BYTES = 8 * 1024 * 1024 + 64 * 1024;

export type PeerFrame = doppel.IPeerFrame;
export type ReplicateFrame = doppel.IReplicateFrame;

export const peerCodec: Codec<doppel.IPeerFrame> = {
  encode: (m) => doppel.PeerFrame.encode(m).finish(),
  decode: (b) => doppel.PeerFrame.decode(b),
};

export const replicateCodec: Codec<doppel.IReplicateFrame> = {
  encode: (m) => doppel.ReplicateFrame.encode(m).finish(),
  decode: (b) => doppel.ReplicateFrame.decode(b),
};
