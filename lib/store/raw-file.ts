// An open file as a bare descriptor: the subset of FileHandle the replica and the source's reads
// use, without a FileHandle. Small reads and writes, stat, truncate and close are synchronous (microseconds in the
// page cache, while an fs/promises call costs a thread-pool round trip, a FileHandle and promises,
// which a mirror of many small files pays for every file). Opening, large transfers and fsyncs stay
// in the thread pool: they can take milliseconds and must not stall the event loop.
import { SYNC_READ_BYTES } from './hasher.js';
import { closeSync, fdatasync, fstatSync, fsync, ftruncateSync, open, openSync, read, readSync, write, writeSync, writev, writevSync, type Stats } from 'node:fs';

/** Writes up to this size run synchronously (page-cache copies of microseconds). */
const SYNC_WRITE_BYTES = 256 * 1024;

function io<T>(start: (done: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

export class RawFile {
  private closed = false;

  private constructor(readonly fd: number) {}

  /**
   * Opens in the thread pool: creating a file can take the kernel half a millisecond here (a new
   * inode), time the event loop spends decrypting what arrives meanwhile.
   */
  static async open(path: string, flags: number, mode = 0o644): Promise<RawFile> {
    return new RawFile(await io<number>((done) => open(path, flags, mode, done)));
  }

  /** Opens with a synchronous call: for a file that is about to be read whole and is small. */
  static openSync(path: string, flags: number, mode = 0o644): RawFile {
    return new RawFile(openSync(path, flags, mode));
  }

  read(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    if (length <= SYNC_READ_BYTES) return Promise.resolve({ bytesRead: readSync(this.fd, buf, offset, length, position) });
    return io<number>((done) => read(this.fd, buf, offset, length, position, done)).then((bytesRead) => ({ bytesRead }));
  }

  write(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    if (length <= SYNC_WRITE_BYTES) return Promise.resolve({ bytesWritten: writeSync(this.fd, buf, offset, length, position) });
    return io<number>((done) => write(this.fd, buf, offset, length, position, done)).then((bytesWritten) => ({ bytesWritten }));
  }

  /** Gathered write of `buffers` at `position`; returns the bytes written (possibly fewer). */
  writev(buffers: Uint8Array[], position: number): Promise<number> {
    let total = 0;
    for (const b of buffers) total += b.length;
    if (total <= SYNC_WRITE_BYTES) return Promise.resolve(writevSync(this.fd, buffers, position));
    return io<number>((done) => writev(this.fd, buffers, position, done));
  }

  sync(): Promise<void> {
    return io<void>((done) => fsync(this.fd, (err) => done(err, undefined)));
  }

  datasync(): Promise<void> {
    return io<void>((done) => fdatasync(this.fd, (err) => done(err, undefined)));
  }

  stat(): Promise<Stats> {
    return Promise.resolve(fstatSync(this.fd));
  }

  truncate(length: number): Promise<void> {
    ftruncateSync(this.fd, length);
    return Promise.resolve();
  }

  /** Closes once; later calls do nothing (like FileHandle, unlike a reused descriptor number). */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    return Promise.resolve();
  }
}
