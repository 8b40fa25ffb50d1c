// The replication service: one runtime per protection on this peer (either role), the control
// API's protect/unprotect/status/pause/resume/verify, the replicate protocol (through the inbound
// dispatcher) and the 1 Hz 'stats' event.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Stats } from '../api/events.js';
import type { FailoverParams, PolicyParams, ProtectionsResult, SetParams, UnprotectParams, VerifyReport } from '../api/methods.js';
import { failoverPolicy } from '../core/failover.js';
import { HookRunner } from './hooks.js';
import { AsideStore } from '../store/aside.js';
import { compileRules } from '../core/rules.js';
import { DoppelError } from '../errors.js';
import { DEFAULT_BLOCK_SIZE } from '../core/blocks.js';
import { REPLICATE_PROTOCOL } from '../net/wire.js';
import { DEFAULT_OPTIONS, ProtectionStore, validateProtectionName, type Kind, type ProtectionOptions, type ProtectionRow } from '../store/protections.js';
import type { DaemonContext as EngineContext } from './services.js';
import { InboundDispatcher } from './protection/inbound.js';
import { ProtectionRuntime } from './protection/runtime.js';
import type { ProtectionStatus } from './status.js';

/** How often throughput is sampled and 'stats' published. */
const STATS_INTERVAL_MS = 1000;
/** How long `doppel failover` waits for the promotion (not its hook) before it answers. */
const PROMOTION_WAIT_MS = 60_000;

export class ProtectError extends DoppelError {
  override name = 'ProtectError';
  override readonly code = 'protect';
}

function str(params: Record<string, unknown>, key: string, required = true): string | undefined {
  const v = params[key];
  if (v == null && !required) return undefined;
  if (typeof v !== 'string' || v === '') throw new ProtectError(`missing or invalid "${key}"`);
  return v;
}

function strList(params: Record<string, unknown>, key: string): string[] {
  const v = params[key];
  if (v == null) return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ProtectError(`"${key}" must be a list of strings`);
  return v as string[];
}

function num(params: Record<string, unknown>, key: string, fallback: number): number {
  const v = params[key];
  if (v == null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ProtectError(`"${key}" must be a non-negative number`);
  return v;
}

export class ReplicationService {
  private readonly store: ProtectionStore;
  private readonly runtimes = new Map<number, ProtectionRuntime>();
  private readonly inbound: InboundDispatcher;
  private readonly hooks: HookRunner;
  private readonly aside: AsideStore;
  private statsTimer: NodeJS.Timeout | undefined;
  private readonly onPeer = (peerId: string): void => {
    for (const rt of this.runtimes.values()) if (rt.peerId === peerId) rt.nudge();
  };

  constructor(private readonly ctx: EngineContext) {
    this.store = new ProtectionStore(ctx.db);
    this.inbound = new InboundDispatcher(ctx, this.store, {
      find: (peerId, name, role) => [...this.runtimes.values()].find((rt) => rt.row.role === role && rt.peerId === peerId && rt.name === name),
      open: (row) => this.open(row),
    });
    this.aside = new AsideStore(ctx.db, ctx.home);
    const rows = this.store.list();
    this.hooks = new HookRunner({
      lastSeq: Math.max(0, ...rows.map((r) => r.hookSeq)),
      // One counter for the whole peer, kept in every row so it survives any protection's removal.
      persistSeq: (seq) => this.ctx.db.prepare('UPDATE protections SET hook_seq = ?').run(seq),
      clock: ctx.clock,
      logger: ctx.log,
      onEvent: (notice) => {
        const h = notice.hook;
        if (notice.type === 'hook:started') {
          ctx.log.info(`${h.protection}: hook #${h.seq} (${h.event}) started: ${h.command}`);
          ctx.publish('hook:started', { seq: h.seq, event: h.event, protection: h.protection, command: h.command, startedAt: h.startedAt });
        } else {
          const r = notice.hook;
          const how = r.error ?? (r.timedOut ? `timed out after ${r.timeoutMs} ms` : r.signal ? `killed by ${r.signal}` : `exit code ${r.exitCode}`);
          ctx.log[r.exitCode === 0 && !r.timedOut && r.error === null ? 'info' : 'warn'](`${r.protection}: hook #${r.seq} (${r.event}) finished: ${how} in ${r.durationMs} ms${r.output ? `; output: ${r.output.trimEnd().slice(-2000)}` : ''}`);
          ctx.publish('hook:finished', { seq: r.seq, event: r.event, protection: r.protection, command: r.command, startedAt: r.startedAt, exitCode: r.exitCode, signal: r.signal, timedOut: r.timedOut, durationMs: r.durationMs, output: r.output });
        }
      },
    });
  }

  async start(): Promise<void> {
    const ctx = this.ctx;
    ctx.registerMethod('protect', (p) => this.protect(p));
    ctx.registerMethod('unprotect', (p) => this.unprotect(p));
    ctx.registerMethod('status', async () => ({ protections: this.status() }));
    ctx.registerMethod('pause', async (p) => this.setPaused(p, true));
    ctx.registerMethod('resume', async (p) => this.setPaused(p, false));
    ctx.registerMethod('verify', (p) => this.verify(p));
    ctx.registerMethod('set', async (p) => this.set(p));
    ctx.registerMethod('failover', (p) => this.failover(p));
    ctx.registerMethod('failback', async (p) => this.handOver('failback', p));
    ctx.registerMethod('switchover', async (p) => this.handOver('switchover', p));
    ctx.registerMethod('resolve', async (p) => {
      const matched = this.named(p.name, p.peer, 'resolve');
      if (matched.length > 1) throw new ProtectError(`"${p.name}" has several peers here; name one with --peer`);
      const refused = await matched[0]!.resolve(p.keep);
      if (refused !== undefined) throw new ProtectError(refused);
      return { protections: [matched[0]!.status()] };
    });
    ctx.registerMethod('aside-list', async (p) => ({ entries: this.aside.list(p.name) }));
    ctx.registerMethod('aside-drop', async (p) => {
      const entries = this.aside.list(p.name).filter((e) => p.all === true || e.id === p.id);
      if (entries.length === 0) throw new ProtectError(`nothing is kept aside for "${p.name}"${p.id === undefined ? '' : ` with id ${p.id}`}; see \`doppel aside list\``);
      return { dropped: entries.map((e) => this.aside.drop(e.id)!) };
    });
    // Target protections first: an offer arriving at once must find its protection.
    for (const row of this.store.list('target')) await this.open(row);
    await ctx.handle(REPLICATE_PROTOCOL, (stream, connection) => this.inbound.handle(stream, connection));
    this.statsTimer = setInterval(() => this.tick(), STATS_INTERVAL_MS);
    this.statsTimer.unref();
    ctx.events.on('peer:connected', this.onPeer);
    ctx.events.on('peer:trusted', this.onPeer);
    for (const row of this.store.list('source')) await this.open(row);
  }

  async stop(): Promise<void> {
    this.ctx.events.off('peer:connected', this.onPeer);
    this.ctx.events.off('peer:trusted', this.onPeer);
    clearInterval(this.statsTimer);
    this.inbound.stop();
    await Promise.all([...this.runtimes.values()].map((rt) => rt.stop('daemon stopping')));
    this.runtimes.clear();
    await this.hooks.stop();
  }

  status(): ProtectionStatus[] {
    return [...this.runtimes.values()].map((rt) => rt.status())
      .sort((a, b) => a.name.localeCompare(b.name) || a.role.localeCompare(b.role) || a.peer.localeCompare(b.peer));
  }

  /** Creates and starts the runtime of a stored protection. */
  private async open(row: ProtectionRow): Promise<ProtectionRuntime> {
    const runtime = new ProtectionRuntime(this.ctx, this.store, row, this.hooks);
    this.runtimes.set(row.id, runtime);
    await runtime.start();
    this.heartbeatFloor();
    return runtime;
  }

  /** Peer heartbeats at least as often as the most demanding failover policy asks. */
  private heartbeatFloor(): void {
    const ms = Math.min(Infinity, ...[...this.runtimes.values()].map((rt) => rt.row.options.failover.heartbeatMs));
    this.ctx.heartbeatAtLeastEvery(ms);
  }

  /** The runtimes of protection `name` (with `peer`, when given), or a ProtectError saying there is none. */
  private named(name: string, peer: string | undefined, what: string): ProtectionRuntime[] {
    const peerId = peer === undefined ? undefined : this.ctx.resolvePeer(peer);
    const matched = [...this.runtimes.values()].filter((rt) => rt.name === name && (peerId === undefined || rt.peerId === peerId));
    if (matched.length === 0) throw new ProtectError(`no protection named "${name}"${peer ? ` with peer ${peer}` : ''} on this peer to ${what}; see \`doppel status\``);
    return matched;
  }

  private set(params: SetParams): ProtectionsResult {
    const matched = this.named(params.name, params.peer, 'change');
    const policyGiven = params.failover !== undefined || params.heartbeatMs !== undefined || params.missed !== undefined;
    for (const rt of matched) {
      if (policyGiven && rt.row.role === 'target') {
        throw new ProtectError(`the failover policy of "${rt.name}" is set on its source, ${this.ctx.peerName(rt.peerId) ?? rt.peerId} (\`doppel set ${rt.name} --failover ...\` there); it reaches this target with the next session. Hooks are set here.`);
      }
    }
    for (const rt of matched) rt.setOptions(withPolicy(rt.row.options, params));
    this.heartbeatFloor();
    // A source's new policy travels with its offer: start a session that carries it.
    for (const rt of matched) if (policyGiven) rt.source?.restartSession();
    return { protections: matched.map((rt) => rt.status()) };
  }

  private async failover(params: FailoverParams): Promise<ProtectionsResult> {
    const flags = params.test === true ? (params.end === true ? ' --test --end' : ' --test') : '';
    const matched = this.named(params.name, params.peer, 'fail over').filter((rt) => rt.row.role === 'target');
    if (matched.length === 0) throw new ProtectError(`"${params.name}" is protected from this peer; run \`doppel failover ${params.name}${flags}\` on its target`);
    if (matched.length > 1) throw new ProtectError(`several sources protect a data set named "${params.name}" here; name one with --peer`);
    const rt = matched[0]!;
    // A drill on a copy: the replica goes on replicating, nothing is promoted.
    if (params.test === true) {
      await rt.testFailover(params.end === true);
      return { protections: [rt.status()] };
    }
    const refused = rt.request('failover', params.force === true);
    if (refused !== undefined) throw new ProtectError(refused);
    // Answer once the replica is primary (or the promotion failed); the hook goes on in the background.
    const deadline = this.ctx.clock.now() + PROMOTION_WAIT_MS;
    while (rt.failover.state.phase === 'promoting' && rt.failover.state.waitingFor === 'daemon' && this.ctx.clock.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (rt.failover.state.phase === 'promoting') throw new ProtectError(rt.failover.state.reason ?? 'the promotion did not finish; see the daemon log');
    return { protections: [rt.status()] };
  }

  private handOver(what: 'failback' | 'switchover', params: UnprotectParams): ProtectionsResult {
    const matched = this.named(params.name, params.peer, what);
    if (matched.length > 1) throw new ProtectError(`"${params.name}" has several peers here; name one with --peer`);
    const rt = matched[0]!;
    const refused = rt.request(what);
    if (refused !== undefined) throw new ProtectError(refused);
    return { protections: [rt.status()] };
  }

  /** Samples every protection's throughput and publishes the sample while there are protections. */
  private tick(): void {
    const now = this.ctx.clock.now();
    for (const rt of this.runtimes.values()) rt.sample(now);
    if (this.runtimes.size === 0) return;
    const protections = this.status().map(({ name, role, peer, state, throughputBps, lagMs, pendingBytes }) => ({ name, role, peer, state, throughputBps, lagMs, pendingBytes }));
    const stats: Stats = { at: now, protections };
    this.ctx.publish('stats', stats);
  }

  /** The runtimes acting as source of protection `name`. */
  private sourcesNamed(name: string): ProtectionRuntime[] {
    return [...this.runtimes.values()].filter((rt) => rt.name === name && rt.source !== undefined);
  }

  private async protect(params: Record<string, unknown>): Promise<unknown> {
    const name = validateProtectionName(str(params, 'name')!);
    const path = str(params, 'path')!;
    if (!isAbsolute(path)) throw new ProtectError(`path "${path}" must be absolute`);
    const to = strList(params, 'to');
    if (to.length === 0) throw new ProtectError('name at least one target peer with --to <peer>');
    const peers = to.map((p) => this.ctx.resolvePeer(p));
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      throw new ProtectError(`cannot protect ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`);
    }
    const scanIntervalMs = num(params, 'scanIntervalMs', 0);
    let kind: Kind;
    if (info.isDirectory()) kind = 'tree';
    else if (info.isBlockDevice()) kind = 'device';
    else if (info.isFile()) kind = scanIntervalMs > 0 ? 'device' : 'file';
    else throw new ProtectError(`${path} is neither a directory, a regular file nor a block device`);
    const include = strList(params, 'include');
    const exclude = strList(params, 'exclude');
    compileRules({ include, exclude });
    const blockSize = num(params, 'blockSize', DEFAULT_BLOCK_SIZE);
    if (blockSize < 512 || blockSize > 1024 * 1024 || (blockSize & (blockSize - 1)) !== 0) {
      throw new ProtectError(`block size ${blockSize} must be a power of two between 512 B and 1 MiB`);
    }
    const options: ProtectionOptions = withPolicy({
      ...DEFAULT_OPTIONS,
      include,
      exclude,
      bwlimit: num(params, 'bwlimit', 0),
      compress: params['compress'] === true,
      blockSize,
      scanIntervalMs: scanIntervalMs > 0 ? scanIntervalMs : DEFAULT_OPTIONS.scanIntervalMs,
    }, params as PolicyParams);
    for (const peerId of peers) {
      if (peerId === this.ctx.peerId) throw new ProtectError('a peer cannot protect to itself; name another trusted peer with --to');
      if (this.store.find('source', peerId, name) != null) {
        throw new ProtectError(`"${name}" is already protected to ${this.ctx.peerName(peerId) ?? peerId}; run \`doppel unprotect ${name}\` first to change it`);
      }
    }
    const created = [];
    for (const peerId of peers) {
      const row = this.store.insert({ name, role: 'source', peerId, path, kind, options, generation: 1, createdAt: this.ctx.clock.now() });
      this.ctx.log.info(`protecting ${path} as "${name}" (${kind}) to ${this.ctx.peerName(peerId) ?? peerId}`);
      created.push((await this.open(row)).status());
    }
    return { protections: created };
  }

  private async unprotect(params: Record<string, unknown>): Promise<unknown> {
    const name = str(params, 'name')!;
    const peer = str(params, 'peer', false);
    const peerId = peer == null ? undefined : this.ctx.resolvePeer(peer);
    const matched = [...this.runtimes.values()]
      .filter((rt) => rt.name === name && (peerId == null || rt.peerId === peerId))
      .sort((a, b) => a.role.localeCompare(b.role));
    if (matched.length === 0) throw new ProtectError(`no protection named "${name}"${peer ? ` with peer ${peer}` : ''}; see \`doppel status\``);
    const removed: Array<{ name: string; role: string; peer: string; path: string }> = [];
    for (const rt of matched) {
      // The replica's files stay where they are; only the protection is forgotten.
      await rt.stop('protection removed');
      this.runtimes.delete(rt.id);
      this.store.remove(rt.id);
      removed.push({ name, role: rt.role, peer: rt.peerId, path: rt.row.path });
    }
    return { removed };
  }

  private setPaused(params: Record<string, unknown>, paused: boolean): unknown {
    const name = str(params, 'name')!;
    const matched = this.sourcesNamed(name);
    if (matched.length === 0) {
      throw new ProtectError(`no source protection named "${name}" on this peer; pause and resume act on the source side (see \`doppel status\`)`);
    }
    for (const rt of matched) paused ? rt.pause() : rt.resume();
    return { protections: matched.map((rt) => rt.status()) };
  }

  private async verify(params: Record<string, unknown>): Promise<unknown> {
    const name = str(params, 'name')!;
    const matched = this.sourcesNamed(name);
    if (matched.length === 0) throw new ProtectError(`no source protection named "${name}" on this peer; run verify on the source`);
    const reports: VerifyReport[] = [];
    for (const rt of matched) reports.push(await rt.source!.verify(params['repair'] === true));
    return { reports };
  }
}

/** `options` with the policy and hooks in `p` (absent fields keep their value). */
function withPolicy(options: ProtectionOptions, p: PolicyParams): ProtectionOptions {
  const failover = failoverPolicy({
    mode: p.failover ?? options.failover.mode,
    heartbeatMs: p.heartbeatMs ?? options.failover.heartbeatMs,
    missed: p.missed ?? options.failover.missed,
  });
  const hooks = {
    failover: p.hookFailover ?? options.hooks.failover,
    failback: p.hookFailback ?? options.hooks.failback,
    switchover: p.hookSwitchover ?? options.hooks.switchover,
    timeoutMs: p.hookTimeoutMs ?? options.hooks.timeoutMs,
  };
  return { ...options, failover, hooks };
}
