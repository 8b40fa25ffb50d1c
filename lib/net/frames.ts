// Length-prefixed protobuf framing over a libp2p v3 stream, with the frame size checked before any
// allocation and reading bounded by our own buffer (yamux grants window as data arrives, not as it
// is consumed, so an unpaused slow reader would buffer without limit).
import type { Stream } from '@libp2p/interface';
import { Uint8ArrayList } from 'uint8arraylist';

export interface Codec<T> {
  encode(message: T): Uint8Array;
  decode(bytes: Uint8Array): T;
  /** Decodes a large frame left in the pieces it arrived in (no gathering copy), if the codec can. */
  decodeList?(body: Uint8ArrayList): T;
}

/** Frames at least this large go to Codec.decodeList when the codec has one. */
const LIST_DECODE_MIN_BYTES = 64 * 1024;

export class FrameTooLargeError extends Error {
  override name = 'FrameTooLargeError';
  constructor(readonly length: number, readonly max: number) {
    super(`peer sent a frame of ${length} bytes, above the ${max}-byte cap; the stream was reset`);
  }
}

export class MalformedFrameError extends Error {
  override name = 'MalformedFrameError';
  constructor(detail: string) {
    super(`peer sent a frame that does not decode (${detail}); the stream was reset`);
  }
}

export class StreamEndedError extends Error {
  override name = 'StreamEndedError';
  constructor(detail = 'the peer closed the stream') {
    super(detail);
  }
}

export interface FramedStreamOptions {
  /** Largest frame accepted from the peer, in bytes (checked before allocating). */
  maxFrameBytes: number;
  /** Pause the underlying stream when this many unread bytes are buffered here. */
  maxBufferedBytes?: number;
}

const MAX_VARINT_BYTES = 5;
const DRAIN_CHECK_MS = 50; // enough for any length below 2^35; caps are far lower

/** Wraps an error-like value (libp2p sometimes rejects with Event objects) into an Error. */
export function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  const withError = value as { error?: unknown; type?: string } | undefined;
  if (withError?.error instanceof Error) return withError.error;
  if (typeof withError?.type === 'string') return new StreamEndedError(`stream ${withError.type}`);
  return new Error(String(value));
}

/** Unsigned LEB128: a frame's length prefix, and protobuf's varint. */
export function lengthPrefix(n: number): Uint8Array {
  const header: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    header.push(byte);
  } while (n > 0);
  return Uint8Array.from(header);
}

/** A frame as its length prefix and its body, without copying the body. */
export function encodeFrame(body: Uint8Array): Uint8ArrayList {
  return new Uint8ArrayList(lengthPrefix(body.byteLength), body);
}

/** Reads a varint length at the start of `buf`; returns undefined when more bytes are needed. */
function readLength(buf: Uint8ArrayList, max: number): { length: number; headerBytes: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    if (i >= buf.byteLength) return undefined;
    const byte = buf.get(i);
    value += (byte & 0x7f) * scale;
    if (value > max) throw new FrameTooLargeError(value, max);
    if ((byte & 0x80) === 0) return { length: value, headerBytes: i + 1 };
    scale *= 128;
  }
  throw new MalformedFrameError('length prefix too long');
}

export class FramedStream<T> {
  private readonly buffer = new Uint8ArrayList();
  private readonly maxFrameBytes: number;
  private readonly maxBufferedBytes: number;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private paused = false;
  private drainWaiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  /** Payload bytes (frame bodies) sent and received, for the metrics. */
  bytesSent = 0;
  bytesReceived = 0;

  constructor(readonly stream: Stream, private readonly codec: Codec<T>, options: FramedStreamOptions) {
    this.maxFrameBytes = options.maxFrameBytes;
    this.maxBufferedBytes = Math.max(options.maxBufferedBytes ?? 8 * 1024 * 1024, this.maxFrameBytes + 16);
    // The stream must hold what arrives between our pause() and the peer noticing it.
    stream.maxReadBufferLength = Math.max(stream.maxReadBufferLength, this.maxBufferedBytes * 4);
    stream.addEventListener('message', (evt) => {
      this.buffer.append(evt.data);
      if (!this.paused && this.buffer.byteLength >= this.maxBufferedBytes) {
        this.paused = true;
        // pause() inside a message handler while resume() runs is silently undone: defer it.
        queueMicrotask(() => {
          if (this.paused && stream.readStatus === 'readable') stream.pause();
        });
      }
      this.notify();
    });
    stream.addEventListener('remoteCloseWrite', () => { this.ended = true; this.notify(); });
    stream.addEventListener('close', (evt) => {
      this.ended = true;
      const err = (evt as { error?: Error }).error;
      if (err != null && this.failure == null) this.failure = asError(err);
      this.notify();
      for (const w of this.drainWaiters.splice(0)) w.reject(this.failure ?? new StreamEndedError());
    });
    stream.addEventListener('drain', () => {
      for (const w of this.drainWaiters.splice(0)) w.resolve();
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /**
   * Sends one message. Resolves once the stream can take more, so a loop of `await send()` never
   * buffers more than the muxer's window.
   */
  send(message: T): Promise<void> {
    const body = this.codec.encode(message);
    return this.sendParts([body], body.byteLength);
  }

  /**
   * Sends one frame whose body is the concatenation of `parts` (`length` bytes), without copying
   * them: the stream keeps references until it has encrypted them, so a part must not be reused
   * by the caller after this call.
   */
  async sendParts(parts: Uint8Array[], length: number): Promise<void> {
    this.bytesSent += length;
    if (this.stream.status !== 'open') throw this.failure ?? new StreamEndedError('stream is closed');
    const more = this.stream.send(new Uint8ArrayList(lengthPrefix(length), ...parts));
    if (!more) {
      // stream.onDrain() is broken in @libp2p/utils 7.4 (resolves at once after the first drain).
      // The drain event is not emitted in every case where the queue empties, so also re-check
      // the stream's own flag now and then rather than wait on the event alone.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (!this.stream.writableNeedsDrain || this.stream.status !== 'open') done();
        }, DRAIN_CHECK_MS);
        const done = (): void => {
          clearInterval(check);
          resolve();
        };
        this.drainWaiters.push({ resolve: done, reject: (err) => { clearInterval(check); reject(err); } });
      });
    }
  }

  /** Next message, or undefined when the peer closed its write side cleanly. */
  async read(signal?: AbortSignal): Promise<T | undefined> {
    for (;;) {
      const header = this.readHeader();
      if (header != null && this.buffer.byteLength >= header.headerBytes + header.length) {
        this.buffer.consume(header.headerBytes);
        // Views into the received chunks (sublist), or one view / a fresh copy when the frame spans
        // chunks (subarray). Decoded `bytes` fields are views: safe, because received chunks are
        // never reused.
        const listed = this.codec.decodeList !== undefined && header.length >= LIST_DECODE_MIN_BYTES;
        const body = listed ? this.buffer.sublist(0, header.length) : this.buffer.subarray(0, header.length);
        this.buffer.consume(header.length);
        this.bytesReceived += header.length;
        this.maybeResume();
        try {
          return body instanceof Uint8ArrayList ? this.codec.decodeList!(body) : this.codec.decode(body);
        } catch (err) {
          const e = new MalformedFrameError((err as Error).message);
          this.abort(e);
          throw e;
        }
      }
      if (this.failure != null) throw this.failure;
      if (this.ended) {
        if (this.buffer.byteLength > 0) throw new MalformedFrameError('stream ended inside a frame');
        return undefined;
      }
      if (signal?.aborted) throw asError(signal.reason);
      const more = new Promise<void>((resolve) => {
        this.wake = resolve;
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      // The next frame is incomplete: whatever is buffered, more must come in, or a frame larger
      // than half the buffer bound would wait forever on a paused stream. resume() delivers
      // buffered data synchronously, so the wake-up is armed first and nothing is missed.
      this.resumeReading();
      if (this.stream.readStatus === 'paused') this.stream.resume();
      await more;
    }
  }

  private readHeader(): { length: number; headerBytes: number } | undefined {
    try {
      return readLength(this.buffer, this.maxFrameBytes);
    } catch (err) {
      this.abort(err as Error);
      throw err;
    }
  }

  private maybeResume(): void {
    // Any data resume() delivers synchronously lands in the buffer; read() checks it next.
    if (this.buffer.byteLength < this.maxBufferedBytes / 2) this.resumeReading();
  }

  private resumeReading(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.stream.readStatus === 'paused') this.stream.resume();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const message = await this.read();
      if (message === undefined) return;
      yield message;
    }
  }

  /** Closes our write side; the peer sees a clean end of stream. */
  async close(): Promise<void> {
    try {
      await this.stream.close();
    } catch (err) {
      this.stream.abort(asError(err));
    }
  }

  abort(err: Error): void {
    if (this.failure == null) this.failure = err;
    this.stream.abort(err);
    this.notify();
  }
}
