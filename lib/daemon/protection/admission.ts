// Whether an offer from the peer may be served by a protection, given its failover state: a
// primary refuses its old source with the newer generation (fencing it), a stale old source
// rejoins only for a failback (keeping aside what it wrote that the replica never received), and a
// target follows a source of a newer generation and adopts the failover policy it carries.
import { compileRules } from '../../core/rules.js';
import type { FailoverPolicy } from '../../core/failover.js';
import type { doppel } from '../../net/wire.js';
import { divergentPaths } from '../../store/divergence.js';
import { DirtySet } from '../../store/protections.js';
import { ScanCache } from '../../store/scan-cache.js';
import type { ProtectionRuntime, Refusal } from './runtime.js';

export async function admitOffer(rt: ProtectionRuntime, offer: doppel.IOffer): Promise<Refusal | undefined> {
  const { ctx } = rt;
  const row = rt.row;
  const peer = ctx.peerName(row.peerId) ?? row.peerId;
  const theirs = offer.generation ?? 0;
  if (offer.reverse !== true && offer.failoverMode) adoptPolicy(rt, offer);
  if (rt.failover.state.phase !== 'stale' && theirs > rt.row.generation) rt.peerIsNewer(theirs);
  const s = rt.failover.state;
  const mine = rt.row.generation;
  if (s.phase === 'stale') {
    if (offer.failback === true && theirs >= (s.peerGeneration ?? theirs)) {
      if (theirs > (s.peerGeneration ?? 0)) rt.peerIsNewer(theirs);
      await keepUnreplicatedTail(rt, theirs);
      rt.failover.dispatch({ type: 'rejoin-requested' });
      return undefined;
    }
    return { code: 'stale', generation: mine, reason: `${ctx.name} is stale: ${peer} was promoted at generation ${s.peerGeneration ?? theirs}; run \`doppel failback ${row.name}\` on ${peer} to resync ${ctx.name} from it and hand the role back` };
  }
  if (rt.role === 'source') {
    return { code: 'generation', generation: mine, reason: `${row.name} was promoted on ${ctx.name} at generation ${mine}; ${peer} must not act as its source: it waits, stale, for \`doppel failback ${row.name}\` on ${ctx.name}` };
  }
  if (theirs < mine) {
    return { code: 'generation', generation: mine, reason: `the replica is at generation ${mine}, newer than the source's ${theirs}; it was failed over: fail back instead` };
  }
  return undefined;
}

/**
 * Before a failback overwrites this old source with the promoted replica: what it wrote that the
 * replica never received (its dirty set, and files changed since its last scan) is kept aside.
 */
async function keepUnreplicatedTail(rt: ProtectionRuntime, generation: number): Promise<void> {
  const { ctx } = rt;
  const row = rt.row;
  const peer = ctx.peerName(row.peerId) ?? row.peerId;
  const dirty = new DirtySet(ctx.db, row.id);
  const rules = compileRules({ include: row.options.include, exclude: row.options.exclude });
  const paths = await divergentPaths(rt.dataPath, row.kind !== 'tree', new ScanCache(ctx.db, row.id), dirty.all(), rules);
  const kept = rt.aside.keep({
    protection: row.name, peer: row.peerId, root: rt.dataPath, paths, now: ctx.clock.now(),
    reason: `written on ${ctx.name} and never received by ${peer} before it was promoted; the failback to generation ${generation} overwrites them`,
  });
  if (kept !== undefined) {
    ctx.log.warn(`${row.name}: kept ${kept.files} file(s), ${kept.bytes} bytes, that ${peer} never received aside in ${kept.dir} (see \`doppel aside list ${row.name}\`) before failing back`);
    rt.changed();
  }
  // Accounted for: from here on this side follows the replica.
  dirty.clear();
}

/** The failover policy is the source's: a target takes it from every offer. */
function adoptPolicy(rt: ProtectionRuntime, offer: doppel.IOffer): void {
  const mode = offer.failoverMode;
  if (mode !== 'manual' && mode !== 'auto' && mode !== 'auto-unwitnessed') return;
  const now = rt.row.options.failover;
  const policy: FailoverPolicy = { mode, heartbeatMs: offer.heartbeatMs || now.heartbeatMs, missed: offer.missed || now.missed };
  if (now.mode === policy.mode && now.heartbeatMs === policy.heartbeatMs && now.missed === policy.missed) return;
  rt.setOptions({ ...rt.row.options, failover: policy });
}
