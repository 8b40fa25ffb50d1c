// failover, failback, switchover: move a protection's primary role. Each is a control API call,
// the same one the dashboard makes.
import type { Command } from 'commander';
import type { ProtectionStatus } from '../../api/status.js';
import { UsageError } from '../../errors.js';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

interface RoleOptions extends CommonOptions {
  peer?: string;
  force?: boolean;
  test?: boolean;
  end?: boolean;
}

/** How long `failover --test` may take: copying a large image where no reflink clone can be made. */
const TEST_COPY_TIMEOUT_MS = 60 * 60_000;

function describe(p: ProtectionStatus): string {
  const peer = p.peerName ?? p.peer;
  return `${p.name} (${p.role}, peer ${peer}): ${p.state}, generation ${p.generation}${p.lastError ? `; ${p.lastError}` : ''}`;
}

export function registerFailover(program: Command): void {
  const command = program.command('failover')
    .description('on the target: promote the replica to primary (finish the journal, bump the generation, run the failover hook)')
    .argument('<name>', 'name of the protection')
    .option('--peer <peer>', 'the source, when several protect a data set of this name here')
    .option('--force', 'promote even though the source still answers or a witness still reaches it (two primaries!)')
    .option('--test', 'a failover drill: run the failover hook on a throwaway copy of the replica while replication continues')
    .option('--end', 'with --test: end the drill and remove its copy (no hook runs)');
  withJson(withHome(command)).action(async (name: string, options: RoleOptions) => {
    if (options.end === true && options.test !== true) throw new UsageError('--end ends a test failover: use `doppel failover <name> --test --end`');
    if (options.test === true) return testFailover(name, options);
    const result = await new DaemonClient(homeOf(options)).call('failover', { name, peer: options.peer, force: options.force === true }, 120_000);
    if (options.json === true) return printJson(result);
    for (const p of result.protections) process.stdout.write(`${describe(p)}\nthe replica at ${p.path} is primary; the old source will show stale until \`doppel failback ${p.name}\` runs here\n`);
  });
}

export function registerFailback(program: Command): void {
  const command = program.command('failback')
    .description('on the promoted side: resend the old source only what differs, run the failback hook, then hand the primary role back')
    .argument('<name>', 'name of the protection')
    .option('--peer <peer>', 'the old source, when several protect a data set of this name here');
  withJson(withHome(command)).action(async (name: string, options: RoleOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('failback', { name, peer: options.peer });
    if (options.json === true) return printJson(result);
    for (const p of result.protections) process.stdout.write(`${describe(p)}\nfailing back; follow it with \`doppel status\` until ${p.name} shows replicating again\n`);
  });
}

export function registerSwitchover(program: Command): void {
  const command = program.command('switchover')
    .description('on the source, both sides up: stop the workload (switchover hook), send the last changes, move the primary role to the target')
    .argument('<name>', 'name of the protection')
    .option('--peer <peer>', 'the target, when the protection has several');
  withJson(withHome(command)).action(async (name: string, options: RoleOptions) => {
    const result = await new DaemonClient(homeOf(options)).call('switchover', { name, peer: options.peer });
    if (options.json === true) return printJson(result);
    for (const p of result.protections) process.stdout.write(`${describe(p)}\nswitching over; follow it with \`doppel status\`\n`);
  });
}

async function testFailover(name: string, options: RoleOptions): Promise<void> {
  if (options.force === true) throw new UsageError('--force promotes the replica; a test failover (--test) promotes nothing');
  const end = options.end === true;
  const result = await new DaemonClient(homeOf(options)).call('failover', { name, peer: options.peer, test: true, end }, TEST_COPY_TIMEOUT_MS);
  if (options.json === true) return printJson(result);
  for (const p of result.protections) {
    if (end) process.stdout.write(`${describe(p)}\nthe test failover of ${p.name} ended and its copy was removed; the replica kept replicating throughout\n`);
    else process.stdout.write(`${describe(p)}\ntest failover: the failover hook runs on the copy at ${p.testFailover?.path ?? '?'}; the replica keeps replicating. End it with \`doppel failover ${p.name} --test --end\`\n`);
  }
}

export function registerResolve(program: Command): void {
  const command = program.command('resolve')
    .description('after a split brain (both sides wrote while apart): choose whose data survives; the other side keeps its divergent files aside and follows')
    .argument('<name>', 'name of the protection')
    .requiredOption('--keep <side>', 'local: this side\'s data survives; remote: the peer\'s')
    .option('--peer <peer>', 'the peer, when the protection has several');
  withJson(withHome(command)).action(async (name: string, options: RoleOptions & { keep: string }) => {
    if (options.keep !== 'local' && options.keep !== 'remote') throw new UsageError(`--keep takes local or remote, not ${JSON.stringify(options.keep)}`);
    const result = await new DaemonClient(homeOf(options)).call('resolve', { name, peer: options.peer, keep: options.keep });
    if (options.json === true) return printJson(result);
    for (const p of result.protections) process.stdout.write(`${describe(p)}\nresolving: ${options.keep === 'local' ? 'this side\'s data survives; the peer keeps its own divergent files aside and follows' : 'the peer\'s data survives; this side kept its divergent files aside (`doppel aside list`) and follows'}\n`);
  });
}
