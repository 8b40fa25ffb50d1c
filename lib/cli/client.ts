// Client side of the control API (the contract is lib/api): one request per connection, or a
// subscription that streams events until aborted.
import { connect, type Socket } from 'node:net';
import type { EventMessage, SubscribeParams } from '../api/events.js';
import type { MethodName, Params, Result } from '../api/methods.js';
import { NoDaemonError, RemoteError } from '../errors.js';
import { loadConfig } from '../store/config.js';

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

function openSocket(home: string): Promise<Socket> {
  const path = loadConfig(home).controlSocket;
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    socket.once('connect', () => { socket.off('error', reject); resolve(socket); });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'ENOENT' || err.code === 'ECONNREFUSED' ? new NoDaemonError(home) : err);
    });
  });
}

/** Reads newline-delimited JSON messages from a socket. */
function onMessages(socket: Socket, handler: (message: Record<string, unknown>) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (line.trim() !== '') handler(JSON.parse(line) as Record<string, unknown>);
    }
  });
}

function remoteError(error: unknown): RemoteError {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  return new RemoteError(String(e.code ?? 'failed'), String(e.message ?? 'the daemon reported an error'));
}

/** The control API of the daemon of `home`. */
export class DaemonClient {
  constructor(readonly home: string) {}

  /** Calls one method and returns its result; an error reply is thrown as a RemoteError. */
  async call<M extends MethodName>(method: M, params: Params<M>, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): Promise<Result<M>> {
    const socket = await openSocket(this.home);
    try {
      return await new Promise<Result<M>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new RemoteError('timeout', `the daemon did not answer ${method} within ${timeoutMs} ms; check its log`)), timeoutMs);
        onMessages(socket, (message) => {
          if (message.id !== 1) return;
          clearTimeout(timer);
          if (message.error !== undefined) reject(remoteError(message.error));
          else resolve(message.result as Result<M>);
        });
        socket.once('close', () => { clearTimeout(timer); reject(new NoDaemonError(this.home)); });
        socket.write(JSON.stringify({ id: 1, method, params }) + '\n');
      });
    } finally {
      socket.destroy();
    }
  }

  /** Streams events until `signal` aborts or the daemon goes away. */
  async subscribe(events: SubscribeParams['events'], onEvent: (message: EventMessage) => void, signal?: AbortSignal): Promise<void> {
    const socket = await openSocket(this.home);
    await new Promise<void>((resolve, reject) => {
      const finish = () => { socket.destroy(); resolve(); };
      signal?.addEventListener('abort', finish, { once: true });
      onMessages(socket, (message) => {
        if (typeof message.event === 'string') onEvent(message as unknown as EventMessage);
        else if (message.error !== undefined) { socket.destroy(); reject(remoteError(message.error)); }
      });
      socket.once('close', finish);
      const params: SubscribeParams = { events };
      socket.write(JSON.stringify({ id: 1, method: 'subscribe', params }) + '\n');
    });
  }
}
