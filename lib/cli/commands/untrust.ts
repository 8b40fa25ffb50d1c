import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

export function registerUntrust(program: Command): void {
  const command = program.command('untrust')
    .description('remove a peer from the allow-list; its open connections are closed at once')
    .argument('<peer>', 'PeerId or name of a trusted peer');
  withJson(withHome(command)).action(async (peer: string, options: CommonOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('untrust', { peerId: peer });
    if (options.json === true) return printJson(result);
    process.stdout.write(result.wasTrusted ? `untrusted ${result.peerId}; its connections are closed\n` : `${result.peerId} was not trusted; nothing changed\n`);
  });
}
