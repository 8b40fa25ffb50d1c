// Change capture: tells the caller which relative paths may have changed, a few milliseconds after
// the kernel does. A tree is watched recursively with @parcel/watcher (inotify); a single file is
// watched through its parent directory, so replacing it by rename is seen too. If watching fails
// the caller falls back to periodic rescans; the error says why and how to fix it.
import { closeSync, openSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import parcel from '@parcel/watcher';
import { DoppelError } from '../errors.js';
import { INTERNAL_NAMES } from '../core/rules.js';
import { isOutOfFiles, outOfFilesMessage } from './open-files.js';

export interface WatchOptions {
  /** Extra coalescing on top of the native batching. */
  debounceMs?: number;
  /** Relative '/'-separated paths that may have changed; '' for a single-file root. */
  onChange(relPaths: string[]): void;
  onError(err: Error): void;
}

export interface TreeWatch {
  close(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 5;

export class WatchError extends DoppelError {
  override name = 'WatchError';
  override readonly code: string = 'watch-failed';
}

export class WatchLimitError extends WatchError {
  override name = 'WatchLimitError';
  override readonly code = 'watch-limit';
}

/** Turns a native watcher failure into an error that says what to do about it. */
export function explainWatchError(root: string, err: unknown): WatchError {
  const detail = err instanceof Error ? err.message : String(err);
  // The process's own descriptors (the check before subscribing), not inotify's instances.
  if (isOutOfFiles(err)) return new WatchLimitError(`cannot watch ${root}: ${outOfFilesMessage(err)}; doppel falls back to periodic rescans`);
  if (/No space left on device|ENOSPC/i.test(detail)) {
    return new WatchLimitError(`cannot watch ${root}: the inotify watch limit is reached (${detail}). ` +
      'doppel falls back to periodic rescans. Raise the limit with `sysctl fs.inotify.max_user_watches=1048576` ' +
      'and keep it with a line `fs.inotify.max_user_watches=1048576` in /etc/sysctl.d/90-doppel.conf');
  }
  if (/Too many open files|EMFILE/i.test(detail)) {
    return new WatchLimitError(`cannot watch ${root}: too many inotify instances (${detail}). ` +
      'doppel falls back to periodic rescans. Raise `fs.inotify.max_user_instances` with sysctl (and in /etc/sysctl.d/) ' +
      'or stop other watching programs; fs.inotify.max_user_watches may need raising too');
  }
  return new WatchError(`cannot watch ${root}: ${detail}; doppel falls back to periodic rescans`);
}

const internal = new Set(INTERNAL_NAMES);

function isInternal(rel: string): boolean {
  return rel.split('/').some((part) => internal.has(part));
}

// Collects paths for `delayMs` after the first one, then hands them over: a fixed window, so a
// steady stream of events cannot postpone delivery.
function coalescer(delayMs: number, deliver: (paths: string[]) => void): { add(p: string): void; stop(): void } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const fire = (): void => {
    timer = undefined;
    const paths = [...pending];
    pending = new Set();
    if (!stopped && paths.length > 0) deliver(paths);
  };
  return {
    add(p) {
      pending.add(p);
      timer ??= setTimeout(fire, delayMs);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Watches `root` (a directory tree or a single file) until close(). */
/** Descriptors the native watcher needs to start (inotify, its wake-up pipe), with a margin. */
const WATCHER_DESCRIPTORS = 4;

/** Throws EMFILE (or ENFILE) unless `n` more descriptors can be opened right now. */
function ensureDescriptors(n: number): void {
  const fds: number[] = [];
  try {
    for (let i = 0; i < n; i++) fds.push(openSync('/dev/null', 'r'));
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

export async function watchTree(root: string, opts: WatchOptions): Promise<TreeWatch> {
  const batch = coalescer(opts.debounceMs ?? DEFAULT_DEBOUNCE_MS, opts.onChange);
  let st;
  try {
    st = await stat(root);
  } catch (err) {
    throw explainWatchError(root, err);
  }
  if (!st.isDirectory()) return watchSingle(root, batch, opts);

  let sub: parcel.AsyncSubscription;
  try {
    // @parcel/watcher blocks the event loop for good when it cannot get its descriptors
    // (measured here: subscribe under EMFILE never returns), which would stop the whole daemon.
    ensureDescriptors(WATCHER_DESCRIPTORS);
    sub = await parcel.subscribe(root, (err, events) => {
      if (err) { opts.onError(explainWatchError(root, err)); return; }
      for (const ev of events) {
        const rel = relative(root, ev.path).split(sep).join('/');
        if (rel === '' || rel.startsWith('../') || isInternal(rel)) continue;
        batch.add(rel);
      }
    }, { backend: 'inotify', ignore: INTERNAL_NAMES.map((n) => `**/${n}`) });
  } catch (err) {
    batch.stop();
    throw explainWatchError(root, err);
  }
  return {
    async close() {
      batch.stop();
      await sub.unsubscribe();
    },
  };
}

function watchSingle(file: string, batch: ReturnType<typeof coalescer>, opts: WatchOptions): TreeWatch {
  const name = basename(file);
  let w: FSWatcher;
  try {
    w = fsWatch(dirname(file), { persistent: false }, (_event, changed) => {
      if (changed === null || changed.toString() === name) batch.add('');
    });
  } catch (err) {
    batch.stop();
    throw explainWatchError(file, err);
  }
  w.on('error', (err) => opts.onError(explainWatchError(file, err)));
  return {
    async close() {
      batch.stop();
      w.close();
    },
  };
}
