import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { HarnessError, run, start, stop, which } from './procs.js';

export interface Sshd {
  port: number;
  pid: number;
  /** The `-e` argument for rsync: ssh with the throwaway client key, no host-key prompts. */
  rsh: string;
  user: string;
  stop(): Promise<void>;
}

export const INSTALL_HINT = 'apt-get install -y rsync openssh-server';

/** Why the rsync column cannot be measured here, or undefined when it can. */
export function rsyncMissing(): string | undefined {
  const missing = ['rsync', 'ssh', 'ssh-keygen', 'sshd'].filter((c) => which(c) === undefined);
  return missing.length > 0 ? `${missing.join(', ')} not installed (install with: ${INSTALL_HINT})` : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr !== 'string' ? resolve(addr.port) : reject(new HarnessError('no free port'))));
    });
  });
}

/**
 * A throwaway sshd on 127.0.0.1 with its own host key and a generated client key, so the rsync
 * anchor runs the way a sysadmin's `rsync -e ssh` does without touching the system's sshd.
 */
export async function startSshd(dir: string): Promise<Sshd> {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  const hostKey = join(dir, 'host_ed25519');
  const clientKey = join(dir, 'client_ed25519');
  for (const key of [hostKey, clientKey]) {
    if (existsSync(key)) continue;
    const r = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'doppel-bench', '-f', key]);
    if (r.code !== 0) throw new HarnessError(`ssh-keygen failed: ${r.stderr.trim()}`);
  }
  const { readFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`), { mode: 0o600 });
  // OpenSSH refuses to start without its privilege-separation directory; Debian creates it only
  // when its own service starts, which a container never does.
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'X11Forwarding no',
      'PrintMotd no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const sshdPath = which('sshd')!;
  const child: ChildProcess = start(sshdPath, ['-D', '-e', '-f', config]);
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const rsh = [
    'ssh', '-F', '/dev/null', '-p', String(port), '-i', clientKey,
    '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no',
    '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
  ].join(' ');
  const user = userInfo().username;
  // Ready when a real login works, which also proves the keys and config are right.
  const deadline = performance.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new HarnessError(`sshd exited at start: ${log.trim()}`);
    const r = await run('sh', ['-c', `${rsh} ${user}@127.0.0.1 true`], { timeoutMs: 5000 });
    if (r.code === 0) break;
    if (performance.now() > deadline) {
      await stop(child);
      throw new HarnessError(`cannot log in to the bench sshd on port ${port}: ${r.stderr.trim()} ${log.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  return { port, pid: child.pid!, rsh, user, stop: () => stop(child) };
}
