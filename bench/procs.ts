import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class HarnessError extends Error {
  override name = 'HarnessError';
}

const live = new Set<ChildProcess>();

/** Every child the bench starts goes through here, so `stopAll` can end each one by its pid. */
export function start(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) signal(child.pid, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** A process may exit between our check and the signal; that race is not an error. */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => stop(c)));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a command to completion, killed by pid if it outlives `timeoutMs`. */
export function run(cmd: string, args: string[], opts: SpawnOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
  const { timeoutMs = 120_000, ...spawnOpts } = opts;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = start(cmd, args, spawnOpts);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[bench] killed after ${timeoutMs} ms`;
      void stop(child, 1000);
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, wallMs: performance.now() - t0 });
    });
  });
}

export function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    try {
      execFileSync('test', ['-x', `${dir}/${cmd}`]);
      return `${dir}/${cmd}`;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return ticks;
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number | 'self'): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a live process has used so far. */
export function cpuSeconds(pid: number): number {
  const f = statFields(pid);
  return (Number(f[11]) + Number(f[12])) / clockTicks();
}

/** CPU seconds of a process's children that it has already waited for (cutime + cstime). */
export function reapedChildrenCpuSeconds(pid: number | 'self'): number {
  const f = statFields(pid);
  return (Number(f[13]) + Number(f[14])) / clockTicks();
}

/** Peak resident set (VmHWM) of a live process, in bytes. */
export function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new HarnessError(`no VmHWM in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

/**
 * Bytes through the loopback interface so far (tx; on lo every byte sent is also received). Read
 * from /proc/self/net/dev, which follows this process's network namespace; /sys/class/net shows
 * the namespace sysfs was mounted in.
 */
export function loopbackBytes(): number {
  const line = readFileSync('/proc/self/net/dev', 'utf8').split('\n').find((l) => l.trim().startsWith('lo:'));
  if (line === undefined) throw new HarnessError('no lo interface in /proc/self/net/dev');
  // After "lo:": 8 receive fields, then transmit bytes.
  return Number(line.trim().slice(3).trim().split(/\s+/)[8]);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` every `intervalMs` until it returns a value, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, intervalMs: number, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (performance.now() > deadline) throw new HarnessError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
