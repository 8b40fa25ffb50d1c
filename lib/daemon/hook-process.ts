// One hook command as a process: a shell in its own process group, so that a timeout (or the daemon
// stopping) ends whatever the hook started too, with the tail of its output kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/** After the shell exits, how long output still in the pipes may take to arrive. */
const OUTPUT_DRAIN_MS = 250;
const GROUP_POLL_MS = 50;

export interface ShellRunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL of the process group. */
  killGraceMs: number;
  maxOutputBytes: number;
  /** Aborting terminates the group like a timeout does (but it is not reported as one). */
  signal?: AbortSignal;
}

export interface ShellOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Terminated because options.signal was aborted. */
  aborted: boolean;
  /** Set when the shell could not be started at all. */
  spawnError: string | null;
  /** stdout and stderr interleaved; only the tail when longer than maxOutputBytes. */
  output: string;
  outputTruncated: boolean;
}

/** Runs `/bin/sh -c command sh ...args`; resolves when it has ended, never rejects. */
export async function runShellInGroup(command: string, args: string[], options: ShellRunOptions): Promise<ShellOutcome> {
  const output = new OutputTail(options.maxOutputBytes);
  const failed = (err: unknown): ShellOutcome => ({
    exitCode: null, signal: null, timedOut: false, aborted: false, ...output.text(),
    spawnError: err instanceof Error ? err.message : String(err),
  });
  let child: ChildProcess;
  try {
    child = spawn('/bin/sh', ['-c', command, 'sh', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
  } catch (err) {
    return failed(err); // e.g. E2BIG: exec refused before a process existed
  }
  let shellExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { spawnError: unknown }>((resolve) => {
    child.once('exit', (code, signal) => {
      shellExited = true;
      resolve({ code, signal });
    });
    child.once('error', (err) => {
      if (child.pid === undefined) resolve({ spawnError: err });
    });
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));

  let timedOut = false;
  let aborted = false;
  let killing: Promise<void> | undefined;
  const terminate = (): boolean => {
    // Once the shell has exited, what is left in its group is work it started on purpose (the
    // workload of a failover hook); that is not ours to kill.
    if (shellExited || killing !== undefined || child.pid === undefined) return false;
    killing = killGroup(child.pid, options.killGraceMs);
    return true;
  };
  const timer = setTimeout(() => { timedOut = terminate(); }, options.timeoutMs);
  const onAbort = (): void => { aborted = terminate(); };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const ended = await exited;
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  await killing;
  // Something the hook started in the background may hold the pipes open for good.
  await Promise.race([closed, delay(OUTPUT_DRAIN_MS)]);
  child.stdout?.destroy();
  child.stderr?.destroy();
  if ('spawnError' in ended) return failed(ended.spawnError);
  return { exitCode: ended.code, signal: ended.signal, timedOut, aborted, spawnError: null, ...output.text() };
}

/** Signals every process in the group; false if the group is empty. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the whole group, then SIGKILL to whatever is left after the grace. Zombies that no
 * init reaps count as left, which only costs the grace. Once the group is seen empty it is not
 * signalled again, so a reused process id is not hit.
 */
async function killGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline) {
    if (!signalGroup(pgid, 0)) return;
    await delay(GROUP_POLL_MS);
  }
  signalGroup(pgid, 'SIGKILL');
}

/** Keeps the last `max` bytes of a stream without holding more than that plus one chunk. */
class OutputTail {
  private chunks: Buffer[] = [];
  private size = 0;
  private dropped = false;

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0]!.length >= this.max) {
      this.size -= this.chunks.shift()!.length;
      this.dropped = true;
    }
  }

  text(): { output: string; outputTruncated: boolean } {
    const all = Buffer.concat(this.chunks);
    let start = Math.max(0, all.length - this.max);
    // Do not begin in the middle of a UTF-8 character.
    while (start > 0 && start < all.length && (all[start]! & 0xc0) === 0x80) start++;
    return { output: all.subarray(start).toString('utf8'), outputTruncated: this.dropped || start > 0 };
  }
}
