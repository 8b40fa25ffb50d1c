// Decoding of `ReplicateFrame{batch}` frames without gathering them into one buffer first. A
// batch frame of a mirror is megabytes of block data spread over the ~64 KiB chunks the
// connection delivered; protobufjs needs it contiguous, which cost the target a copy of every
// byte (and the garbage collection of it). Here each Write's `data` stays a list of views into the
// received chunks. Only the exact shape encodeBatchParts produces is handled; anything else
// (unknown fields, other frames, malformed input) returns undefined and the caller decodes the
// frame the ordinary way, which also reports malformed input.
import { Uint8ArrayList } from 'uint8arraylist';
import type { doppel } from './wire.js';

/** A Write whose data may still be in pieces (`dataList`), as received. */
export type ReceivedWrite = doppel.IWrite & { dataList?: Uint8ArrayList };

const TAG_FRAME_BATCH = (4 << 3) | 2;
const MAX_VARINT_BYTES = 8; // 2^56: anything larger is not a safe integer anyway

class NotFastPath extends Error {}

/** Sequential reads over the chunks of a Uint8ArrayList. */
class ListReader {
  private readonly chunks: Uint8Array[];
  private chunk = 0;
  private at = 0;
  pos = 0;

  constructor(private readonly list: Uint8ArrayList) {
    this.chunks = [...list];
  }

  get length(): number {
    return this.list.byteLength;
  }

  byte(): number {
    for (;;) {
      const c = this.chunks[this.chunk];
      if (c === undefined) throw new NotFastPath();
      if (this.at < c.length) {
        this.pos++;
        return c[this.at++]!;
      }
      this.chunk++;
      this.at = 0;
    }
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) throw new NotFastPath();
        return value;
      }
      scale *= 128;
    }
    throw new NotFastPath();
  }

  /** The next `n` bytes as views into the chunks (no copy). */
  takeList(n: number): Uint8ArrayList {
    if (n < 0 || this.pos + n > this.length) throw new NotFastPath();
    const out = new Uint8ArrayList();
    let left = n;
    while (left > 0) {
      const c = this.chunks[this.chunk]!;
      const take = Math.min(left, c.length - this.at);
      if (take > 0) out.append(c.subarray(this.at, this.at + take));
      this.at += take;
      left -= take;
      if (this.at === c.length) {
        this.chunk++;
        this.at = 0;
      }
    }
    this.pos += n;
    return out;
  }

  /** The next `n` bytes in one buffer (a copy only when they span chunks). */
  take(n: number): Uint8Array {
    return this.takeList(n).subarray();
  }
}

function decodeWrite(r: ReceivedWrite, reader: ListReader, end: number): void {
  while (reader.pos < end) {
    const tag = reader.varint();
    switch (tag) {
      case (1 << 3) | 2: r.path = Buffer.from(reader.take(reader.varint())).toString('utf8'); break;
      case (2 << 3) | 0: r.offset = reader.varint(); break;
      case (3 << 3) | 2: r.dataList = reader.takeList(reader.varint()); break;
      case (4 << 3) | 2: r.hash = reader.take(reader.varint()); break;
      case (5 << 3) | 0: r.rawLength = reader.varint(); break;
      case (6 << 3) | 0: r.compressed = reader.varint() !== 0; break;
      default: throw new NotFastPath();
    }
  }
  if (reader.pos !== end) throw new NotFastPath();
}

/**
 * The batch of a `ReplicateFrame{batch}` body, with Write data as lists, or undefined when the
 * body is anything else. `decodeOp` decodes a (copied, small) non-Write op.
 */
export function decodeBatchList(body: Uint8ArrayList, decodeOp: (bytes: Uint8Array) => doppel.IOp): doppel.IBatch | undefined {
  if (body.byteLength === 0 || body.get(0) !== TAG_FRAME_BATCH) return undefined;
  const reader = new ListReader(body);
  try {
    reader.byte();
    const length = reader.varint();
    if (reader.pos + length !== body.byteLength) return undefined;
    const batch: doppel.IBatch = { ops: [] };
    while (reader.pos < body.byteLength) {
      const tag = reader.varint();
      switch (tag) {
        case (1 << 3) | 0: batch.seq = reader.varint(); break;
        case (2 << 3) | 0: batch.generation = reader.varint(); break;
        case (4 << 3) | 0: batch.final = reader.varint() !== 0; break;
        case (5 << 3) | 0: batch.mirrorDone = reader.varint() !== 0; break;
        case (3 << 3) | 2: {
          const opLength = reader.varint();
          const opEnd = reader.pos + opLength;
          if (opEnd > body.byteLength) return undefined;
          // An op that is exactly one Write field: decode it in place; any other op is small.
          const start = reader.pos;
          const first = opLength > 0 ? reader.varint() : -1;
          if (first === ((7 << 3) | 2)) {
            const writeLength = reader.varint();
            if (reader.pos + writeLength === opEnd) {
              const write: ReceivedWrite = {};
              decodeWrite(write, reader, opEnd);
              batch.ops!.push({ write });
              break;
            }
          }
          // Any other op is small: decode it whole from a copy, and read on after it.
          reader.takeList(opEnd - reader.pos);
          batch.ops!.push(decodeOp(body.subarray(start, opEnd)));
          break;
        }
        default: return undefined;
      }
    }
    return batch;
  } catch (err) {
    if (err instanceof NotFastPath) return undefined;
    throw err;
  }
}
