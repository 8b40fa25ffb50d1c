import { hostname } from 'node:os';
import type { Command } from 'commander';
import { configPath, initConfig } from '../../store/config.js';
import { ensurePeerKey, keyPath, peerIdOf } from '../../store/identity.js';
import { collect, homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

interface InitOptions extends CommonOptions {
  name?: string;
  listen: string[];
  mdns: boolean;
}

export function registerInit(program: Command): void {
  const command = program.command('init')
    .description('create this peer\'s identity (peer.key) and config file in the home; running it again changes nothing')
    .option('--name <name>', 'human name shown to other peers (default: this host\'s name)')
    .option('--listen <multiaddr>', 'listen address, repeatable (default: /ip4/0.0.0.0/tcp/4717)', collect, [])
    .option('--no-mdns', 'do not discover peers on the local network');
  withJson(withHome(command)).action((options: InitOptions) => run(options));
}

async function run(options: InitOptions): Promise<void> {
  const home = homeOf(options);
  const { created, config } = initConfig(home, { name: options.name ?? hostname(), listen: options.listen, mdns: options.mdns });
  const key = await ensurePeerKey(home);
  const peerId = peerIdOf(key.key);
  if (!created && options.name !== undefined && options.name !== config.name) {
    process.stderr.write(`doppel: ${configPath(home)} already names this peer ${config.name}; edit that file to rename it\n`);
  }
  if (options.json === true) {
    printJson({ home, peerId, name: config.name, config: configPath(home), created: { config: created, key: key.created } });
    return;
  }
  const what = [created ? 'config' : '', key.created ? 'identity' : ''].filter((w) => w !== '').join(' and ');
  process.stdout.write(what === '' ? `${home} is already initialised; nothing changed\n` : `created ${what} in ${home}\n`);
  process.stdout.write(`peer    ${peerId}\nname    ${config.name}\nconfig  ${configPath(home)}\nkey     ${keyPath(home)}\n`);
  process.stdout.write(`next: doppel up${options.home === undefined ? '' : ` --home ${home}`}\n`);
}
