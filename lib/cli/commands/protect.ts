import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseRate, parseSize } from '../../core/units.js';
import type { PolicyParams, ProtectParams } from '../../api/methods.js';
import { UsageError } from '../../errors.js';
import { DaemonClient } from '../client.js';
import { collect, homeOf, withHome, withJson, type CommonOptions } from '../options.js';
import { printJson } from '../output.js';
import { policyParams, withPolicyOptions, type PolicyOptions } from './policy.js';

interface ProtectOptions extends CommonOptions, PolicyOptions {
  to: string[];
  include: string[];
  exclude: string[];
  bwlimit?: string;
  compress?: boolean;
  blockSize?: string;
  scanInterval?: string;
}

function scanIntervalMs(text: string): number {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms)) throw new UsageError(`--scan-interval takes whole milliseconds, e.g. 1000; not ${JSON.stringify(text)}`);
  return ms;
}

export function registerProtect(program: Command): void {
  const command = program.command('protect')
    .description('replicate a directory, a file (e.g. a VM disk image) or a block device to one or more trusted peers, continuously')
    .argument('<name>', 'name of the protection (letters, digits, . _ -), unique on this peer')
    .argument('<path>', 'directory, regular file or block device to protect')
    .requiredOption('--to <peer>', 'target peer: PeerId or trusted name; repeat for one-to-many', collect, [])
    .option('--include <glob>', 'only replicate matching paths (repeatable; patterns without / match names at any depth)', collect, [])
    .option('--exclude <glob>', 'skip matching paths (repeatable; wins over --include)', collect, [])
    .option('--bwlimit <rate>', 'cap the bandwidth, e.g. 50MB/s or 10MiB/s (default: unlimited)')
    .option('--compress', 'deflate blocks that compress (incompressible blocks are sent as they are)')
    .option('--block-size <size>', 'block size for change detection, a power of two (default 4KiB)')
    .option('--scan-interval <ms>', 'rescan the source every <ms> instead of watching it (devices default to 1000)');
  withPolicyOptions(command);
  withJson(withHome(command)).action(async (name: string, path: string, options: ProtectOptions) => {
    const params: ProtectParams & PolicyParams = {
      ...policyParams(options),
      name,
      path: resolve(path),
      to: options.to,
      include: options.include,
      exclude: options.exclude,
      compress: options.compress === true,
    };
    if (options.bwlimit !== undefined) params.bwlimit = parseRate(options.bwlimit);
    if (options.blockSize !== undefined) params.blockSize = parseSize(options.blockSize);
    if (options.scanInterval !== undefined) params.scanIntervalMs = scanIntervalMs(options.scanInterval);
    const result = await new DaemonClient(homeOf(options)).call('protect', params);
    if (options.json === true) return printJson(result);
    for (const p of result.protections) {
      process.stdout.write(`protecting ${p.path} as "${p.name}" (${p.kind}) to ${p.peerName ?? p.peer}; follow it with \`doppel status\`\n`);
    }
  });
}
