// A protection's `doppel status --json` as tests read it: now, or once it shows what a test waits
// for (with the daemon's log in the error when it never does).
import type { ProtectionStatus } from '../../lib/api/status.js';
import type { TestDaemon } from './daemon.js';
import { waitUntil } from './tree.js';

export type Status = ProtectionStatus;

/** The protection named `name` on `d` (the first, whatever its role). */
export async function statusOf(d: TestDaemon, name: string): Promise<Status | undefined> {
  return ((await d.cliJson(['status'])) as Status[]).find((p) => p.name === name);
}

export async function waitState(d: TestDaemon, name: string, want: (s: Status) => boolean, what: string, timeoutMs = 30_000): Promise<Status> {
  let last: Status | undefined;
  const ok = await waitUntil(async () => {
    last = await statusOf(d, name);
    return last !== undefined && want(last);
  }, timeoutMs, 100);
  if (!ok) throw new Error(`${d.name}: timed out waiting for ${what}; last status: ${JSON.stringify(last)}\n${d.logs().slice(-3000)}`);
  return last!;
}
