// Independent views of a tree for assertions: sha256 of contents (not doppel's hasher), modes,
// link targets. Used to prove a replica is byte-identical to its source.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface WalkEntry {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  sha256?: string;
  target?: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every entry below root (root excluded): a replica holds exactly the source's tree, nothing of doppel's. */
export async function walk(root: string): Promise<Record<string, WalkEntry>> {
  const out: Record<string, WalkEntry> = {};
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const abs = join(dir, name);
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = await lstat(abs);
      if (st.isSymbolicLink()) out[path] = { type: 'symlink', mode: 0, size: 0, target: await readlink(abs) };
      else if (st.isDirectory()) {
        out[path] = { type: 'dir', mode: st.mode & 0o7777, size: 0 };
        await visit(abs, path);
      } else out[path] = { type: 'file', mode: st.mode & 0o7777, size: st.size, sha256: await sha256File(abs) };
    }
  };
  await visit(root, '');
  return out;
}

/** Polls `check` until it returns true or the deadline passes; returns whether it succeeded. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
