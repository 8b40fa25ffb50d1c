// The replica's filesystem: the one place that enforces "nothing a source sends lands outside the
// replica root". Every method takes a relative path, re-validates it, and resolves its parent by
// lstat-walking each component from the root, so no symlink is ever followed: a component that is
// a link (or not a directory) is refused before anything is written, and leaves are opened with
// O_NOFOLLOW or handled with l* calls.
//
// Time of check vs time of use: between the lstat walk and the final syscall another process could
// swap a directory for a link. The replica is written only by the applier (DESIGN.md: read-only to
// everything else until failover), so nothing races it; the walk plus O_NOFOLLOW on the leaf is
// enough, and keeps this portable (no openat2/RESOLVE_BENEATH in Node).
//
// Metadata calls are synchronous on purpose: each takes microseconds, while an async call is a
// thread-pool round trip of 100 µs or more, and a mirror of many small files makes ~15 of them
// per file. Opening, writing and fsyncing data stay asynchronous.
import { chmodSync, constants, lstatSync, lutimesSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { RawFile } from './raw-file.js';
import { resolve as resolvePath } from 'node:path';
import { baseName, parentOf, validateRelPath } from '../core/paths.js';

export class OutsideRootError extends Error {
  override name = 'OutsideRootError';
  constructor(readonly path: string, reason: string) {
    super(`refused ${JSON.stringify(path)}: ${reason}; doppel never follows links inside a replica, the batch was not applied`);
  }
}

export class NotADirectoryError extends Error {
  override name = 'NotADirectoryError';
  constructor(readonly path: string, component: string) {
    super(`cannot place ${JSON.stringify(path)}: ${JSON.stringify(component)} in the replica is not a directory; the source must remove it first (a repair mirror will resend the tree)`);
  }
}

const DIR_MODE = 0o755;
const FILE_MODE = 0o644;

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

export class ReplicaFs {
  /**
   * Directories already lstat-verified as real directories. Sound for the same reason as the walk:
   * only this applier changes the replica, and every change that could turn a verified directory
   * into something else (remove, rename, symlink) forgets it first. Saves a mirror of many small
   * files most of its syscalls.
   */
  private readonly verified = new Set<string>();

  readonly root: string;

  constructor(root: string) {
    // Normalised once (no trailing '/'), so paths below it can be built by concatenation.
    this.root = resolvePath(root);
  }

  private forget(rel: string): void {
    // The set is prefix-closed (a directory is verified only after its parents), so a path that
    // is not in it has nothing verified below it either: renaming files costs no scan.
    if (!this.verified.has(rel)) return;
    const prefix = `${rel}/`;
    for (const dir of this.verified) if (dir === rel || dir.startsWith(prefix)) this.verified.delete(dir);
  }

  /** Absolute path of `rel` after confining its parent (created when `create`). */
  async resolve(rel: string, create: boolean): Promise<string> {
    const p = validateRelPath(rel, { allowRoot: true });
    if (p === '') return this.root;
    const parent = await this.walk(p, parentOf(p), create);
    // Parts are validated (no '', '.', '..'): plain concatenation is what join would give.
    return `${parent}/${baseName(p)}`;
  }

  /** lstat of `rel`, or undefined when it (or a parent) does not exist. Never follows links. */
  async stat(rel: string): Promise<Stats | undefined> {
    let abs: string;
    try {
      abs = await this.resolve(rel, false);
    } catch (err) {
      if (err instanceof MissingParent) return undefined;
      throw err;
    }
    try {
      return lstatSync(abs);
    } catch (err) {
      if (errno(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** mkdir -p of `rel`; an existing non-directory leaf is replaced. */
  async mkdir(rel: string, mode = DIR_MODE): Promise<void> {
    const abs = await this.resolve(rel, true);
    const st = lstatOrUndefined(abs);
    if (st?.isDirectory()) return;
    if (st) rmSync(abs, { force: true });
    mkdirSync(abs, { mode });
  }

  /** Creates the link itself (never writes through it); replaces an existing non-directory. */
  async symlink(rel: string, target: string): Promise<void> {
    const abs = await this.resolve(rel, true);
    this.forget(validateRelPath(rel));
    const st = lstatOrUndefined(abs);
    if (st?.isSymbolicLink() && st.size === Buffer.byteLength(target)) {
      // Identical links are left alone so a replayed batch is a no-op.
      if ((readlinkSync(abs)) === target) return;
    }
    if (st?.isDirectory()) throw new NotADirectoryError(rel, rel);
    if (st) rmSync(abs, { force: true });
    symlinkSync(target, abs);
  }

  /** rm -rf that never follows links (fs.rm lstats every entry); a missing path is fine. */
  async remove(rel: string): Promise<void> {
    let abs: string;
    try {
      abs = await this.resolve(rel, false);
    } catch (err) {
      if (err instanceof MissingParent) return;
      throw err;
    }
    this.forget(validateRelPath(rel, { allowRoot: true }));
    rmSync(abs, { recursive: true, force: true });
  }

  /** Renames within the root, replacing whatever is at `to` (a directory tree included). */
  async rename(from: string, to: string): Promise<void> {
    const src = await this.resolve(from, false);
    this.forget(validateRelPath(from));
    await this.renameTo(src, to);
  }

  /**
   * Moves doppel's own file `abs` (a staging file, beside the root on the same filesystem) to `to`
   * inside the root, replacing whatever is there; only the destination is confined.
   */
  async adopt(abs: string, to: string): Promise<void> {
    await this.renameTo(abs, to);
  }

  private async renameTo(src: string, to: string): Promise<void> {
    const dst = await this.resolve(to, true);
    this.forget(validateRelPath(to));
    try {
      renameSync(src, dst);
    } catch (err) {
      // A directory in the way (rare): remove its tree and try again. Renaming first saves an
      // lstat per file in a mirror of many files.
      if (!['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes(errno(err) ?? '')) throw err;
      if (!lstatOrUndefined(dst)?.isDirectory()) throw err;
      rmSync(dst, { recursive: true, force: true });
      renameSync(src, dst);
    }
  }

  /** Opens a regular file for writing without following a link at the leaf; creates it if missing (and `create`), empties it if `truncate`. */
  async openWrite(rel: string, create = true, truncate = false): Promise<RawFile> {
    const abs = await this.resolve(rel, create);
    const flags = constants.O_RDWR | constants.O_NOFOLLOW | (create ? constants.O_CREAT : 0) | (truncate ? constants.O_TRUNC : 0);
    try {
      return await RawFile.open(abs, flags, FILE_MODE);
    } catch (err) {
      if (errno(err) === 'ELOOP') throw new OutsideRootError(rel, 'it is a symlink');
      if (errno(err) === 'EISDIR') throw new NotADirectoryError(rel, rel);
      throw err;
    }
  }

  /** Opens a regular file for reading without following a link at the leaf. */
  async openRead(rel: string): Promise<RawFile> {
    const abs = await this.resolve(rel, false);
    try {
      return await RawFile.open(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (err) {
      if (errno(err) === 'ELOOP') throw new OutsideRootError(rel, 'it is a symlink');
      throw err;
    }
  }

  /** Truncates or extends a regular file (created if missing). */
  async resize(rel: string, size: number): Promise<void> {
    const fh = await this.openWrite(rel);
    try {
      await fh.truncate(size);
    } finally {
      await fh.close();
    }
  }

  /** chmod of a file or directory; a symlink is left alone (Linux links have no mode of their own). */
  async chmod(rel: string, mode: number): Promise<void> {
    const abs = await this.resolve(rel, false);
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return;
    // The leaf was just lstat'ed as a non-link and only the applier writes here (see above).
    chmodSync(abs, mode & 0o7777);
  }

  /** Sets mtime (and atime) of the entry itself, links included. */
  async utimes(rel: string, mtimeMs: number): Promise<void> {
    const abs = await this.resolve(rel, false);
    const t = mtimeMs / 1000;
    lutimesSync(abs, t, t);
  }

  /** Flushes a directory's entries (after create, rename, remove) so they survive a power loss. */
  async syncDir(rel: string): Promise<void> {
    const abs = await this.resolve(rel, false);
    const fh = await open(abs, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  /** lstat-walks `dir` (a validated relative directory) from the root; returns its absolute path. */
  private async walk(full: string, dir: string, create: boolean): Promise<string> {
    let abs = this.root;
    if (dir === '') return abs;
    let sofar = '';
    for (const part of dir.split('/')) {
      sofar = sofar === '' ? part : `${sofar}/${part}`;
      abs = `${abs}/${part}`;
      if (this.verified.has(sofar)) continue;
      let st = lstatOrUndefined(abs);
      if (st === undefined) {
        if (!create) throw new MissingParent(full);
        try {
          mkdirSync(abs, { mode: DIR_MODE });
        } catch (err) {
          if (errno(err) !== 'EEXIST') throw err;
        }
        st = lstatSync(abs);
      }
      if (st.isSymbolicLink()) throw new OutsideRootError(full, `${JSON.stringify(sofar)} is a symlink`);
      if (!st.isDirectory()) throw new NotADirectoryError(full, sofar);
      this.verified.add(sofar);
    }
    return abs;
  }
}

/** A parent directory is missing and the operation does not create one. */
export class MissingParent extends Error {
  override name = 'MissingParent';
  constructor(readonly path: string) {
    super(`a parent of ${JSON.stringify(path)} does not exist in the replica`);
  }
}

function lstatOrUndefined(abs: string): Stats | undefined {
  try {
    return lstatSync(abs);
  } catch (err) {
    if (errno(err) === 'ENOENT') return undefined;
    throw err;
  }
}
