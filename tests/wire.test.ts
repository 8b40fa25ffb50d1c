import test from 'ava';
import { randomBytes } from 'node:crypto';
import { doppel, encodeBatchParts } from '../lib/net/wire.js';

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
