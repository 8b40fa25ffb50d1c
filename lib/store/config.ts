// The peer's configuration: <home>/config.toml, a strict subset of TOML (`key = value` lines,
// `#` comments, strings, integers, booleans, one-line string arrays) that a person edits with
// any editor and that needs no parser dependency. Every setting has a default, written out with
// a comment by `doppel init`, so `doppel up` works with no edits.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { multiaddr } from '@multiformats/multiaddr';
import { ConfigError } from '../errors.js';

export const CONFIG_FILE = 'config.toml';
export const DEFAULT_PORT = 4717;

export interface Config {
  /** Human name shown to other peers. */
  name: string;
  /** libp2p listen multiaddrs. */
  listen: string[];
  /** Announce and discover peers on the local network with mDNS. */
  mdns: boolean;
  /** Multiaddrs (ending in /p2p/<PeerId>) dialled at start. */
  bootstrap: string[];
  /** Interval between heartbeats on each peer connection. */
  heartbeatIntervalMs: number;
  /** Absolute directory holding replicas received from sources. */
  dataDir: string;
  /** Absolute path of the control socket. */
  controlSocket: string;
  /** Most bytes one source may store here, 0 = unlimited. */
  targetQuotaBytes: number;
}

type Kind = 'string' | 'strings' | 'boolean' | 'integer';

interface KeySpec {
  key: string;
  field: keyof Config;
  kind: Kind;
  comment: string;
}

const KEYS: KeySpec[] = [
  { key: 'name', field: 'name', kind: 'string', comment: 'Human name shown to other peers (in `doppel peers` on their side).' },
  { key: 'listen', field: 'listen', kind: 'strings', comment: `libp2p listen addresses. /ip4/0.0.0.0/tcp/${DEFAULT_PORT} accepts peers on every interface;\n# /ip4/127.0.0.1/tcp/0 keeps the peer on this host (port 0 = any free port).` },
  { key: 'mdns', field: 'mdns', kind: 'boolean', comment: 'Discover peers on the local network with mDNS (multicast). Discovered peers stay\n# pending until you `doppel trust` them.' },
  { key: 'bootstrap', field: 'bootstrap', kind: 'strings', comment: 'Peers to dial at start, as multiaddrs ending in /p2p/<PeerId>, e.g.\n# ["/ip4/192.0.2.10/tcp/4717/p2p/12D3KooW..."]. `doppel trust --addr` remembers addresses too.' },
  { key: 'heartbeat_interval_ms', field: 'heartbeatIntervalMs', kind: 'integer', comment: 'Milliseconds between heartbeats on each peer connection (latency and liveness).' },
  { key: 'data_dir', field: 'dataDir', kind: 'string', comment: 'Where replicas received from other peers are stored (relative to this home).' },
  { key: 'control_socket', field: 'controlSocket', kind: 'string', comment: 'Unix socket the CLI and dashboard use to talk to the daemon (relative to this home).' },
  { key: 'target_quota_bytes', field: 'targetQuotaBytes', kind: 'integer', comment: 'Most bytes one source peer may store here; 0 = unlimited.' },
];

export interface InitOptions {
  name: string;
  listen?: string[];
  mdns?: boolean;
}

/** The raw (unresolved) values written to a new config file. */
function defaults(options: InitOptions): Record<string, unknown> {
  return {
    name: options.name,
    listen: options.listen !== undefined && options.listen.length > 0 ? options.listen : [`/ip4/0.0.0.0/tcp/${DEFAULT_PORT}`],
    mdns: options.mdns ?? true,
    bootstrap: [],
    heartbeat_interval_ms: 1000,
    data_dir: 'replicas',
    control_socket: 'control.sock',
    target_quota_bytes: 0,
  };
}

/** `--home`, else $DOPPEL_HOME, else ~/.doppel; always absolute. */
export function resolveHome(option?: string): string {
  const home = option ?? process.env.DOPPEL_HOME ?? join(homedir(), '.doppel');
  return resolve(home);
}

export function configPath(home: string): string {
  return join(home, CONFIG_FILE);
}

export function renderConfig(values: Record<string, unknown>): string {
  const lines = [
    '# doppel peer configuration. Every setting is written out with its default;',
    '# edit a value and restart `doppel up` to apply it.',
  ];
  for (const spec of KEYS) {
    lines.push('', `# ${spec.comment}`, `${spec.key} = ${JSON.stringify(values[spec.key])}`);
  }
  return lines.join('\n') + '\n';
}

function parseValue(file: string, line: number, spec: KeySpec, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(file, line, `cannot read the value of ${spec.key}; write it as ${example(spec.kind)}`);
  }
  const ok = spec.kind === 'string' ? typeof value === 'string'
    : spec.kind === 'boolean' ? typeof value === 'boolean'
    : spec.kind === 'integer' ? Number.isSafeInteger(value) && (value as number) >= 0
    : Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (!ok) throw new ConfigError(file, line, `${spec.key} must be ${example(spec.kind)}`);
  return value;
}

function example(kind: Kind): string {
  switch (kind) {
    case 'string': return 'a double-quoted string, e.g. "alpha"';
    case 'strings': return 'a one-line list of double-quoted strings, e.g. ["a", "b"]';
    case 'boolean': return 'true or false';
    case 'integer': return 'a whole number >= 0, e.g. 1000';
  }
}

/** Parses config text strictly: unknown keys, duplicates and bad values name the line. */
export function parseConfig(text: string, file: string, home: string): Config {
  const raw = defaults({ name: '' });
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(line);
    if (match == null) throw new ConfigError(file, lineNo, 'expected `key = value` or a # comment');
    const [, key, valueText] = match as unknown as [string, string, string];
    const spec = KEYS.find((k) => k.key === key);
    if (spec == null) throw new ConfigError(file, lineNo, `unknown setting ${key}; known settings: ${KEYS.map((k) => k.key).join(', ')}`);
    if (seen.has(key)) throw new ConfigError(file, lineNo, `${key} is set twice; keep one`);
    seen.add(key);
    raw[key] = parseValue(file, lineNo, spec, valueText.replace(/\s+#[^"\]]*$/, ''));
    checkValue(file, lineNo, key, raw[key]);
  }
  if (raw.name === '') throw new ConfigError(file, undefined, 'name is missing; add a line like name = "alpha"');
  const homePath = (p: unknown) => (isAbsolute(p as string) ? (p as string) : join(home, p as string));
  return {
    name: raw.name as string,
    listen: raw.listen as string[],
    mdns: raw.mdns as boolean,
    bootstrap: raw.bootstrap as string[],
    heartbeatIntervalMs: raw.heartbeat_interval_ms as number,
    dataDir: homePath(raw.data_dir),
    controlSocket: homePath(raw.control_socket),
    targetQuotaBytes: raw.target_quota_bytes as number,
  };
}

function checkValue(file: string, line: number, key: string, value: unknown): void {
  if (key === 'listen' || key === 'bootstrap') {
    for (const addr of value as string[]) {
      try {
        const ma = multiaddr(addr);
        if (key === 'bootstrap' && ma.getComponents().at(-1)?.name !== 'p2p') throw new Error('no /p2p/');
      } catch {
        const hint = key === 'bootstrap' ? 'a multiaddr ending in /p2p/<PeerId>' : `a multiaddr such as /ip4/0.0.0.0/tcp/${DEFAULT_PORT}`;
        throw new ConfigError(file, line, `${JSON.stringify(addr)} in ${key} is not ${hint}`);
      }
    }
  }
  if (key === 'heartbeat_interval_ms' && ((value as number) < 50 || (value as number) > 60_000)) {
    throw new ConfigError(file, line, 'heartbeat_interval_ms must be between 50 and 60000');
  }
  if (key === 'name' && (value as string).trim() === '') throw new ConfigError(file, line, 'name must not be empty');
}

export function loadConfig(home: string): Config {
  const file = configPath(home);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(file, undefined, `missing; create it with \`doppel init --name NAME --home ${home}\``);
    }
    throw new ConfigError(file, undefined, `cannot be read (${(err as Error).message})`);
  }
  return parseConfig(text, file, home);
}

export interface InitConfigResult {
  created: boolean;
  config: Config;
}

/** Writes a config with every default unless one exists; an existing file is never changed. */
export function initConfig(home: string, options: InitOptions): InitConfigResult {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = configPath(home);
  if (existsSync(file)) return { created: false, config: loadConfig(home) };
  const text = renderConfig(defaults(options));
  const config = parseConfig(text, file, home);
  writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
  return { created: true, config };
}
