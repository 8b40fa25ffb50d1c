// Options every command shares.
import type { Command } from 'commander';
import { resolveHome } from '../store/config.js';

export interface CommonOptions {
  home?: string;
  json?: boolean;
}

export function withHome(command: Command): Command {
  return command.option('--home <dir>', 'doppel home directory (default: $DOPPEL_HOME, else ~/.doppel)');
}

export function withJson(command: Command): Command {
  return command.option('--json', 'print machine-readable JSON');
}

export function homeOf(options: CommonOptions): string {
  return resolveHome(options.home);
}

/** Commander accumulator for a repeatable option (`--to a --to b`). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
