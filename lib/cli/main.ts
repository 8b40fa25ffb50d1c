#!/usr/bin/env node
import '../polyfill.js';
import { Command, CommanderError } from 'commander';
import { DoppelError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { registerId } from './commands/id.js';
import { registerInit } from './commands/init.js';
import { registerPeers } from './commands/peers.js';
import { registerTrust } from './commands/trust.js';
import { registerUntrust } from './commands/untrust.js';
import { registerUp } from './commands/up.js';
import { registerProtect } from './commands/protect.js';
import { registerUnprotect } from './commands/unprotect.js';
import { registerStatus } from './commands/status.js';
import { registerPause, registerResume } from './commands/pause.js';
import { registerVerify } from './commands/verify.js';
import { registerSet } from './commands/set.js';
import { registerAside } from './commands/aside.js';
import { registerFailback, registerFailover, registerResolve, registerSwitchover } from './commands/failover.js';

const program = new Command()
  .name('doppel')
  .description('peer-to-peer real-time block-level replication and failover')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerInit, registerUp, registerId, registerPeers, registerTrust, registerUntrust,
  registerProtect, registerUnprotect, registerStatus, registerPause, registerResume, registerVerify, registerSet,
  registerFailover, registerFailback, registerSwitchover, registerResolve, registerAside]) register(program);
// Subcommands too (`aside list`): a usage error anywhere exits 2.
const everyCommand = (c: Command): Command[] => [c, ...c.commands.flatMap(everyCommand)];
for (const command of everyCommand(program)) command.exitOverride();

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof CommanderError) {
    const ok = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    process.exitCode = ok ? EXIT_OK : EXIT_USAGE;
  } else if (err instanceof DoppelError) {
    process.stderr.write(`doppel: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`doppel: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
