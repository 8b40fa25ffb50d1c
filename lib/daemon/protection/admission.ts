// Whether an offer from the peer may be served by a protection, given its failover state: a
// primary refuses its old source with the newer generation (fencing it), a stale old source
// rejoins only for a failback (keeping aside what it wrote that the replica never received), two
// sides that both wrote while apart refuse each other until a person resolves the split brain
// (split-brain.ts), and a target follows a source of a newer generation and adopts the failover
// policy it carries.
import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { compileRules } from '../../core/rules.js';
import { SINGLE_FILE_NAME } from '../../store/applier.js';
import { hashFile } from '../../store/hasher.js';
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
  const split = rt.row.splitBrain;
  if (split?.yieldAt !== undefined) {
    // resolve --keep remote ran here: the peer's data wins; it takes this side's new generation.
    rt.setSplitBrain(undefined);
    return undefined;
  }
  const mine0 = rt.row.generation;
  if (split !== undefined) {
    // The peer's operator chose its data (resolve --keep local there): go on as for a failback.
    if (offer.failback === true && theirs > mine0) rt.setSplitBrain(undefined);
    else return splitRefusal(rt);
  } else if (offer.failback !== true && offer.diverged === true && rt.row.wroteApart && rt.role === 'source') {
    // Both acted as primary and wrote while apart: apply nothing either way.
    rt.splitBrainFound(theirs, { files: offer.divergedFiles ?? 0, bytes: offer.divergedBytes ?? 0 });
    return splitRefusal(rt);
  }
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
 * The block index learns the divergent paths as they are on disk: they were written here on
 * purpose (as primary), so the replica guard must not take them for writes behind doppel, and the
 * peer must see their real content to send what differs.
 */
async function recordAsFound(rt: ProtectionRuntime, paths: string[]): Promise<void> {
  const row = rt.row;
  const cache = new ScanCache(rt.ctx.db, row.id);
  const single = row.kind !== 'tree';
  for (const p of paths) {
    const abs = p === '' ? rt.dataPath : join(rt.dataPath, p);
    // The index keys a replica's single file as 'data', a source's as ''.
    const key = single ? (row.role === 'target' ? SINGLE_FILE_NAME : '') : p;
    const st = await lstat(abs).catch(() => undefined);
    if (st === undefined) cache.delete(key);
    else if (st.isSymbolicLink()) cache.put({ path: key, type: 'symlink', size: st.size, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, linkTarget: await readlink(abs) });
    else if (st.isFile()) {
      const h = await hashFile(abs, { blockSize: row.options.blockSize });
      cache.put({ path: key, type: 'file', size: h.size, mode: h.mode, mtimeMs: h.mtimeMs, ctimeMs: h.ctimeMs, ino: h.ino, hashes: h.hashes });
    }
  }
}

function splitRefusal(rt: ProtectionRuntime): Refusal {
  const local = rt.row.splitBrain?.local ?? { files: 0, bytes: 0 };
  return { code: 'split-brain', generation: rt.row.generation, reason: `split brain: ${rt.ctx.name} wrote too while apart; resolve it with \`doppel resolve ${rt.row.name} --keep local|remote\``, divergedFiles: local.files, divergedBytes: local.bytes };
}

/**
 * Before a failback overwrites this old source with the promoted replica: what it wrote that the
 * replica never received (its dirty set, and files changed since its last scan) is kept aside.
 */
async function keepUnreplicatedTail(rt: ProtectionRuntime, generation: number): Promise<void> {
  const peer = rt.ctx.peerName(rt.row.peerId) ?? rt.row.peerId;
  await keepDivergentAside(rt, `written on ${rt.ctx.name} and never received by ${peer}; the failback to generation ${generation} overwrites them`);
}

/** Keeps aside what this side holds that the peer never received, then forgets it as dirty. */
export async function keepDivergentAside(rt: ProtectionRuntime, reason: string): Promise<void> {
  const { ctx } = rt;
  const row = rt.row;
  const dirty = new DirtySet(ctx.db, row.id);
  const rules = compileRules({ include: row.options.include, exclude: row.options.exclude });
  const paths = await divergentPaths(rt.dataPath, row.kind !== 'tree', new ScanCache(ctx.db, row.id), dirty.all(), rules);
  const kept = rt.aside.keep({ protection: row.name, peer: row.peerId, root: rt.dataPath, paths, now: ctx.clock.now(), reason });
  await recordAsFound(rt, paths);
  if (kept !== undefined) {
    ctx.log.warn(`${row.name}: kept ${kept.files} file(s), ${kept.bytes} bytes, aside in ${kept.dir} (see \`doppel aside list ${row.name}\`): ${reason}`);
    rt.changed();
  }
  // Accounted for: from here on this side follows the peer.
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
