import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { applyWrites, compareTree, datasetDir, randomAlignedWrites, rangeMatches, rollBack, saveUndo, writeAt, type Dataset, type Write } from './datasets.js';
import { repoRoot } from './paths.js';
import { ByteStream } from './prng.js';
import { cpuSeconds, HarnessError, loopbackBytes, peakRss, run, sleep, start, stop, waitFor } from './procs.js';

/** `ulimit -n` of the daemons measured: what users' hosts and systemd services start with. */
export const DAEMON_NOFILE = 1024;

/** How to run the doppel CLI: the built one, else the sources through tsx. */
function cliArgs(): string[] | undefined {
  const root = repoRoot();
  const built = join(root, 'dist', 'lib', 'cli', 'main.js');
  if (existsSync(built)) return [built];
  const source = join(root, 'lib', 'cli', 'main.ts');
  if (existsSync(source)) return ['--import', 'tsx', source];
  return undefined;
}

/** Why the doppel columns cannot be measured yet, or undefined when the CLI can `protect`. */
export async function doppelMissing(): Promise<string | undefined> {
  const cli = cliArgs();
  if (cli === undefined) return 'n/a (engine not built: no dist/lib/cli/main.js)';
  const r = await run(process.execPath, [...cli, 'protect', '--help'], { timeoutMs: 30_000 });
  return r.code === 0 ? undefined : 'n/a (engine not built: the CLI has no `protect`)';
}

async function doppel(args: string[], home: string, timeoutMs = 30_000): Promise<string> {
  const r = await run(process.execPath, [...cliArgs()!, ...args, '--home', home], { timeoutMs });
  if (r.code !== 0) throw new HarnessError(`doppel ${args.join(' ')} exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

async function doppelJson(args: string[], home: string): Promise<unknown> {
  return JSON.parse(await doppel([...args, '--json'], home));
}

/** One request on the daemon's control socket (newline-delimited JSON, see lib/daemon/control-server.ts). */
function controlCall(socketPath: string, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let buf = '';
    const timer = setTimeout(() => socket.destroy(new HarnessError(`control call ${method} timed out`)), 10_000);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ id: 1, method, params: {} })}\n`));
    socket.on('data', (d: string) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      socket.destroy();
      const reply = JSON.parse(buf.slice(0, nl)) as { result?: unknown; error?: { message: string } };
      if (reply.error) reject(new HarnessError(`control call ${method}: ${reply.error.message}`));
      else resolve(reply.result);
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** The per-protection fields of `status --json` that the bench reads (issue 3 fixes these names). */
interface ProtectionView {
  name: string;
  role: string;
  state: string;
  pendingBytes?: number;
  mirror?: { doneBytes?: number; totalBytes?: number };
  counters?: { bytesSent?: number; wireBytesSent?: number };
  lastError?: string | null;
  generation?: number;
  failover?: { heartbeatMs: number; missed: number };
}

class Peer {
  peerId = '';
  addr = '';
  private constructor(readonly name: string, readonly home: string, private child: ChildProcess, private readonly work: string) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(work: string, name: string): Promise<Peer> {
    const home = join(work, 'homes', name);
    mkdirSync(home, { recursive: true });
    await doppel(['init', '--name', name, '--listen', '/ip4/127.0.0.1/tcp/0', '--no-mdns'], home);
    const peer = new Peer(name, home, Peer.up(work, name, home), work);
    await peer.ready();
    return peer;
  }

  /** Runs `doppel up` for `home`, logging to a file (a pipe nobody drains would stall the daemon). */
  private static up(work: string, name: string, home: string): ChildProcess {
    const log = openSync(join(work, `${name}.log`), 'a');
    // Under the open-file limit users' hosts and systemd services start with (soft and hard, so
    // the daemon cannot raise it); exec keeps the pid.
    const up = [process.execPath, ...cliArgs()!, 'up', '--home', home];
    const child = start('/bin/sh', ['-c', `ulimit -n ${DAEMON_NOFILE} && exec "$0" "$@"`, ...up], { stdio: ['ignore', log, log] });
    closeSync(log);
    return child;
  }

  /** Starts the daemon again on the same home (after kill or stop). */
  async restart(): Promise<void> {
    await this.stop();
    this.child = Peer.up(this.work, this.name, this.home);
    await this.ready();
  }

  private async ready(): Promise<void> {
    const { child, name, home, work } = this;
    const id = await waitFor(`${name} to answer \`doppel id\``, 30_000, 200, async () => {
      if (child.exitCode !== null) throw new HarnessError(`${name} exited with ${child.exitCode}; see ${join(work, `${name}.log`)}`);
      try {
        const v = (await doppelJson(['id'], home)) as { peerId: string; addresses: string[] };
        return v.addresses.length > 0 ? v : undefined;
      } catch {
        return undefined;
      }
    });
    this.peerId = id.peerId;
    const ma = id.addresses.find((a) => a.startsWith('/ip4/127.0.0.1/')) ?? id.addresses[0]!;
    this.addr = ma.includes('/p2p/') ? ma : `${ma}/p2p/${id.peerId}`;
  }

  /**
   * Status straight from the control socket: polling through the CLI would start a node process
   * every 200 ms and take CPU from the daemons being measured on a 2-core machine.
   */
  async status(): Promise<ProtectionView[]> {
    const socketPath = join(this.home, 'control.sock');
    const v = (existsSync(socketPath) ? await controlCall(socketPath, 'status') : await doppelJson(['status'], this.home)) as
      | ProtectionView[]
      | { protections: ProtectionView[] };
    return Array.isArray(v) ? v : v.protections;
  }

  async protection(name: string): Promise<ProtectionView | undefined> {
    return (await this.status()).find((p) => p.name === name && p.role === 'source');
  }

  replicaRoot(source: Peer, protection: string): string {
    return join(this.home, 'replicas', source.peerId, protection);
  }

  stop(): Promise<void> {
    return stop(this.child, 10_000);
  }

  /** SIGKILL, as a crash or a power cut would; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Trust both ways and wait until each lists the other as connected. */
async function link(a: Peer, b: Peer): Promise<void> {
  await doppel(['trust', b.peerId, '--name', b.name, '--addr', b.addr], a.home);
  await doppel(['trust', a.peerId, '--name', a.name, '--addr', a.addr], b.home);
  await waitFor(`${a.name} and ${b.name} to connect`, 30_000, 250, async () => {
    const v = (await doppelJson(['peers'], a.home)) as { peerId: string; state?: string; connected?: boolean }[] | { peers: { peerId: string; state?: string; connected?: boolean }[] };
    const list = Array.isArray(v) ? v : v.peers;
    return list.some((p) => p.peerId === b.peerId && (p.state === 'connected' || p.connected === true)) ? true : undefined;
  });
}

function isCaughtUp(p: ProtectionView | undefined): boolean {
  return p !== undefined && p.state === 'replicating' && (p.pendingBytes ?? 0) === 0;
}

/** Polls the source's status until the protection is replicating with nothing pending; seconds taken. */
async function waitCaughtUp(src: Peer, name: string, t0: number, timeoutMs: number): Promise<number> {
  let last: ProtectionView | undefined;
  try {
    await waitFor(`protection ${name} to catch up`, timeoutMs, 200, async () => {
      last = await src.protection(name);
      if (last?.state === 'error') throw new HarnessError(`protection ${name} is in state error: ${last.lastError ?? 'no lastError'}`);
      return isCaughtUp(last) ? true : undefined;
    });
  } catch (err) {
    const done = last?.mirror?.doneBytes;
    const seconds = (performance.now() - t0) / 1000;
    const soFar = done !== undefined ? `; ${(done / 1e6 / seconds).toFixed(1)} MB/s so far, state ${last?.state}` : '';
    throw new HarnessError(`${(err as Error).message}${soFar}`);
  }
  return (performance.now() - t0) / 1000;
}

function wireCounter(p: ProtectionView | undefined): number | undefined {
  return p?.counters?.wireBytesSent ?? p?.counters?.bytesSent;
}

export interface W1Result {
  wallSeconds: number;
  MBps: number;
  sourceCpuSeconds: number;
  targetCpuSeconds: number;
  sourcePeakRssBytes: number;
  targetPeakRssBytes: number;
  verified: string;
}

export interface W2Result {
  secondsUntilMatch: number;
  /** doppel's own counter (all replication frame bytes if it reports them, else block payload). */
  wireBytes: number | null;
  loopbackBytes: number;
  verified: string;
}

export interface LatencyResult {
  trials: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  timeouts: number;
}

export interface ManyToOneResult {
  singleMBps: number;
  aggregateMBps: number;
  sources: number;
  targetCpuSeconds: number;
  verified: string;
}

export interface RtoResult {
  /** SIGKILL of the source daemon until the target's failover hook started. */
  seconds: number;
  heartbeatMs: number;
  missed: number;
  generation: number;
}

export interface FailbackResult {
  /** Replication frame bytes the promoted side sent to fail back. */
  wireBytes: number;
  seconds: number;
  verified: string;
}

export type Outcome<T> = T | { error: string };

export interface DoppelResults {
  w1d1: Outcome<W1Result>;
  w1d2: Outcome<W1Result>;
  w2: Outcome<W2Result>;
  w3small: Outcome<LatencyResult>;
  w3image: Outcome<LatencyResult>;
  manyToOne: Outcome<ManyToOneResult>;
  rtoDefault: Outcome<RtoResult>;
  rtoTuned: Outcome<RtoResult>;
  failback: Outcome<FailbackResult>;
}

async function outcome<T>(f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return await f();
  } catch (err) {
    return { error: (err as Error).message };
  }
}

async function mirror(src: Peer, dst: Peer, name: string, ds: Dataset, timeoutMs: number): Promise<W1Result> {
  const cpu0 = [cpuSeconds(src.pid), cpuSeconds(dst.pid)];
  const t0 = performance.now();
  await doppel(['protect', name, ds.path, '--to', dst.name], src.home);
  let wallSeconds: number;
  try {
    wallSeconds = await waitCaughtUp(src, name, t0, timeoutMs);
  } catch (err) {
    // A mirror left running would load the machine and the link under every later workload.
    await doppel(['unprotect', name], src.home).catch(() => undefined);
    throw err;
  }
  const root = dst.replicaRoot(src, name);
  return {
    wallSeconds,
    MBps: ds.totalBytes / 1e6 / wallSeconds,
    sourceCpuSeconds: cpuSeconds(src.pid) - cpu0[0]!,
    targetCpuSeconds: cpuSeconds(dst.pid) - cpu0[1]!,
    sourcePeakRssBytes: peakRss(src.pid),
    targetPeakRssBytes: peakRss(dst.pid),
    verified: compareTree(ds, ds.kind === 'file' ? join(root, 'data') : root) ?? 'ok',
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Time from a write on the source until the replica shows those bytes, polled every 2 ms. */
async function latency(ds: Dataset, rel: string, replicaFile: string, offsets: number[], seed: string): Promise<LatencyResult> {
  const bytes = new ByteStream(seed);
  const samples: number[] = [];
  let timeouts = 0;
  for (const offset of offsets) {
    const w: Write = { rel, offset, data: bytes.next(4096) };
    saveUndo(ds, [w]);
    const t0 = performance.now();
    applyWrites(ds, [w]);
    let seen = false;
    while (performance.now() - t0 < 10_000) {
      if (rangeMatches(replicaFile, offset, w.data)) {
        seen = true;
        break;
      }
      await sleep(2);
    }
    if (seen) samples.push(performance.now() - t0);
    else if (++timeouts >= 3) break;
    // Space the trials so the watcher's coalescing does not merge one into the next.
    await sleep(100);
  }
  if (samples.length === 0) throw new HarnessError(`no change reached the replica within 10 s (${timeouts} trials)`);
  samples.sort((a, b) => a - b);
  return { trials: samples.length, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: samples[samples.length - 1]!, timeouts };
}

export interface DoppelPlan {
  quick: boolean;
  seed: string;
  only: (w: string) => boolean;
  progress: (what: string) => void;
}

/** W1–W3 on one source/target pair, then many-to-one with eight more sources. */
export async function measureDoppel(work: string, d1: Dataset, d2: Dataset, d3: Dataset, d4: Dataset, plan: DoppelPlan): Promise<Partial<DoppelResults>> {
  const { quick, seed, only, progress } = plan;
  const out: Partial<DoppelResults> = {};
  const peers: Peer[] = [];
  try {
    progress('doppel: starting two daemons');
    const [src, dst] = await Promise.all([Peer.start(work, 'alpha'), Peer.start(work, 'bravo')]);
    peers.push(src!, dst!);
    progress('doppel: trusting each other and connecting');
    await link(src!, dst!);
    const a = src!;
    const b = dst!;
    const needD1 = only('W1') || only('W2') || only('W3') || only('RTO');
    if (needD1) {
      progress(`doppel W1 D1 (${(d1.totalBytes / 2 ** 20).toFixed(0)} MiB image)`);
      out.w1d1 = await outcome(() => mirror(a, b, 'd1', d1, quick ? 30_000 : 240_000));
    }
    if (only('W1')) {
      progress(`doppel W1 D2 (${d2.files.length} files)`);
      out.w1d2 = await outcome(() => mirror(a, b, 'd2', d2, quick ? 30_000 : 180_000));
    }
    const d1Replica = join(b.replicaRoot(a, 'd1'), 'data');
    if (only('W2') && out.w1d1 && !('error' in out.w1d1)) {
      progress('doppel W2 (64 × 4 KiB writes into D1)');
      out.w2 = await outcome(async () => {
        const writes = randomAlignedWrites('', d1.totalBytes, 64, `${seed}:W2`);
        saveUndo(d1, writes);
        const counter0 = wireCounter(await a.protection('d1'));
        const lo0 = loopbackBytes();
        const t0 = performance.now();
        applyWrites(d1, writes);
        await waitFor('the 64 writes to reach the replica', 60_000, 5, () => (writes.every((w) => rangeMatches(d1Replica, w.offset, w.data)) ? true : undefined));
        const secondsUntilMatch = (performance.now() - t0) / 1000;
        await waitCaughtUp(a, 'd1', t0, 30_000);
        const counter1 = wireCounter(await a.protection('d1'));
        return {
          secondsUntilMatch,
          wireBytes: counter0 !== undefined && counter1 !== undefined ? counter1 - counter0 : null,
          loopbackBytes: loopbackBytes() - lo0,
          verified: compareTree(d1, d1Replica, true) ?? 'ok',
        };
      });
    }
    if (only('W3')) {
      const rng = randomAlignedWrites('', d1.totalBytes, 20, `${seed}:W3`).map((w) => w.offset);
      progress('doppel W3 small-file change latency (20 trials)');
      out.w3small = await outcome(async () => {
        await mirror(a, b, 'w3', d4, 60_000);
        const rel = d4.files[0]!.rel;
        return latency(d4, rel, join(b.replicaRoot(a, 'w3'), rel), Array(20).fill(0), `${seed}:W3small`);
      });
      if (out.w1d1 && !('error' in out.w1d1)) {
        progress('doppel W3 image change latency (20 trials)');
        out.w3image = await outcome(() => latency(d1, '', d1Replica, rng, `${seed}:W3image`));
      }
    }
    if (only('M2O')) {
      // Booting a daemon costs seconds of CPU; --quick keeps 4 sources to stay inside CI's minute.
      const count = quick ? 4 : 8;
      progress(`doppel many-to-one: starting ${count} source daemons`);
      out.manyToOne = await outcome(async () => {
        const sources = await Promise.all(Array.from({ length: count }, (_, i) => Peer.start(work, `src${i + 1}`)));
        peers.push(...sources);
        await Promise.all(sources.map((s) => link(s, b)));
        const timeoutMs = quick ? 30_000 : 180_000;
        progress('doppel many-to-one: single source');
        const t0 = performance.now();
        await doppel(['protect', 'm2o-single', d3.path, '--to', b.name], sources[0]!.home);
        const single = await waitCaughtUp(sources[0]!, 'm2o-single', t0, timeoutMs);
        progress(`doppel many-to-one: ${count} sources at once`);
        const cpu0 = cpuSeconds(b.pid);
        const t1 = performance.now();
        await Promise.all(sources.map((s) => doppel(['protect', 'm2o', d3.path, '--to', b.name], s.home)));
        await Promise.all(sources.map((s) => waitCaughtUp(s, 'm2o', t1, timeoutMs)));
        const many = (performance.now() - t1) / 1000;
        const bad = sources.map((s) => compareTree(d3, b.replicaRoot(s, 'm2o'))).find((v) => v !== undefined);
        return {
          singleMBps: d3.totalBytes / 1e6 / single,
          aggregateMBps: (sources.length * d3.totalBytes) / 1e6 / many,
          sources: sources.length,
          targetCpuSeconds: cpuSeconds(b.pid) - cpu0,
          verified: bad ?? 'ok',
        };
      });
    }
    if (only('RTO')) {
      progress('doppel RTO: SIGKILL of a source under auto failover with a witness');
      const witness = await Peer.start(work, 'witness');
      peers.push(witness);
      await link(witness, b);
      out.rtoDefault = await outcome(() => rto(work, 'rto-default', b, witness, d4, [], peers));
      out.rtoTuned = await outcome(() => rto(work, 'rto-tuned', b, witness, d4, ['--heartbeat', '250ms', '--missed', '4'], peers));
    }
    if (only('RTO') && out.w1d1 && !('error' in out.w1d1)) {
      progress('doppel failback: 64 × 4 KiB writes on a promoted image');
      out.failback = await outcome(() => failback(a, b, d1, seed));
    }
  } finally {
    progress('doppel: stopping daemons');
    await Promise.all(peers.map((p) => p.stop()));
    rollBack(datasetDir(d1));
    rollBack(datasetDir(d4));
  }
  return out;
}

/** Status of protection `name` on `peer`, whatever its role. */
async function anyRole(peer: Peer, name: string): Promise<ProtectionView | undefined> {
  return (await peer.status()).find((p) => p.name === name);
}

/**
 * A fresh source protects `ds` to `target` under auto failover; `witness` reaches both. The source
 * daemon is killed; RTO is the time until the target's failover hook starts (after the promotion).
 */
async function rto(work: string, name: string, target: Peer, witness: Peer, ds: Dataset, policy: string[], peers: Peer[]): Promise<RtoResult> {
  const src = await Peer.start(work, name);
  peers.push(src);
  await Promise.all([link(src, target), link(src, witness)]);
  const t0 = performance.now();
  await doppel(['protect', name, ds.path, '--to', target.name, '--failover', 'auto', ...policy], src.home);
  await waitCaughtUp(src, name, t0, 60_000);
  const mark = join(work, `${name}.hook`);
  await doppel(['set', name, '--hook-failover', `date +%s%3N > ${mark}`], target.home);
  // Every side has heard every other at the protection's interval for a while.
  await sleep(2000);
  const killedAt = Date.now();
  await src.kill();
  const hookAt = await waitFor('the failover hook to run', 30_000, 10, () => {
    const text = existsSync(mark) ? readFileSync(mark, 'utf8').trim() : '';
    return text === '' ? undefined : Number(text);
  });
  const view = await anyRole(target, name);
  if (view?.state !== 'promoted') throw new HarnessError(`the hook ran but ${name} shows ${view?.state ?? 'nothing'} on the target`);
  return { seconds: (hookAt - killedAt) / 1000, heartbeatMs: view.failover?.heartbeatMs ?? 0, missed: view.failover?.missed ?? 0, generation: view.generation ?? 0 };
}

/**
 * The D1 image's source is killed, its replica promoted by hand and written 64 times (4 KiB each);
 * the old source returns (stale) and the promoted side fails back. Counts what it sent.
 */
async function failback(a: Peer, b: Peer, d1: Dataset, seed: string): Promise<FailbackResult> {
  await a.kill();
  await waitFor('d1 to show source-lost', 30_000, 100, async () => ((await anyRole(b, 'd1'))?.state === 'source-lost' ? true : undefined));
  await doppel(['failover', 'd1'], b.home);
  const replica = join(b.replicaRoot(a, 'd1'), 'data');
  const writes = randomAlignedWrites('', d1.totalBytes, 64, `${seed}:failback`);
  // The image gets these writes back at failback: keep what it held, to roll the dataset back.
  saveUndo(d1, writes);
  for (const w of writes) writeAt(replica, w.offset, w.data);
  await a.restart();
  await waitFor('the old source to show stale', 60_000, 100, async () => ((await anyRole(a, 'd1'))?.state === 'stale' ? true : undefined));
  const before = (await anyRole(b, 'd1'))?.counters?.wireBytesSent ?? 0;
  const t0 = performance.now();
  await doppel(['failback', 'd1'], b.home);
  await waitFor('the roles to be restored', 240_000, 100, async () => {
    const v = await anyRole(a, 'd1');
    return v?.role === 'source' && v.state === 'replicating' ? true : undefined;
  });
  const seconds = (performance.now() - t0) / 1000;
  const after = (await (b.status())).find((p) => p.name === 'd1');
  // The counters of the side that sent: bravo's, from before failback to the handover.
  const wireBytes = (after?.counters?.wireBytesSent ?? before) - before;
  return { wireBytes, seconds, verified: writes.every((w) => rangeMatches(d1.path, w.offset, w.data)) ? 'ok' : 'the image lacks the writes' };
}
