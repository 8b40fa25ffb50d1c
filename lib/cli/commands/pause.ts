import type { Command } from 'commander';
import { DaemonClient } from '../client.js';
import { homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';

function register(program: Command, verb: 'pause' | 'resume', description: string): void {
  const command = program.command(verb).description(description).argument('<name>', 'name of a source protection');
  withJson(withHome(command)).action(async (name: string, options: CommonOptions) => {
    const result = await new DaemonClient(homeOf(options)).call(verb, { name });
    if (options.json === true) return printJson(result);
    for (const p of result.protections) process.stdout.write(`${p.name} to ${p.peerName ?? p.peer}: ${verb === 'pause' ? 'paused; changes are remembered and sent on resume' : 'resumed'}\n`);
  });
}

export function registerPause(program: Command): void {
  register(program, 'pause', 'stop sending changes of a protection (they are tracked and sent on resume)');
}

export function registerResume(program: Command): void {
  register(program, 'resume', 'resume a paused protection; only what changed meanwhile is sent');
}
