import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

interface UnprotectOptions extends CommonOptions {
  peer?: string;
}

export function registerUnprotect(program: Command): void {
  const command = program.command('unprotect')
    .description('stop replicating a protection; on a target, forget it (the replica\'s files are kept)')
    .argument('<name>', 'name of the protection')
    .option('--peer <peer>', 'only the protection with this peer (PeerId or name)');
  withJson(withHome(command)).action(async (name: string, options: UnprotectOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('unprotect', { name, peer: options.peer });
    if (options.json === true) return printJson(result);
    for (const r of result.removed) {
      process.stdout.write(r.role === 'source'
        ? `stopped replicating "${r.name}" to ${r.peer}; the replica there is kept\n`
        : `forgot replica "${r.name}" from ${r.peer}; its files stay in ${r.path}\n`);
    }
  });
}
