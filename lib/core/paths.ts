// Relative paths inside a protection's root, as they travel on the wire: '/'-separated, normalised,
// never escaping the root. Every path that arrives from a peer or a watcher passes through here once.
import { DoppelError } from '../errors.js';

export class BadPathError extends DoppelError {
  override name = 'BadPathError';
  override readonly code = 'bad-path';
  constructor(readonly path: string, reason: string) {
    super(`invalid path ${JSON.stringify(path)}: ${reason}; paths must be relative to the protection root, '/'-separated, without '.', '..' or empty parts`);
  }
}

// Linux limits: NAME_MAX and PATH_MAX, counted in bytes.
export const MAX_NAME_BYTES = 255;
export const MAX_PATH_BYTES = 4096;

/** UTF-8 length of `s`, computed only when it could exceed `max` (at most 3 bytes per UTF-16 unit). */
function tooLong(s: string, max: number): boolean {
  return s.length * 3 > max && Buffer.byteLength(s, 'utf8') > max;
}

/** Returns `p` normalised (a trailing '/' removed) or throws BadPathError. `''` is the root itself. */
export function validateRelPath(p: string, opts: { allowRoot?: boolean } = {}): string {
  if (p.includes('\0')) throw new BadPathError(p, 'contains a NUL byte');
  if (p.startsWith('/')) throw new BadPathError(p, 'is absolute');
  const trimmed = p.endsWith('/') ? p.slice(0, -1) : p;
  if (trimmed === '') {
    if (opts.allowRoot && p === '') return '';
    throw new BadPathError(p, 'is empty');
  }
  if (tooLong(trimmed, MAX_PATH_BYTES)) throw new BadPathError(p, `is longer than ${MAX_PATH_BYTES} bytes`);
  for (const part of trimmed.split('/')) {
    if (part === '') throw new BadPathError(p, 'has an empty component');
    if (part === '.' || part === '..') throw new BadPathError(p, `has a '${part}' component`);
    if (tooLong(part, MAX_NAME_BYTES)) throw new BadPathError(p, `has a component longer than ${MAX_NAME_BYTES} bytes`);
  }
  return trimmed;
}

/** Joins a relative directory ('' = root) and one entry name. */
export function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** The parent of a relative path; the parent of a top-level entry is the root, ''. */
export function parentOf(rel: string): string {
  if (rel === '') throw new BadPathError(rel, 'the root has no parent');
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** The last component of a relative path. */
export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** True when `rel` is `dir` or lies below it ('' contains everything). */
export function isWithin(rel: string, dir: string): boolean {
  return dir === '' || rel === dir || rel.startsWith(`${dir}/`);
}
