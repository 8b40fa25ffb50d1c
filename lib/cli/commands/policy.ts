// The failover policy and hook flags, shared by `protect` (which sets them) and `set` (which
// changes them later).
import type { Command } from 'commander';
import type { PolicyParams } from '../../api/methods.js';
import { parseDuration } from '../../core/units.js';
import { UsageError } from '../../errors.js';

export interface PolicyOptions {
  failover?: string;
  heartbeat?: string;
  missed?: string;
  hookFailover?: string;
  hookFailback?: string;
  hookSwitchover?: string;
  hookTimeout?: string;
}

export function withPolicyOptions(command: Command): Command {
  return command
    .option('--failover <policy>', 'manual (default): wait for `doppel failover`; auto: fail over when the source is silent and no witness reaches it; auto-unwitnessed: also without a witness')
    .option('--heartbeat <duration>', 'how often the source must be heard from, e.g. 1s (default) or 250ms')
    .option('--missed <n>', 'heartbeats missed in a row before an automatic failover (default 3)')
    .option('--hook-failover <cmd>', 'shell command run where this data becomes primary (start the workload); "" removes it')
    .option('--hook-failback <cmd>', 'shell command run on a promoted replica before it hands the role back (stop the workload)')
    .option('--hook-switchover <cmd>', 'shell command run on the source before a switchover hands the role over (stop the workload)')
    .option('--hook-timeout <duration>', 'kill a hook (and what it started in the foreground) after this long (default 60s)');
}

export function policyParams(options: PolicyOptions): PolicyParams {
  const out: PolicyParams = {};
  if (options.failover !== undefined) {
    if (options.failover !== 'manual' && options.failover !== 'auto' && options.failover !== 'auto-unwitnessed') {
      throw new UsageError(`--failover must be manual, auto or auto-unwitnessed, not ${JSON.stringify(options.failover)}`);
    }
    out.failover = options.failover;
  }
  if (options.heartbeat !== undefined) out.heartbeatMs = parseDuration(options.heartbeat);
  if (options.missed !== undefined) {
    const n = Number(options.missed);
    if (!/^\d+$/.test(options.missed) || n < 1) throw new UsageError(`--missed takes a whole number of at least 1, not ${JSON.stringify(options.missed)}`);
    out.missed = n;
  }
  if (options.hookFailover !== undefined) out.hookFailover = options.hookFailover;
  if (options.hookFailback !== undefined) out.hookFailback = options.hookFailback;
  if (options.hookSwitchover !== undefined) out.hookSwitchover = options.hookSwitchover;
  if (options.hookTimeout !== undefined) out.hookTimeoutMs = parseDuration(options.hookTimeout);
  return out;
}
