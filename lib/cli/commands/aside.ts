// doppel aside list|drop: data kept aside instead of destroyed (lost writes at failback, the
// discarded side of a split brain, stray edits of a replica), and freeing it once looked at.
import type { Command } from 'commander';
import type { AsideView } from '../../api/methods.js';
import { formatBytes } from '../../core/units.js';
import { UsageError } from '../../errors.js';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson, table } from '../output.js';

interface DropOptions extends CommonOptions {
  all?: boolean;
}

function rows(entries: AsideView[]): string[][] {
  return entries.map((e) => [String(e.id), e.protection, new Date(e.createdAt).toISOString().replace('T', ' ').slice(0, 19), `${e.files}`, formatBytes(e.bytes), e.dir, e.reason]);
}

export function registerAside(program: Command): void {
  const aside = program.command('aside').description('data kept aside instead of destroyed: list it, or free it once you have looked at it');
  const list = aside.command('list').description('what is kept aside on this peer, and why').argument('[name]', 'only this protection');
  withJson(withHome(list)).action(async (name: string | undefined, options: CommonOptions) => {
    const { entries } = await new DaemonClient(homeOf(options)).call('aside-list', name === undefined ? {} : { name });
    if (options.json === true) return printJson(entries);
    if (entries.length === 0) {
      process.stdout.write(`nothing is kept aside${name === undefined ? '' : ` for ${name}`}\n`);
      return;
    }
    process.stdout.write(table(['ID', 'NAME', 'KEPT', 'FILES', 'BYTES', 'WHERE', 'WHY'], rows(entries)));
  });
  const drop = aside.command('drop').description('delete data kept aside: one entry by its ID, or all of a protection with --all')
    .argument('<name>', 'the protection')
    .argument('[id]', 'the entry (see `doppel aside list`)')
    .option('--all', 'every entry of the protection');
  withJson(withHome(drop)).action(async (name: string, id: string | undefined, options: DropOptions) => {
    if ((id === undefined) === (options.all !== true)) throw new UsageError('name one entry (`doppel aside drop <name> <ID>`) or all of them (`--all`)');
    if (id !== undefined && !/^\d+$/.test(id)) throw new UsageError(`the ID is a number from \`doppel aside list\`, not ${JSON.stringify(id)}`);
    const { dropped } = await new DaemonClient(homeOf(options)).call('aside-drop', id === undefined ? { name, all: true } : { name, id: Number(id) });
    if (options.json === true) return printJson(dropped);
    for (const e of dropped) process.stdout.write(`dropped ${e.id} (${e.files} file(s), ${formatBytes(e.bytes)}) of ${e.protection}\n`);
  });
}
