// A file of the protected data set, opened to read the ranges the source sends.
import { closeSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { OPEN_FLAGS, readFully, readFullySync, SYNC_READ_BYTES } from './hasher.js';

/** A source file open for sending its changed ranges. */
export interface SourceFile {
  /** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
  read(buf: Uint8Array, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens a file to send `bytes` of it: synchronously when that is little (async fs calls cost far
 * more than the syscalls on small files; see SYNC_READ_BYTES). Never follows a symlink swapped in
 * since the scan, so nothing outside the protected tree is ever read.
 */
export async function openSourceFile(abs: string, bytes: number): Promise<SourceFile> {
  if (bytes <= SYNC_READ_BYTES) {
    const fd = openSync(abs, OPEN_FLAGS);
    return {
      read: (buf, length, position) => Promise.resolve(readFullySync(fd, buf, length, position)),
      close: () => Promise.resolve(closeSync(fd)),
    };
  }
  const fh = await open(abs, OPEN_FLAGS);
  return {
    read: (buf, length, position) => readFully(fh, buf, length, position),
    close: () => fh.close(),
  };
}
