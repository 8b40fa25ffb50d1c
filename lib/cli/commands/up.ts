import type { Command } from 'commander';
import { DoppelError, UsageError } from '../../errors.js';
import { createLogger, isLogLevel, LOG_LEVELS } from '../../log.js';
import { MIN_OPEN_FILES, readLimits } from '../../store/open-files.js';
import { homeOf, withHome, type CommonOptions } from '../options.js';

class OpenFileLimitError extends DoppelError {
  override name = 'OpenFileLimitError';
  override readonly code = 'open-file-limit';
}

interface UpOptions extends CommonOptions {
  logLevel: string;
}

export function registerUp(program: Command): void {
  const command = program.command('up')
    .description('run this peer in the foreground; logs to stderr; SIGTERM or Ctrl-C stops it cleanly')
    .option('--log-level <level>', `one of ${LOG_LEVELS.join(', ')}`, 'info');
  withHome(command).action((options: UpOptions) => run(options));
}

async function run(options: UpOptions): Promise<void> {
  if (!isLogLevel(options.logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  // Node has already raised its soft limit to the hard one; what is left is all there is.
  const limit = readLimits()?.soft;
  if (limit !== undefined && limit < MIN_OPEN_FILES) {
    throw new OpenFileLimitError(`the open-file limit is ${limit}; doppel up needs at least ${MIN_OPEN_FILES}: raise it with \`ulimit -n 1024\` or LimitNOFILE=1024 in the systemd unit, then start it again`);
  }
  const log = createLogger({ level: options.logLevel });
  // A bug in one connection's handling must not take the peer down; log it and keep serving.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: reason instanceof Error ? reason : String(reason) }));
  // Loaded here, not at the top: every other command stays fast by never loading libp2p.
  const { Daemon } = await import('../../daemon/daemon.js');
  const daemon = await Daemon.start({ home: homeOf(options), log });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn('second signal; exiting without a clean stop', { signal });
        process.exit(1);
      }
      stopping = true;
      log.info('stopping', { signal });
      daemon.stop().then(resolve, (err: unknown) => {
        log.error('stop failed', { error: err instanceof Error ? err : String(err) });
        process.exit(1);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  // libp2p can leave timers behind for a moment; the daemon is stopped, so leave now.
  process.exit(0);
}
