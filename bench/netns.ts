import { spawn } from 'node:child_process';
import { which } from './procs.js';

const MARK = 'DOPPEL_BENCH_NETNS';

/** Whether this process runs in the private network namespace `runInOwnNetns` made. */
export function inOwnNetns(): boolean {
  return process.env[MARK] === '1';
}

/**
 * Re-runs the bench in a network namespace of its own (root, `unshare -n`, `ip link set lo up`):
 * the loopback counters then count only the bench's bytes, not other programs' loopback traffic,
 * and nothing it starts can reach any network but its own loopback. Returns the inner run's exit
 * code, or undefined when the bench should run here (already inside, not root, or unshare/ip
 * missing or refused; the results then say the lo counters are machine-wide).
 */
export async function runInOwnNetns(note: (what: string) => void): Promise<number | undefined> {
  if (inOwnNetns()) return undefined;
  if (process.getuid?.() !== 0 || which('unshare') === undefined || which('ip') === undefined) {
    note('running in the shared network namespace (needs root, unshare and ip): loopback counters are machine-wide');
    return undefined;
  }
  const probe = spawn('unshare', ['-n', 'true'], { stdio: 'ignore' });
  const probeCode = await new Promise<number | null>((resolve) => probe.once('close', resolve));
  if (probeCode !== 0) {
    note('unshare -n refused here: loopback counters are machine-wide');
    return undefined;
  }
  const self = [process.execPath, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)];
  const child = spawn('unshare', ['-n', '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', ...self], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  // The inner bench stops its own children on these signals; pass them on by pid.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.pid !== undefined && process.kill(child.pid, sig));
  return new Promise((resolve) => child.once('close', (code) => resolve(code ?? 1)));
}
