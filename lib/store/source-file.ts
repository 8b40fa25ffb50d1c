// A file of the protected data set, opened to read the ranges the source sends.
import { OPEN_FLAGS, SYNC_READ_BYTES } from './hasher.js';
import { RawFile } from './raw-file.js';

/**
 * Opens a file to send `bytes` of it: with a synchronous call when that is little (an async open
 * costs far more than the syscall on small files; see SYNC_READ_BYTES). Never follows a symlink
 * swapped in since the scan, so nothing outside the protected tree is ever read.
 */
export async function openSourceFile(abs: string, bytes: number): Promise<RawFile> {
  return bytes <= SYNC_READ_BYTES ? RawFile.openSync(abs, OPEN_FLAGS) : await RawFile.open(abs, OPEN_FLAGS);
}
