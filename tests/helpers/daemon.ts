// Real doppel daemons for integration tests: each in its own temp home, listening on 127.0.0.1
// only, mDNS off, driven through the built CLI (run `npm run build` first; `npm test` does).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExecutionContext } from 'ava';

export const CLI = resolve('dist/lib/cli/main.js');
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface StartOptions {
  name: string;
  /** Registers stop + home removal with t.teardown (also done at process exit regardless). */
  t?: ExecutionContext;
  /** Extra arguments for `doppel up` (e.g. ['--log-level', 'debug']). */
  extraArgs?: string[];
  /** Extra arguments for `doppel init` (the defaults already listen on 127.0.0.1:0 with --no-mdns). */
  initArgs?: string[];
  /** Config keys to set before `up` (snake_case names from config.toml, JSON values). */
  config?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Use this directory as the home instead of a new temp dir (not removed afterwards). */
  home?: string;
  /**
   * Open-file limit (soft and hard) the daemon runs under; default DAEMON_NOFILE, what most Linux
   * hosts and systemd services start with, so tests see what users' hosts see.
   */
  nofile?: number;
}

/** `ulimit -n` of the daemons tests start (users' hosts and systemd services: 1024). */
export const DAEMON_NOFILE = 1024;

export interface TestDaemon {
  readonly home: string;
  readonly name: string;
  readonly peerId: string;
  /** Listen addresses ending in /p2p/<peerId>; stable across restart(). */
  readonly addrs: string[];
  readonly pid: number | undefined;
  /** Runs `doppel <args> --home <home>`. */
  cli(args: string[]): Promise<CliResult>;
  /** Runs `doppel <args> --json --home <home>`, fails unless exit code 0, parses stdout. */
  cliJson<T = any>(args: string[]): Promise<T>;
  /** SIGTERM, wait for exit, SIGKILL after a timeout. Resolves with the exit code (or signal). */
  stop(): Promise<number | string | null>;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** stop() (if running) then start again on the same address. */
  restart(): Promise<void>;
  /** Everything the daemon wrote to stderr so far (all runs). */
  logs(): string;
}

const live = new Set<ChildProcess>();
const tempHomes = new Set<string>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const home of tempHomes) rmSync(home, { recursive: true, force: true });
});

export function runCli(args: string[], env?: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal === null ? -1 : 128), stdout, stderr });
    });
  });
}

/** Sets `key = value` lines in a home's config.toml. */
export function setConfig(home: string, values: Record<string, unknown>): void {
  const file = join(home, 'config.toml');
  let text = readFileSync(file, 'utf8');
  for (const [key, value] of Object.entries(values)) {
    const line = `${key} = ${JSON.stringify(value)}`;
    const re = new RegExp(`^${key}\\s*=.*$`, 'm');
    text = re.test(text) ? text.replace(re, line) : `${text}${line}\n`;
  }
  writeFileSync(file, text);
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a value other than undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export async function startDaemon(options: StartOptions): Promise<TestDaemon> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), `doppel-${options.name}-`));
  if (options.home === undefined) tempHomes.add(home);
  const env = options.env;
  const init = await runCli(['init', '--name', options.name, '--listen', '/ip4/127.0.0.1/tcp/0', '--no-mdns', ...(options.initArgs ?? []), '--home', home], env);
  if (init.code !== 0) throw new Error(`doppel init failed (${init.code}): ${init.stderr}`);
  if (options.config !== undefined) setConfig(home, options.config);

  let log = '';
  let child: ChildProcess | undefined;
  let exited: Promise<number | string | null> = Promise.resolve(null);
  let peerId = '';
  let addrs: string[] = [];

  const cli = (args: string[]) => runCli([...args, '--home', home], env);
  const cliJson = async (args: string[]) => {
    const r = await cli([...args, '--json']);
    if (r.code !== 0) throw new Error(`doppel ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  const spawnUp = async () => {
    // `ulimit -n` in sh sets the soft and the hard limit, so the daemon cannot raise it; exec keeps the pid.
    const nofile = options.nofile ?? DAEMON_NOFILE;
    const proc = spawn('/bin/sh', ['-c', `ulimit -n ${nofile} && exec "$0" "$@"`, process.execPath, CLI, 'up', '--home', home, ...(options.extraArgs ?? [])], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    live.add(proc);
    proc.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
    exited = new Promise((r) => proc.on('exit', (code, signal) => { live.delete(proc); r(code ?? signal); }));
    let dead = false;
    void exited.then(() => { dead = true; });
    const id = await waitFor('the daemon to answer `id`', async () => {
      if (dead) throw new Error(`doppel up exited early:\n${log}`);
      const r = await cli(['id', '--json']);
      return r.code === 0 ? JSON.parse(r.stdout) as { peerId: string; addresses: string[] } : undefined;
    }, READY_TIMEOUT_MS);
    peerId = id.peerId;
    addrs = id.addresses;
  };

  const stop = async () => {
    const proc = child;
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return exited;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  await spawnUp();
  // Keep the same port across restarts, so peers that know this address can reconnect.
  setConfig(home, { listen: addrs.map((a) => a.replace(/\/p2p\/.*$/, '')) });

  const daemon: TestDaemon = {
    home,
    name: options.name,
    get peerId() { return peerId; },
    get addrs() { return addrs; },
    get pid() { return child?.pid; },
    cli,
    cliJson,
    stop,
    kill: async () => {
      child?.kill('SIGKILL');
      await exited;
    },
    restart: async () => {
      await stop();
      await spawnUp();
    },
    logs: () => log,
  };
  options.t?.teardown(async () => {
    await stop();
    if (options.home === undefined) {
      rmSync(home, { recursive: true, force: true });
      tempHomes.delete(home);
    }
  });
  return daemon;
}

export interface PeerJson {
  peerId: string;
  name: string | null;
  state: 'pending' | 'trusted' | 'connected';
  addresses: string[];
  latencyMs: number | null;
  lastSeen: number | null;
}

/** Waits until `a` lists `b` as connected with a measured latency. */
export async function waitConnected(a: TestDaemon, b: TestDaemon, timeoutMs = 15_000): Promise<PeerJson> {
  return waitFor(`${a.name} to see ${b.name} connected`, async () => {
    const peers = await a.cliJson<PeerJson[]>(['peers']);
    const p = peers.find((x) => x.peerId === b.peerId);
    return p?.state === 'connected' && p.latencyMs !== null ? p : undefined;
  }, timeoutMs, 200);
}

/** Runs `trust` both ways with names and addresses, then waits until both see each other connected. */
export async function trustEachOther(a: TestDaemon, b: TestDaemon): Promise<void> {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const r = await x.cli(['trust', y.peerId, '--name', y.name, ...y.addrs.flatMap((addr) => ['--addr', addr])]);
    if (r.code !== 0) throw new Error(`${x.name}: doppel trust ${y.name} exited ${r.code}: ${r.stderr}`);
  }
  await waitConnected(a, b);
  await waitConnected(b, a);
}
