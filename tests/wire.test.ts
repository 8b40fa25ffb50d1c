import test from 'ava';
import { randomBytes } from 'node:crypto';
import { Uint8ArrayList } from 'uint8arraylist';
import type { ReceivedWrite } from '../lib/net/batch-decoder.js';
import { doppel, encodeBatchParts, replicateCodec } from '../lib/net/wire.js';
import { digestBlocks } from '../lib/store/hasher.js';

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

test('encodeBatchParts decodes exactly like protobufjs encoding, data not copied', (t) => {
  const big = randomBytes(300_000);
  const batch: doppel.IBatch = {
    seq: 7,
    generation: 3,
    final: true,
    mirrorDone: true,
    ops: [
      { mkdir: { path: 'a', mode: 0o755, mtimeMs: 1 } },
      { fileBegin: { path: 'a/b', size: big.length, base: false } },
      { write: { path: 'a/b', offset: 0, data: big, hash: randomBytes(8 * 74), rawLength: big.length } },
      { write: { path: 'a/é', offset: 4096, data: randomBytes(5), hash: randomBytes(8) } },
      { write: { path: 'empty', offset: 0, data: new Uint8Array(0), hash: new Uint8Array(0) } },
      { fileCommit: { path: 'a/b', mode: 0o600, mtimeMs: 1_700_000_000_123 } },
    ],
  };
  const { parts, length } = encodeBatchParts(batch);
  const body = concat(parts);
  t.is(body.length, length);
  t.true(parts.includes(big), 'the data buffer itself is a part');
  const viaParts = doppel.ReplicateFrame.decode(body);
  const reference = doppel.ReplicateFrame.decode(doppel.ReplicateFrame.encode({ batch }).finish());
  // Re-encoding puts fields in declaration order: equal bytes mean equal messages.
  t.true(Buffer.from(doppel.ReplicateFrame.encode(viaParts).finish()).equals(doppel.ReplicateFrame.encode(reference).finish()));
  t.is(viaParts.batch!.ops!.length, 6);
  t.true(Buffer.from(viaParts.batch!.ops![2]!.write!.data!).equals(big));
});

test('encodeBatchParts of a batch without ops', (t) => {
  const { parts, length } = encodeBatchParts({ seq: 1, generation: 1, ops: [], final: true });
  const decoded = doppel.ReplicateFrame.decode(concat(parts));
  t.is(concat(parts).length, length);
  t.is(decoded.batch?.seq, 1);
  t.true(decoded.batch?.final);
});

test('a large batch frame decodes from its received pieces, Write data left in place', (t) => {
  const data = randomBytes(200_000);
  const batch: doppel.IBatch = {
    seq: 9,
    generation: 2,
    final: false,
    ops: [
      { fileBegin: { path: 'f', size: data.length, base: false } },
      { write: { path: 'f', offset: 0, data, hash: randomBytes(8 * 49), rawLength: data.length } },
      { setAttr: { path: 'f', mode: 0o600, mtimeMs: 5 } },
    ],
  };
  const whole = concat(encodeBatchParts(batch).parts);
  // Cut the frame at awkward places, as the connection delivers it.
  const pieces = new Uint8ArrayList();
  for (let at = 0; at < whole.length; at += 65_519) pieces.append(whole.subarray(at, Math.min(at + 65_519, whole.length)));
  const decoded = replicateCodec.decodeList!(pieces);
  const write = decoded.batch!.ops![1]!.write as ReceivedWrite;
  t.truthy(write.dataList, 'data stays a list of views');
  t.true(Buffer.from(write.dataList!.subarray()).equals(data));
  t.is(write.path, 'f');
  t.is(decoded.batch!.seq, 9);
  t.is(decoded.batch!.ops![2]!.setAttr!.mode, 0o600);
  t.is(decoded.batch!.ops![0]!.fileBegin!.size, data.length);
  t.deepEqual(digestBlocks(write.dataList!, 4096), digestBlocks(data, 4096));
  const tiny = new Uint8ArrayList();
  for (let at = 0; at < data.length; at += 1000) tiny.append(data.subarray(at, Math.min(at + 1000, data.length)));
  t.deepEqual(digestBlocks(tiny, 4096), digestBlocks(data, 4096), 'pieces smaller than a block');
  // Anything else falls back to the ordinary decoder, malformed input included.
  const ack = doppel.ReplicateFrame.encode({ ack: { receivedBytes: 5, appliedSeq: 1 } }).finish();
  t.is(replicateCodec.decodeList!(new Uint8ArrayList(ack)).ack?.receivedBytes, 5);
  t.throws(() => replicateCodec.decodeList!(new Uint8ArrayList(whole.subarray(0, whole.length - 3))));
});
