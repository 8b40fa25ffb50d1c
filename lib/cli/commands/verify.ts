import type { Command } from 'commander';
import { DoppelError } from '../../errors.js';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

interface VerifyOptions extends CommonOptions {
  repair?: boolean;
}

class ReplicaDiffersError extends DoppelError {
  override name = 'ReplicaDiffersError';
}

export function registerVerify(program: Command): void {
  const command = program.command('verify')
    .description('re-read source and replica and compare their block hashes (exit 1 when they differ)')
    .argument('<name>', 'name of a source protection')
    .option('--repair', 'resend whatever differs');
  withJson(withHome(command)).action(async (name: string, options: VerifyOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('verify', { name, repair: options.repair === true }, 3_600_000);
    const differs = result.reports.some((r) => r.differing.length > 0 && !r.repaired);
    if (options.json === true) printJson(result);
    else {
      for (const r of result.reports) {
        if (r.differing.length === 0) process.stdout.write(`${r.name} to ${r.peer}: replica matches (${r.files} entries compared)\n`);
        else {
          process.stdout.write(`${r.name} to ${r.peer}: ${r.differing.length} entries differ${r.repaired ? ' (repaired)' : '; run with --repair to resend them'}\n`);
          for (const d of r.differing.slice(0, 50)) process.stdout.write(`  ${d.path || '(file)'}: ${d.reason}${d.blocks ? ` (${d.blocks} blocks)` : ''}\n`);
        }
      }
    }
    if (differs) throw new ReplicaDiffersError('the replica differs from the source');
  });
}
