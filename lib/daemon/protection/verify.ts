// Verify: re-read both sides, trusting neither side's cache, compare block maps, and optionally
// send whatever differs.
import type { VerifyReport } from '../../api/methods.js';
import { planTree, type PlanStep } from '../../core/plan.js';
import { DoppelError } from '../../errors.js';
import { entriesFromIndex } from '../../net/entries.js';
import type { SourceScanner } from './scan.js';
import type { SourceSession } from './session.js';
import type { ProtectionHost } from './strategy.js';

/** Verify compares against a live replica: it needs the session to be replicating. */
export class VerifyUnavailableError extends DoppelError {
  override name = 'VerifyUnavailableError';
  override readonly code = 'not-replicating';
}

export interface VerifyParts {
  host: ProtectionHost;
  scanner: SourceScanner;
  /** Sends changes and waits until they are applied. */
  send(session: SourceSession, steps: PlanStep[]): Promise<void>;
}

export async function runVerify(parts: VerifyParts, session: SourceSession, repair: boolean): Promise<VerifyReport> {
  const { host, scanner } = parts;
  const fresh = entriesFromIndex(await session.requestIndex(host.ctx.clock.now()));
  scanner.forgetAll();
  const source = await scanner.scanAll();
  const row = host.row;
  const steps = planTree(source, fresh, { blockSize: row.options.blockSize });
  const differing = steps.map((step) => describeStep(step, row.options.blockSize));
  const report: VerifyReport = { name: row.name, peer: row.peerId, files: source.size, differing, repaired: false };
  if (repair && steps.length > 0) {
    session.view = fresh;
    await parts.send(session, steps);
    report.repaired = true;
  } else if (!repair) {
    // The fresh map is the truth either way; keep following it.
    session.view = fresh;
  }
  return report;
}

function describeStep(step: PlanStep, blockSize: number): { path: string; reason: string; blocks?: number } {
  switch (step.op) {
    case 'remove': return { path: step.path, reason: 'only on the replica' };
    case 'mkdir': return { path: step.path, reason: 'directory missing on the replica' };
    case 'symlink': return { path: step.path, reason: 'symlink missing or different' };
    case 'attr': return { path: step.path, reason: 'mode or mtime differ' };
    case 'rename': return { path: step.to, reason: `only on the replica, as ${step.from}` };
    case 'stage':
    case 'patch': {
      const blocks = step.ranges.reduce((n, r) => n + Math.ceil(r.length / blockSize), 0);
      return { path: step.path, reason: blocks > 0 ? 'blocks differ' : 'size differs', blocks };
    }
  }
}
