// Where a protection's data lives on this peer, and in which role the peer acts on it. The
// configured source reads its protected path; the configured target applies into its replica.
// After a failover the roles turn: the promoted replica is read, and the old source, once it
// follows, applies into its own data.
import { basename, dirname, join } from 'node:path';
import type { FailoverState } from '../../core/failover.js';
import { Applier, replicaStateDir, SINGLE_FILE_NAME, type ApplierOptions } from '../../store/applier.js';
import type { ProtectionRow, Role } from '../../store/protections.js';
import type { DaemonContext } from '../services.js';

/** The role a failover phase acts in: the primary reads and sends, the other side applies. */
export function actingRole(s: FailoverState): Role {
  switch (s.phase) {
    case 'source':
    case 'promoted':
      return 'source';
    // In a handover the giving side sends until the taker holds the role.
    case 'failing-back': return s.role === 'target' ? 'source' : 'target';
    case 'switching-over': return s.role === 'source' ? 'source' : 'target';
    default: return 'target';
  }
}

/** This side's data: the protected path, or the replica (its single file for a file or device). */
export function dataPathOf(row: ProtectionRow): string {
  return row.role === 'target' && row.kind !== 'tree' ? join(row.path, SINGLE_FILE_NAME) : row.path;
}

/** The applier of this side's data when it acts as target; undefined where there can be none. */
export function applierFor(ctx: DaemonContext, row: ProtectionRow): Applier | undefined {
  const base: Omit<ApplierOptions, 'replicaRoot'> = { db: ctx.db, protectionId: row.id, blockSize: row.options.blockSize };
  if (row.role === 'target') return new Applier({ ...base, replicaRoot: row.path });
  // The configured source following a promoted replica applies into its own data.
  if (row.kind === 'tree') return new Applier({ ...base, replicaRoot: row.path });
  if (row.kind === 'file') {
    const dir = dirname(row.path);
    return new Applier({ ...base, replicaRoot: dir, singleFileName: basename(row.path), stateDir: replicaStateDir(row.path) });
  }
  return undefined;
}
