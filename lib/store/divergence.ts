// What a source's data holds that its target may never have received: paths in the persisted dirty
// set (changed and not acknowledged), and files whose stat no longer matches what the last scan
// recorded (changed while the daemon was down, when nothing watched them). Before a failback
// overwrites the old source with its promoted replica, these are kept aside (aside.ts).
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { joinRel } from '../core/paths.js';
import type { RuleMatcher } from '../core/rules.js';
import { statMatches, type ScanCache } from './scan-cache.js';

/** Bounds the walk of a large tree: the dirty set still names what the watcher saw. */
const MAX_ENTRIES = 1_000_000;

/**
 * Relative paths under `root` (or '' for a single file at `root`) that may hold writes the target
 * lacks. `dirty` is the persisted dirty set; `rules` the protection's include/exclude.
 */
export async function divergentPaths(root: string, single: boolean, cache: ScanCache, dirty: string[], rules: RuleMatcher): Promise<string[]> {
  const out = new Set(dirty);
  const changed = async (rel: string, abs: string): Promise<boolean> => {
    const st = await lstat(abs).catch(() => undefined);
    return st !== undefined && !st.isDirectory() && !statMatches(cache.get(rel), st);
  };
  if (single) {
    if (await changed('', root)) out.add('');
    return [...out].sort();
  }
  let seen = 0;
  const stack = [''];
  while (stack.length > 0 && seen < MAX_ENTRIES) {
    const dir = stack.pop()!;
    const entries = await readdir(dir === '' ? root : join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const d of entries) {
      const rel = joinRel(dir, d.name);
      if (!rules(rel, d.isDirectory())) continue;
      seen++;
      if (d.isDirectory()) stack.push(rel);
      else if (await changed(rel, join(root, rel))) out.add(rel);
    }
  }
  return [...out].sort();
}
