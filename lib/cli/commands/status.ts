import type { Command } from 'commander';
import { formatBytes, formatDuration, formatRate } from '../../core/units.js';
import type { ProtectionStatus } from '../../api/status.js';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson, table } from '../output.js';

function progress(p: ProtectionStatus): string {
  if (p.state === 'source-lost') {
    const lost = p.sourceLostForMs === null ? '' : ` ${formatDuration(p.sourceLostForMs)}`;
    return `${lost}${p.failoverInMs === null ? '' : `, failover in ${formatDuration(p.failoverInMs)}`}`;
  }
  if (p.state !== 'mirroring' || p.mirror.totalBytes === 0) return '';
  const pct = Math.floor((p.mirror.doneBytes / p.mirror.totalBytes) * 100);
  return ` ${pct}%${p.mirror.etaSeconds != null ? ` eta ${p.mirror.etaSeconds}s` : ''}`;
}

export function registerStatus(program: Command): void {
  const command = program.command('status').description('show every protection on this peer, as source or target');
  withJson(withHome(command)).action(async (options: CommonOptions) => {
    const { protections } = await new DaemonClient(homeOf(options)).call('status', {});
    if (options.json === true) return printJson(protections);
    if (protections.length === 0) {
      process.stdout.write('nothing protected yet; start with `doppel protect <name> <path> --to <peer>`\n');
      return;
    }
    process.stdout.write(table(
      ['NAME', 'ROLE', 'PEER', 'STATE', 'LAG', 'PENDING', 'RATE', 'GEN', 'PATH'],
      protections.map((p) => [
        p.name,
        p.role,
        p.peerName ?? p.peer.slice(0, 16),
        p.state + progress(p),
        p.role === 'source' ? `${p.lagMs} ms` : '-',
        formatBytes(p.pendingBytes),
        formatRate(p.throughputBps),
        String(p.generation),
        p.path,
      ]),
    ));
    for (const p of protections) {
      if (p.failoverReason !== null) process.stdout.write(`${p.name}: ${p.failoverReason}\n`);
      if (p.lastError != null && p.state !== 'replicating') process.stdout.write(`${p.name}: ${p.lastError}\n`);
    }
  });
}
