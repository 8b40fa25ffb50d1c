import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { collect, homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

interface TrustOptions extends CommonOptions {
  name?: string;
  addr: string[];
}

export function registerTrust(program: Command): void {
  const command = program.command('trust')
    .description('allow a peer to connect and replicate with this one, and connect to it')
    .argument('<peerId>', 'the other peer\'s PeerId (from `doppel id` there, or `doppel peers` here)')
    .option('--name <name>', 'name to use for the peer here (default: the name it announces)')
    .option('--addr <multiaddr>', 'an address of the peer, e.g. /ip4/192.0.2.10/tcp/4717/p2p/<PeerId>; repeatable', collect, []);
  withJson(withHome(command)).action(async (peerId: string, options: TrustOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('trust', { peerId, name: options.name, addrs: options.addr });
    if (options.json === true) return printJson(result);
    const who = result.name === null ? result.peerId : `${result.name} (${result.peerId})`;
    const how = result.connected ? 'connected'
      : result.addresses.length === 0 ? 'no address known yet: it connects when it dials us, or give --addr'
      : `not connected yet (${result.dialError ?? 'waiting'}); retrying in the background`;
    process.stdout.write(`trusted ${who}; ${how}\n`);
  });
}
