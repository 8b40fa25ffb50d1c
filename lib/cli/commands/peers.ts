import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { ago, printJson, table } from '../output.js';

export function registerPeers(program: Command): void {
  const command = program.command('peers')
    .description('list known peers: pending (discovered, not trusted), trusted, connected (with latency)');
  withJson(withHome(command)).action(async (options: CommonOptions) => {
    const peers = await new DaemonClient(homeOf(options)).call('peers', {});
    if (options.json === true) return printJson(peers);
    if (peers.length === 0) {
      process.stdout.write('no peers yet; on the other host run `doppel id`, then here `doppel trust <peerId> --addr <address>`\n');
      return;
    }
    const now = Date.now();
    process.stdout.write(table(
      ['NAME', 'STATE', 'LATENCY', 'LAST SEEN', 'PEER', 'ADDRESS'],
      peers.map((p) => [
        p.name ?? '-',
        p.state,
        p.latencyMs === null ? '-' : `${p.latencyMs.toFixed(1)} ms`,
        p.state === 'connected' ? 'now' : ago(p.lastSeen, now),
        p.peerId,
        p.addresses[0] ?? '-',
      ]),
    ));
  });
}
