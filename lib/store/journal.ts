// The target's batch journal: a batch is written here and fsynced, then sealed with a checksummed
// commit record, and only then applied to the replica. One directory per batch under
// `<replica state dir>/journal/<seq>/` (beside the replica, see replicaStateDir):
//
//   ops       validated operations, one JSON object a line, in the source's order
//   data      payloads of in-place Writes, appended as they arrive (memory stays bounded)
//   commit    the commit record: {seq, opsBytes, opsSha256, dataBytes} + its own sha256; written
//             to a temporary name, fsynced and renamed, so it exists whole or not at all
//   progress  how many ops are durably applied (8 bytes), advanced around every rename-like op so
//             a replay never redoes a rename whose source name has been reused since
//
// A directory without a valid commit record is an incomplete batch: recovery discards it.
import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** A validated operation as journaled: paths are local replica paths, already confined-checked. */
export type JournalOp =
  | { t: 'mkdir'; path: string; mode: number; mtimeMs: number }
  | { t: 'symlink'; path: string; target: string }
  | { t: 'remove'; path: string }
  | { t: 'rename'; from: string; to: string }
  /** In-place patch: `len` bytes at `at` in the data file go to `offset` of `path`. */
  | { t: 'write'; path: string; offset: number; at: number; len: number }
  | { t: 'resize'; path: string; size: number }
  | { t: 'setattr'; path: string; mode: number; mtimeMs: number }
  /**
   * FileCommit: the staging file `staging` (relative to the replica's state directory) becomes `path`.
   * `hashes` (base64) carries a small file's block map, sparing it a sidecar file.
   */
  | { t: 'commit'; path: string; staging: string; mode: number; mtimeMs: number; hashes?: string };

export class JournalError extends Error {
  override name = 'JournalError';
}

interface CommitRecord {
  seq: number;
  opsBytes: number;
  opsSha256: string;
  dataBytes: number;
}

const OPS = 'ops';
const DATA = 'data';
const COMMIT = 'commit';
const PROGRESS = 'progress';
const FLUSH_BYTES = 256 * 1024;

async function syncPath(path: string, flags = constants.O_RDONLY): Promise<void> {
  const fh = await open(path, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A batch being received. */
export class BatchWriter {
  private opsText: string[] = [];
  private opsPending = 0;
  private opsBytes = 0;
  private dataBytes = 0;
  private readonly opsHash: Hash = createHash('sha256');

  private constructor(
    readonly seq: number,
    readonly dir: string,
    private readonly opsFh: FileHandle,
    private dataFh: FileHandle | undefined,
  ) {}

  static async create(journalDir: string, seq: number): Promise<BatchWriter> {
    const dir = join(journalDir, String(seq));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const opsFh = await open(join(dir, OPS), 'w');
    return new BatchWriter(seq, dir, opsFh, undefined);
  }

  async append(op: JournalOp): Promise<void> {
    const line = `${JSON.stringify(op)}\n`;
    this.opsText.push(line);
    this.opsPending += line.length;
    if (this.opsPending >= FLUSH_BYTES) await this.flushOps();
  }

  /** Appends an in-place Write's payload; returns where it starts in the data file. */
  async appendData(data: Uint8Array): Promise<number> {
    this.dataFh ??= await open(join(this.dir, DATA), 'w');
    const at = this.dataBytes;
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.dataFh.write(data, done, data.length - done, at + done);
      done += bytesWritten;
    }
    this.dataBytes += data.length;
    return at;
  }

  /** Makes the batch durable and writes its commit record: from here on it will be applied. */
  async seal(): Promise<SealedBatch> {
    await this.flushOps();
    await this.opsFh.sync();
    await this.opsFh.close();
    if (this.dataFh) {
      await this.dataFh.sync();
      await this.dataFh.close();
    }
    const record: CommitRecord = { seq: this.seq, opsBytes: this.opsBytes, opsSha256: this.opsHash.digest('hex'), dataBytes: this.dataBytes };
    const body = JSON.stringify(record);
    const tmp = join(this.dir, `${COMMIT}.tmp`);
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(`${body}\n${sha256(body)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(this.dir, COMMIT));
    await syncPath(this.dir);
    const sealed = await SealedBatch.open(this.dir);
    if (!sealed) throw new JournalError(`the commit record of batch ${this.seq} in ${this.dir} did not read back; check the disk`);
    return sealed;
  }

  async discard(): Promise<void> {
    await this.opsFh.close().catch(() => undefined);
    await this.dataFh?.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async flushOps(): Promise<void> {
    if (this.opsText.length === 0) return;
    const chunk = Buffer.from(this.opsText.join(''));
    this.opsText = [];
    this.opsPending = 0;
    this.opsHash.update(chunk);
    await this.opsFh.write(chunk, 0, chunk.length, this.opsBytes);
    this.opsBytes += chunk.length;
  }
}

/** A batch with a valid commit record: safe to apply, and to replay after a crash. */
export class SealedBatch {
  private dataFh: FileHandle | undefined;

  private constructor(
    readonly seq: number,
    readonly dir: string,
    readonly ops: JournalOp[],
    private done: number,
  ) {}

  /** Reads a batch directory; undefined when its commit record is missing or does not check out. */
  static async open(dir: string): Promise<SealedBatch | undefined> {
    let text: string;
    try {
      text = await readFile(join(dir, COMMIT), 'utf8');
    } catch {
      return undefined;
    }
    const [body, sum] = text.split('\n');
    if (body === undefined || sum !== sha256(body)) return undefined;
    const record = JSON.parse(body) as CommitRecord;
    const ops = await readFile(join(dir, OPS));
    if (ops.length !== record.opsBytes || sha256(ops) !== record.opsSha256) return undefined;
    const lines = ops.toString('utf8').split('\n').filter((l) => l !== '');
    let done = 0;
    try {
      const p = await readFile(join(dir, PROGRESS));
      if (p.length === 8) done = Number(p.readBigUInt64BE(0));
    } catch {
      // no progress file: nothing applied yet
    }
    return new SealedBatch(record.seq, dir, lines.map((l) => JSON.parse(l) as JournalOp), done);
  }

  /** Number of ops durably applied (replay starts there). */
  get progress(): number {
    return this.done;
  }

  async setProgress(done: number): Promise<void> {
    const buf = Buffer.alloc(8);
    buf.writeBigUInt64BE(BigInt(done));
    // Overwritten in place, never truncated first: a crash between a truncation and the write
    // left an empty file, read as "nothing applied", and the replay redid a rename whose source
    // name a later op had reused (seen under load: a file lost, another overwritten).
    const fh = await open(join(this.dir, PROGRESS), constants.O_WRONLY | constants.O_CREAT);
    try {
      await fh.write(buf, 0, 8, 0);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    this.done = done;
  }

  /** Reads a Write's payload back from the data file. */
  async readData(at: number, len: number): Promise<Buffer> {
    this.dataFh ??= await open(join(this.dir, DATA), 'r');
    const buf = Buffer.allocUnsafe(len);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.dataFh.read(buf, got, len - got, at + got);
      if (bytesRead === 0) throw new JournalError(`journal data of batch ${this.seq} is shorter than its commit record says; the disk may be failing`);
      got += bytesRead;
    }
    return buf;
  }

  async close(): Promise<void> {
    await this.dataFh?.close();
    this.dataFh = undefined;
  }

  async remove(): Promise<void> {
    await this.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** The journal directory's batches: sealed ones to replay (in seq order) and incomplete ones to discard. */
export async function scanJournal(journalDir: string): Promise<{ sealed: SealedBatch[]; incomplete: string[] }> {
  let names: string[];
  try {
    names = await readdir(journalDir);
  } catch {
    return { sealed: [], incomplete: [] };
  }
  const sealed: SealedBatch[] = [];
  const incomplete: string[] = [];
  for (const name of names.filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
    const dir = join(journalDir, name);
    const batch = await SealedBatch.open(dir);
    if (batch) sealed.push(batch);
    else incomplete.push(dir);
  }
  return { sealed, incomplete };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
