import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';
import { policyParams, withPolicyOptions, type PolicyOptions } from './policy.js';

interface SetOptions extends CommonOptions, PolicyOptions {
  peer?: string;
}

export function registerSet(program: Command): void {
  const command = withPolicyOptions(program.command('set')
    .description("change a protection's failover policy or hooks on this peer (hooks run on the host they are set on)")
    .argument('<name>', 'name of the protection')
    .option('--peer <peer>', 'only the protection with this peer'));
  withJson(withHome(command)).action(async (name: string, options: SetOptions) => {
    const policy = policyParams(options);
    if (Object.keys(policy).length === 0) throw new UsageError('nothing to set: give at least one of --failover, --heartbeat, --missed, --hook-failover, --hook-failback, --hook-switchover, --hook-timeout');
    const result = await new DaemonClient(homeOf(options)).call('set', { name, peer: options.peer, ...policy });
    if (options.json === true) return printJson(result);
    for (const p of result.protections) {
      const f = p.failover;
      process.stdout.write(`${p.name} (${p.role}, peer ${p.peerName ?? p.peer}): failover ${f?.mode ?? '?'}, heartbeat ${f?.heartbeatMs ?? '?'} ms x ${f?.missed ?? '?'}\n`);
    }
  });
}
