import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson, table } from '../output.js';

export function registerId(program: Command): void {
  const command = program.command('id')
    .description('show the running peer\'s PeerId, name and addresses (give an address to `doppel trust --addr` on the other host)');
  withJson(withHome(command)).action(async (options: CommonOptions) => {
    const id = await new DaemonClient(homeOf(options)).call('id', {});
    if (options.json === true) return printJson(id);
    process.stdout.write(table(['', ''], [['peer', id.peerId], ['name', id.name], ...id.addresses.map((a) => ['address', a])]).replace(/^.*\n/, ''));
  });
}
