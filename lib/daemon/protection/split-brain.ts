// Split brain: both sides acted as primary and wrote while they could not reach each other (a cut
// link, not a dead source). Each side notes that it wrote while apart; when they meet and both
// did, nothing is applied in either direction, both show `split-brain` with what diverged, and a
// person chooses with `doppel resolve <name> --keep local|remote`, on either side. The side whose
// data is discarded keeps its divergent files aside first; only what differs is then sent.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { DirtySet, type Divergence, type SplitBrain } from '../../store/protections.js';
import { keepDivergentAside } from './admission.js';
import type { ProtectionRuntime } from './runtime.js';

/** What this side holds that the peer never received: its dirty paths and their sizes. */
export function localDivergence(rt: ProtectionRuntime): Divergence {
  const paths = new DirtySet(rt.ctx.db, rt.row.id).all();
  let bytes = 0;
  for (const p of paths) {
    const st = lstatSync(p === '' ? rt.dataPath : join(rt.dataPath, p), { throwIfNoEntry: false });
    if (st?.isFile()) bytes += st.size;
  }
  return { files: paths.length, bytes };
}

export function describe(rt: ProtectionRuntime, sb: SplitBrain): string {
  const peer = rt.ctx.peerName(rt.row.peerId) ?? rt.row.peerId;
  const side = (d: Divergence): string => `${d.files} file(s), ${d.bytes} bytes`;
  return `${rt.ctx.name} and ${peer} both wrote while apart (here: ${side(sb.local)}; on ${peer}: ${side(sb.remote)}); nothing is applied either way: ` +
    `choose with \`doppel resolve ${rt.row.name} --keep local|remote\` (on either side; the discarded side's files are kept aside)`;
}

/** Records a split brain found by either side (once), and says so. */
export function found(rt: ProtectionRuntime, peerGeneration: number, remote: Divergence): void {
  if (rt.row.splitBrain !== undefined) return;
  const sb: SplitBrain = { detectedAt: rt.ctx.clock.now(), peerGeneration, local: localDivergence(rt), remote };
  rt.setSplitBrain(sb);
  rt.ctx.log.warn(`${rt.row.name}: split brain: ${describe(rt, sb)}`);
}

/**
 * `doppel resolve --keep local|remote` after a split brain. local: this side's data wins; it
 * offers at a generation above both, asking the peer to rejoin (the peer keeps its divergent
 * files aside). remote: this side keeps its divergent files aside and follows the peer, taking
 * its next offer at a generation above both.
 */
export async function resolve(rt: ProtectionRuntime, keep: 'local' | 'remote'): Promise<string | undefined> {
  const sb = rt.row.splitBrain;
  if (sb === undefined) return `${rt.row.name} is not in split brain here (it is ${rt.status().state}); nothing to resolve`;
  const generation = Math.max(rt.row.generation, sb.peerGeneration) + 1;
  const peer = rt.ctx.peerName(rt.row.peerId) ?? rt.row.peerId;
  if (keep === 'local') {
    rt.setSplitBrain(undefined);
    rt.failover.setGeneration(generation);
    rt.rejoinAsked = true;
    rt.ctx.log.warn(`${rt.row.name}: split brain resolved keeping this side's data at generation ${generation}; ${peer} keeps its own divergent files aside and follows`);
    if (rt.source !== undefined) rt.source.restartSession();
    else await rt.switchRole('source');
    return undefined;
  }
  await keepDivergentAside(rt, `written here while apart from ${peer}; discarded by \`doppel resolve ${rt.row.name} --keep remote\``);
  rt.caughtUpWithPeer();
  rt.setSplitBrain({ ...sb, yieldAt: generation });
  rt.failover.demote(generation);
  rt.ctx.log.warn(`${rt.row.name}: split brain resolved keeping ${peer}'s data; this side follows it at generation ${generation}`);
  await rt.switchRole('target');
  return undefined;
}
