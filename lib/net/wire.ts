// The wire protocol's messages and codecs. The only module that imports the generated code.
import './protobuf-numbers.js';
import { doppel } from '../../proto/gen/doppel.js';
import { lengthPrefix as varint, type Codec } from './frames.js';
import { decodeBatchList } from './batch-decoder.js';

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
  decodeList: (list) => {
    const batch = decodeBatchList(list, (bytes) => doppel.Op.decode(bytes));
    return batch !== undefined ? { batch } : doppel.ReplicateFrame.decode(list.subarray());
  },
};

function concatSmall(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Field tags (field number << 3 | 2, length-delimited) spliced by encodeBatchParts.
const TAG_FRAME_BATCH = (4 << 3) | 2;
const TAG_BATCH_OPS = (3 << 3) | 2;
const TAG_OP_WRITE = (7 << 3) | 2;
const TAG_WRITE_DATA = (3 << 3) | 2;

/**
 * The body of a `ReplicateFrame{batch}` as parts whose concatenation decodes exactly like
 * `ReplicateFrame.encode({batch})`, without copying Write data: each Write's `data` is a part of
 * its own (protobuf allows fields in any order, so it is placed last). Encoding through protobufjs
 * copied every byte of block data once more and cost the source more CPU than the copy itself.
 * The caller must not reuse a data buffer until the stream has sent it.
 */
export function encodeBatchParts(batch: doppel.IBatch): { parts: Uint8Array[]; length: number } {
  const parts: Uint8Array[] = [];
  const { ops, ...fixed } = batch;
  const head = doppel.Batch.encode(fixed).finish();
  let batchLength = head.length;
  parts.push(head);
  for (const op of ops ?? []) {
    const data = op.write?.data;
    if (op.write == null || data == null || data.length === 0) {
      const bytes = doppel.Op.encode(op).finish();
      const tag = concatSmall([Uint8Array.of(TAG_BATCH_OPS), varint(bytes.length), bytes]);
      parts.push(tag);
      batchLength += tag.length;
      continue;
    }
    const { data: _data, ...rest } = op.write;
    const write = doppel.Write.encode(rest).finish();
    const dataHeader = concatSmall([Uint8Array.of(TAG_WRITE_DATA), varint(data.length)]);
    const writeLength = write.length + dataHeader.length + data.length;
    const opHeader = concatSmall([Uint8Array.of(TAG_OP_WRITE), varint(writeLength)]);
    const opLength = opHeader.length + writeLength;
    const header = concatSmall([Uint8Array.of(TAG_BATCH_OPS), varint(opLength), opHeader, write, dataHeader]);
    parts.push(header, data);
    batchLength += header.length + data.length;
  }
  const frameHeader = concatSmall([Uint8Array.of(TAG_FRAME_BATCH), varint(batchLength)]);
  parts.unshift(frameHeader);
  return { parts, length: frameHeader.length + batchLength };
}
