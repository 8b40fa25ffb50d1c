import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { nodeModuleArgs } from './paths.js';
import { HarnessError, run, start, stop } from './procs.js';
import { ByteStream } from './prng.js';

const MiB = 1024 * 1024;

export interface Ceilings {
  tcpLoopbackMBps: number;
  diskWriteFsyncMBps: number;
  sha256MBps: number;
  libp2pNoiseYamuxMBps: number | string;
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

/** First stdout line of a child: the sinks print their address there once they listen. */
async function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  let buf = '';
  const timer = setTimeout(() => void stop(child, 500), timeoutMs);
  try {
    for await (const d of child.stdout!) {
      buf += (d as Buffer).toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) return buf.slice(0, nl).trim();
    }
  } finally {
    clearTimeout(timer);
  }
  throw new HarnessError(`sink exited before printing its address`);
}

async function tcpLoopback(bytes: number): Promise<number> {
  const sink = start(process.execPath, [...nodeModuleArgs('child'), 'tcp-sink']);
  try {
    const port = Number(await firstLine(sink, 10_000));
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const chunk = Buffer.alloc(MiB, 7);
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString()));
    const t0 = performance.now();
    for (let sent = 0; sent < bytes; sent += chunk.length) {
      if (!socket.write(chunk)) await once(socket, 'drain');
    }
    socket.end();
    await once(socket, 'close');
    const ms = performance.now() - t0;
    if (Number(reply.trim()) !== bytes) throw new HarnessError(`tcp sink received ${reply.trim()} of ${bytes} bytes`);
    return mbps(bytes, ms);
  } finally {
    await stop(sink, 1000);
  }
}

async function libp2pStream(bytes: number): Promise<number> {
  const sink = start(process.execPath, [...nodeModuleArgs('child'), 'p2p-sink']);
  const { createLibp2p } = await import('libp2p');
  const { tcp } = await import('@libp2p/tcp');
  const { noise } = await import('@chainsafe/libp2p-noise');
  const { yamux } = await import('@chainsafe/libp2p-yamux');
  const { multiaddr } = await import('@multiformats/multiaddr');
  const { SINK_PROTOCOL } = await import('./child.js');
  const node = await createLibp2p({ transports: [tcp()], connectionEncrypters: [noise()], streamMuxers: [yamux()] });
  try {
    const addr = await firstLine(sink, 20_000);
    const stream = await node.dialProtocol(multiaddr(addr), SINK_PROTOCOL);
    // 1 MiB messages were the fastest size measured (LIBP2P-NOTES.md).
    const chunk = new Uint8Array(MiB).fill(7);
    const t0 = performance.now();
    for (let sent = 0; sent < bytes; sent += chunk.length) {
      // onDrain() is broken in this @libp2p/utils (resolves at once after the first drain): use the event.
      if (!stream.send(chunk)) await once(stream as unknown as EventTarget, 'drain');
    }
    await stream.close();
    let reply = '';
    for await (const d of stream) reply += new TextDecoder().decode(d.subarray());
    const ms = performance.now() - t0;
    if (Number(reply.trim()) !== bytes) throw new HarnessError(`libp2p sink received ${reply.trim()} of ${bytes} bytes`);
    return mbps(bytes, ms);
  } finally {
    await node.stop();
    await stop(sink, 1000);
  }
}

/** `dd … conv=fsync`, as a sysadmin measures it: the time includes flushing to the device. */
async function diskWrite(dir: string, bytes: number): Promise<number> {
  const target = join(dir, 'dd.out');
  try {
    const count = Math.round(bytes / MiB);
    const r = await run('dd', ['if=/dev/zero', `of=${target}`, 'bs=1M', `count=${count}`, 'conv=fsync', 'status=none'], { timeoutMs: 120_000 });
    if (r.code !== 0) throw new HarnessError(`dd failed: ${r.stderr.trim()}`);
    return mbps(count * MiB, r.wallMs);
  } finally {
    rmSync(target, { force: true });
  }
}

function sha256(bytes: number): number {
  const buf = new ByteStream('sha').next(MiB);
  const t0 = performance.now();
  const h = createHash('sha256');
  for (let done = 0; done < bytes; done += buf.length) h.update(buf);
  h.digest();
  return mbps(bytes, performance.now() - t0);
}

export async function measureCeilings(dir: string, quick: boolean, progress: (what: string) => void): Promise<Ceilings> {
  const bytes = quick ? 256 * MiB : 1024 * MiB;
  progress('ceiling: raw TCP loopback');
  const tcpLoopbackMBps = await tcpLoopback(bytes);
  progress('ceiling: disk write + fsync');
  const diskWriteFsyncMBps = await diskWrite(dir, bytes);
  progress('ceiling: sha256');
  const sha256MBps = sha256(bytes);
  progress('ceiling: libp2p noise+yamux single stream');
  let libp2pNoiseYamuxMBps: number | string;
  try {
    // libp2p is ~10× slower than raw TCP: a quarter of the bytes gives a stable number in less time.
    libp2pNoiseYamuxMBps = await libp2pStream(bytes / 4);
  } catch (err) {
    libp2pNoiseYamuxMBps = `failed: ${(err as Error).message}`;
  }
  return { tcpLoopbackMBps, diskWriteFsyncMBps, sha256MBps, libp2pNoiseYamuxMBps };
}
