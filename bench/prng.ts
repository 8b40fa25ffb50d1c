import { createCipheriv, createHash } from 'node:crypto';

// AES-256-CTR over zeros is a deterministic keystream at several GB/s with AES-NI, far faster than
// any JS PRNG, so generating gigabytes of incompressible data costs less than writing it.
export class ByteStream {
  private readonly cipher;
  private zeros = Buffer.alloc(0);

  constructor(seed: string) {
    const key = createHash('sha256').update(`doppel-bench:${seed}`).digest();
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  /** The next `length` bytes of the stream, in a fresh buffer. */
  next(length: number): Buffer {
    if (this.zeros.length < length) this.zeros = Buffer.alloc(length);
    return this.cipher.update(this.zeros.subarray(0, length));
  }
}

/** xorshift128+ for choices (sizes, offsets): small, seeded, identical on every platform. */
export class Rng {
  private s0: bigint;
  private s1: bigint;
  private static readonly MASK = (1n << 64n) - 1n;

  constructor(seed: string) {
    const h = createHash('sha256').update(`doppel-bench-rng:${seed}`).digest();
    this.s0 = h.readBigUInt64LE(0) | 1n;
    this.s1 = h.readBigUInt64LE(8);
  }

  private nextU64(): bigint {
    let x = this.s0;
    const y = this.s1;
    this.s0 = y;
    x ^= (x << 23n) & Rng.MASK;
    x ^= x >> 17n;
    x ^= y ^ (y >> 26n);
    this.s1 = x;
    return (x + y) & Rng.MASK;
  }

  /** Uniform float in [0, 1) with 53 bits of precision. */
  float(): number {
    return Number(this.nextU64() >> 11n) / 2 ** 53;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
}
