// Test failover: a failover drill on a throwaway copy of the replica, while replication into the
// replica goes on. Double-Take's target is "unaware" when a test writes to its data and needs a
// remirror afterwards; here the failover hook is handed a copy instead (a reflink clone where the
// filesystem can make one, a full copy elsewhere), kept outside the replica and its state dir, at
// <home>/test-failover/<sourcePeerId>/<name>/. The replica itself is never promoted, its generation
// never bumped. The copy is recorded in the protection's row, so a restarted daemon still shows it
// and `--end` still removes it.
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { FailoverPhase } from '../../core/failover.js';
import { DoppelError } from '../../errors.js';
import { replicaStateDir, SINGLE_FILE_NAME } from '../../store/applier.js';
import type { ProtectionRow, TestCopy } from '../../store/protections.js';

const run = promisify(execFile);

export class TestFailoverError extends DoppelError {
  override name = 'TestFailoverError';
  override readonly code = 'test-failover';
}

/** What a test failover needs of its protection's runtime. */
export interface TestFailoverHost {
  readonly home: string;
  row(): ProtectionRow;
  phase(): FailoverPhase;
  peerName(): string;
  /** Persists the running test's copy (undefined: none runs) and announces the new status. */
  record(copy: TestCopy | undefined): void;
  /** Runs the failover hook with event 'test-failover' on `replicaPath`; resolves when it ended. */
  runHook(replicaPath: string): Promise<void>;
}

/** Where the copy of a test failover of `name` from `sourcePeerId` lives. */
export function testCopyDir(home: string, sourcePeerId: string, name: string): string {
  return join(home, 'test-failover', sourcePeerId, name);
}

const isWithin = (path: string, dir: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Why a test failover cannot start on this side; undefined when it can. */
export function startRefusal(row: ProtectionRow, phase: FailoverPhase, peer: string): string | undefined {
  if (row.role !== 'target') return `${row.name} is protected from this peer; run \`doppel failover ${row.name} --test\` on its target, ${peer}`;
  if (phase === 'promoted') return `${row.name} is promoted here: the replica is the primary copy already; a test failover drills on a replica that is still a target`;
  if (phase !== 'watching' && phase !== 'source-lost') return `${row.name} is ${phase} here; a test failover starts only on a replica that acts as target`;
  if (row.testCopy !== undefined) return `a test failover of ${row.name} already runs on ${row.testCopy.path}; end it first with \`doppel failover ${row.name} --test --end\``;
  return undefined;
}

export class TestFailover {
  /** A copy is being made: a second start must not race it. */
  private starting = false;

  constructor(private readonly host: TestFailoverHost) {}

  /**
   * Copies the replica, records the copy, then starts the failover hook on it (event
   * 'test-failover'); resolves with the copy once it is recorded, the hook goes on in the background.
   */
  async start(now: number): Promise<TestCopy> {
    const row = this.host.row();
    const refused = this.starting
      ? `a test failover of ${row.name} is starting; wait for it, then end it with \`doppel failover ${row.name} --test --end\``
      : startRefusal(row, this.host.phase(), this.host.peerName());
    if (refused !== undefined) throw new TestFailoverError(refused);
    this.starting = true;
    try {
      const dir = testCopyDir(this.host.home, row.peerId, row.name);
      // The replica keeps receiving batches: the copy must never be a place they land.
      if (isWithin(dir, row.path) || isWithin(dir, replicaStateDir(row.path))) throw new TestFailoverError(`the test copy ${dir} would be inside the replica ${row.path}; move the doppel home`);
      const copy: TestCopy = { path: row.kind === 'tree' ? dir : join(dir, SINGLE_FILE_NAME), startedAt: now };
      // A copy left over from a test whose end was never recorded (or a crash mid-copy) is stale.
      await rm(dir, { recursive: true, force: true });
      await mkdir(dirname(dir), { recursive: true });
      try {
        if (row.kind === 'tree') await cloneInto(row.path, dir);
        else {
          await mkdir(dir);
          await cloneInto(join(row.path, SINGLE_FILE_NAME), copy.path);
        }
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw new TestFailoverError(`could not copy the replica of ${row.name} to ${dir} (${(err as Error).message.trim()}); check the free space there and try again`);
      }
      this.host.record(copy);
      void this.host.runHook(copy.path);
      return copy;
    } finally {
      this.starting = false;
    }
  }

  /** Removes the copy and forgets the test; no hook runs (stop what the drill started first). */
  async end(): Promise<TestCopy> {
    const row = this.host.row();
    const copy = row.testCopy;
    if (copy === undefined) throw new TestFailoverError(`no test failover of ${row.name} runs here; start one with \`doppel failover ${row.name} --test\``);
    await rm(testCopyDir(this.host.home, row.peerId, row.name), { recursive: true, force: true });
    this.host.record(undefined);
    return copy;
  }
}

/** `cp -a --reflink=auto`: a clone sharing the replica's blocks where the filesystem supports it. */
async function cloneInto(from: string, to: string): Promise<void> {
  await run('cp', ['-a', '--reflink=auto', '--', from, to], { maxBuffer: 1024 * 1024 });
}
