// How many file descriptors the data path holds, and what to say when the process runs out anyway.
//
// Users' hosts and systemd services start daemons with 1,024 descriptors (`ulimit -n`,
// LimitNOFILE=); libp2p's sockets, SQLite and the watcher need some of them. A mirror of 20,000
// small files once held a staging file open per file until its batch committed and died with
// EMFILE. So every place that keeps files open has a fixed share of one budget, whatever the batch
// size, the file count or the file sizes.
import { readFileSync } from 'node:fs';

/**
 * Below this, `doppel up` refuses to start: Node opens the daemon's ~600 modules many at a time as
 * it loads them, and under ~100 descriptors it fails with a misleading "Cannot find module".
 */
export const MIN_OPEN_FILES = 256;

/** Descriptors one protection's data path may hold at once, on either side. */
export const OPEN_FILES_PER_PROTECTION = 48;

/** Target: staging files being received (our source sends one file at a time; more is refused). */
export const MAX_RECEIVING_FILES = 4;
/** Target: complete staging files whose fsync is queued or running, each closed once durable. */
export const MAX_SYNCING_FILES = 16;
/** Target: replica files patched in place by one apply, closed (fsynced) oldest first beyond this. */
export const MAX_PATCHING_FILES = 8;
/** Target: a batch's journal (ops, data, commit record) and one file whose block map is re-read. */
export const JOURNAL_FILES = 4;
/** Source: files stat'ed and hashed at once by a scan (the scanner's concurrency). */
export const SCAN_FILES = 16;
/** Source: stripes of one large file hashed in parallel (each its own descriptor), and the file sent. */
export const HASH_STRIPE_FILES = 4;

// The budget holds for both roles at once (a peer is source of some protections, target of others).
const TARGET_FILES = MAX_RECEIVING_FILES + MAX_SYNCING_FILES + MAX_PATCHING_FILES + JOURNAL_FILES;
const SOURCE_FILES = SCAN_FILES + HASH_STRIPE_FILES + 1;
if (TARGET_FILES > OPEN_FILES_PER_PROTECTION || SOURCE_FILES > OPEN_FILES_PER_PROTECTION) {
  throw new Error('open-file shares exceed OPEN_FILES_PER_PROTECTION');
}

/** Running out of descriptors (EMFILE: this process; ENFILE: the whole system). */
export function isOutOfFiles(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EMFILE' || code === 'ENFILE';
}

/** The message a user sees for EMFILE/ENFILE: what happened and what to do about it. */
export function outOfFilesMessage(err: unknown, limit = openFileLimit()): string {
  const code = (err as NodeJS.ErrnoException).code;
  const what = code === 'ENFILE'
    ? 'the system ran out of open files (ENFILE): raise fs.file-max (sysctl) or close other programs'
    : `doppel ran out of open files (EMFILE${limit === undefined ? '' : `, limit ${limit}`}): raise it with LimitNOFILE= in the systemd unit or \`ulimit -n\` before \`doppel up\` (each protection needs about ${OPEN_FILES_PER_PROTECTION}, plus one per peer connection)`;
  return `${what}; what was applied is kept and the transfer resumes from there (${(err as Error).message})`;
}

/** The soft open-file limit of this process (Linux /proc; undefined elsewhere). */
export function openFileLimit(): number | undefined {
  return readLimits()?.soft;
}

/** Soft and hard RLIMIT_NOFILE of this process, from /proc/self/limits (tiny, read synchronously). */
export function readLimits(): { soft: number; hard: number | 'unlimited' } | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(text);
  if (!m || m[1] === 'unlimited') return undefined;
  return { soft: Number(m[1]), hard: m[2] === 'unlimited' ? 'unlimited' : Number(m[2]) };
}
