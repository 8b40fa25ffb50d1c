// Worker thread body for hasher.ts: hashes one stripe of a big file and posts the digests back.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { hashRange, OPEN_FLAGS, type StripeMessage, type StripeRequest } from './hasher.js';

const req = workerData as StripeRequest;
const post = (m: StripeMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);

let lastReport = 0;
const fh = await open(req.path, OPEN_FLAGS);
try {
  const hashes = await hashRange(fh, req.offset, req.length, req.blockSize, {
    onProgress(bytes) {
      if (bytes - lastReport >= 32 * 1024 * 1024 || bytes === req.length) { lastReport = bytes; post({ kind: 'progress', bytes }); }
    },
  });
  post({ kind: 'done', hashes }, [hashes.buffer as ArrayBuffer]);
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ kind: 'error', name: e.name, message: e.message });
} finally {
  await fh.close();
}
