// The control API: newline-delimited JSON over a Unix socket (mode 0600) in the home.
//   request  {"id": 1, "method": "peers", "params": {}}
//   response {"id": 1, "result": ...} or {"id": 1, "error": {"code": "...", "message": "..."}}
//   {"id": 2, "method": "subscribe", "params": {"events": ["peer:connected"]}} then {"event", "data"} lines
// Params are read with the contract (lib/api) before a handler runs; bad ones get code 'usage'.
// A bad request gets an error reply and the connection stays usable; nothing a client sends can
// stop the daemon.
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { parseSubscribe, type EventData, type EventName } from '../api/events.js';
import { parseParams, type MethodName } from '../api/methods.js';
import { DoppelError } from '../errors.js';
import type { Logger } from '../log.js';
import type { MethodHandler, UntypedMethodHandler, UntypedMethodName } from './services.js';

export const MAX_REQUEST_BYTES = 1024 * 1024;
/** A subscriber that stops reading is dropped once this much output is queued for it. */
const MAX_SUBSCRIBER_BACKLOG = 8 * 1024 * 1024;

/** A registered method: reads its raw params with the contract, then runs the handler. */
type Call = (params: Record<string, unknown>) => Promise<unknown>;

interface ControlError {
  code: string;
  message: string;
}

function errorReply(err: unknown): ControlError {
  if (err instanceof DoppelError) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

class Client {
  private buffer = '';
  readonly subscriptions = new Set<string>();

  constructor(readonly socket: Socket, private readonly server: ControlServer) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', () => socket.destroy());
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      if (line.trim() !== '') void this.onLine(line);
    }
    if (this.buffer.length > MAX_REQUEST_BYTES) {
      this.send({ id: null, error: { code: 'too-large', message: `request longer than ${MAX_REQUEST_BYTES} bytes; the connection is closed` } });
      this.socket.end();
      this.buffer = '';
    }
  }

  private async onLine(line: string): Promise<void> {
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      this.send({ id: null, error: { code: 'parse-error', message: 'request is not JSON; send one {"id","method","params"} object per line' } });
      return;
    }
    const { id, method, params } = (request ?? {}) as { id?: unknown; method?: unknown; params?: unknown };
    const replyId = typeof id === 'string' || typeof id === 'number' ? id : null;
    if (typeof request !== 'object' || Array.isArray(request) || typeof method !== 'string'
      || (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params)))) {
      this.send({ id: replyId, error: { code: 'invalid-request', message: 'a request is {"id": number|string, "method": string, "params"?: object}' } });
      return;
    }
    const p = (params ?? {}) as Record<string, unknown>;
    if (method === 'subscribe') {
      try {
        for (const e of parseSubscribe(p).events) this.subscriptions.add(e);
      } catch (err) {
        this.send({ id: replyId, error: errorReply(err) });
        return;
      }
      this.send({ id: replyId, result: { subscribed: [...this.subscriptions] } });
      return;
    }
    const call = this.server.method(method);
    if (call === undefined) {
      this.send({ id: replyId, error: { code: 'unknown-method', message: `unknown method ${JSON.stringify(method)}; known: ${this.server.methodNames().join(', ')}` } });
      return;
    }
    try {
      const result = await call(p);
      this.send({ id: replyId, result: result ?? null });
    } catch (err) {
      if (!(err instanceof DoppelError)) this.server.log.error('control method failed', { method, error: err as Error });
      this.send({ id: replyId, error: errorReply(err) });
    }
  }

  send(message: unknown): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(JSON.stringify(message) + '\n');
  }

  wants(event: string): boolean {
    return this.subscriptions.has(event) || this.subscriptions.has('*');
  }
}

export class ControlServer {
  private readonly methods = new Map<string, Call>();
  private readonly clients = new Set<Client>();
  private server: Server | undefined;
  private path: string | undefined;

  constructor(readonly log: Logger) {}

  registerMethod(name: UntypedMethodName, handler: UntypedMethodHandler): void;
  registerMethod<M extends MethodName>(name: M, handler: MethodHandler<M>): void;
  registerMethod(name: MethodName, handler: (params: never) => Promise<unknown>): void {
    if (this.methods.has(name)) throw new Error(`control method ${name} is registered twice`);
    // The overloads pair each name with its handler; parseParams returns that handler's params.
    this.methods.set(name, async (params) => handler(parseParams(name, params) as never));
  }

  method(name: string): Call | undefined {
    return this.methods.get(name);
  }

  methodNames(): string[] {
    return ['subscribe', ...this.methods.keys()].sort();
  }

  publish<E extends EventName>(event: E, data: EventData<E>): void {
    for (const client of this.clients) {
      if (!client.wants(event)) continue;
      if (client.socket.writableLength > MAX_SUBSCRIBER_BACKLOG) {
        this.log.warn('dropping a control subscriber that stopped reading');
        client.socket.destroy();
        continue;
      }
      client.send({ event, data });
    }
  }

  /** Listens on `path`, replacing a stale socket file (the caller holds the home's pid lock). */
  async listen(path: string): Promise<void> {
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const server = createServer((socket) => {
      const client = new Client(socket, this);
      this.clients.add(client);
      socket.on('close', () => this.clients.delete(client));
    });
    // The umask makes the socket 0600 from its first moment, not just after a chmod.
    const umask = process.umask(0o177);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(path, () => { server.off('error', reject); resolve(); });
      });
    } finally {
      process.umask(umask);
    }
    chmodSync(path, 0o600);
    this.server = server;
    this.path = path;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    for (const client of this.clients) client.socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      if (this.path !== undefined) unlinkSync(this.path);
    } catch {
      // already gone: server.close() removes it on most platforms
    }
  }
}
