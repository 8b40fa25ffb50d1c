// The replication service: owns every protection on this peer (source and target roles), answers
// the control API's protect/unprotect/status/pause/resume/verify, and serves the replicate protocol.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { compileRules } from '../core/rules.js';
import { DoppelError } from '../errors.js';
import { DEFAULT_BLOCK_SIZE } from '../core/blocks.js';
import { REPLICATE_PROTOCOL } from '../net/wire.js';
import { DEFAULT_OPTIONS, ProtectionStore, validateProtectionName, type Kind, type ProtectionOptions } from '../store/protections.js';
import type { DaemonContext as EngineContext } from './services.js';
import { SourceReplicator, type VerifyReport } from './source.js';
import { TargetService } from './target.js';
import type { ProtectionStatus } from './status.js';

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
  private readonly sources = new Map<number, SourceReplicator>();
  private readonly targets: TargetService;
  private readonly onPeer = (peerId: string): void => {
    for (const s of this.sources.values()) if (s.peerId === peerId) s.nudge();
  };

  constructor(private readonly ctx: EngineContext) {
    this.store = new ProtectionStore(ctx.db);
    this.targets = new TargetService(ctx);
  }

  async start(): Promise<void> {
    const ctx = this.ctx;
    ctx.registerMethod('protect', (p) => this.protect(p));
    ctx.registerMethod('unprotect', (p) => this.unprotect(p));
    ctx.registerMethod('status', async () => ({ protections: this.status() }));
    ctx.registerMethod('pause', async (p) => this.setPaused(p, true));
    ctx.registerMethod('resume', async (p) => this.setPaused(p, false));
    ctx.registerMethod('verify', (p) => this.verify(p));
    await ctx.handle(REPLICATE_PROTOCOL, (stream, connection) => this.targets.handle(stream, connection));
    this.targets.start();
    ctx.events.on('peer:connected', this.onPeer);
    ctx.events.on('peer:trusted', this.onPeer);
    for (const row of this.store.list('source')) await this.startSource(row.id);
  }

  async stop(): Promise<void> {
    this.ctx.events.off('peer:connected', this.onPeer);
    this.ctx.events.off('peer:trusted', this.onPeer);
    await this.targets.stop();
    await Promise.all([...this.sources.values()].map((s) => s.stop()));
    this.sources.clear();
  }

  status(): ProtectionStatus[] {
    return [...[...this.sources.values()].map((s) => s.status()), ...this.targets.statuses()]
      .sort((a, b) => a.name.localeCompare(b.name) || a.role.localeCompare(b.role) || a.peer.localeCompare(b.peer));
  }

  private async startSource(id: number): Promise<void> {
    const row = this.store.list('source').find((r) => r.id === id);
    if (row == null) return;
    const replicator = new SourceReplicator(this.ctx, row, this.store);
    this.sources.set(id, replicator);
    await replicator.start();
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
    const options: ProtectionOptions = {
      ...DEFAULT_OPTIONS,
      include,
      exclude,
      bwlimit: num(params, 'bwlimit', 0),
      compress: params['compress'] === true,
      blockSize,
      scanIntervalMs: scanIntervalMs > 0 ? scanIntervalMs : DEFAULT_OPTIONS.scanIntervalMs,
    };
    for (const peerId of peers) {
      if (peerId === this.ctx.peerId) throw new ProtectError('a peer cannot protect to itself; name another trusted peer with --to');
      if (this.store.find('source', peerId, name) != null) {
        throw new ProtectError(`"${name}" is already protected to ${this.ctx.peerName(peerId) ?? peerId}; run \`doppel unprotect ${name}\` first to change it`);
      }
    }
    const created = [];
    for (const peerId of peers) {
      const row = this.store.insert({ name, role: 'source', peerId, path, kind, options, generation: 1, createdAt: Date.now() });
      this.ctx.log.info(`protecting ${path} as "${name}" (${kind}) to ${this.ctx.peerName(peerId) ?? peerId}`);
      await this.startSource(row.id);
      created.push(this.sources.get(row.id)!.status());
    }
    return { protections: created };
  }

  private async unprotect(params: Record<string, unknown>): Promise<unknown> {
    const name = str(params, 'name')!;
    const peer = str(params, 'peer', false);
    const peerId = peer == null ? undefined : this.ctx.resolvePeer(peer);
    const removed: Array<{ name: string; role: string; peer: string; path: string }> = [];
    for (const [id, replicator] of this.sources) {
      if (replicator.name !== name || (peerId != null && replicator.peerId !== peerId)) continue;
      await replicator.stop();
      this.sources.delete(id);
      const row = this.store.list('source').find((r) => r.id === id);
      this.store.remove(id);
      if (row != null) removed.push({ name, role: 'source', peer: row.peerId, path: row.path });
    }
    for (const row of this.targets.remove(name, peerId)) removed.push({ name, role: 'target', peer: row.peerId, path: row.path });
    if (removed.length === 0) throw new ProtectError(`no protection named "${name}"${peer ? ` with peer ${peer}` : ''}; see \`doppel status\``);
    return { removed };
  }

  private setPaused(params: Record<string, unknown>, paused: boolean): unknown {
    const name = str(params, 'name')!;
    const matched = [...this.sources.values()].filter((s) => s.name === name);
    if (matched.length === 0) {
      throw new ProtectError(`no source protection named "${name}" on this peer; pause and resume act on the source side (see \`doppel status\`)`);
    }
    for (const s of matched) paused ? s.pause() : s.resume();
    return { protections: matched.map((s) => s.status()) };
  }

  private async verify(params: Record<string, unknown>): Promise<unknown> {
    const name = str(params, 'name')!;
    const matched = [...this.sources.values()].filter((s) => s.name === name);
    if (matched.length === 0) throw new ProtectError(`no source protection named "${name}" on this peer; run verify on the source`);
    const reports: VerifyReport[] = [];
    for (const s of matched) reports.push(await s.verify(params['repair'] === true));
    return { reports };
  }
}
