/**
 * A seeded pseudo-random generator that qcode controls, so that a sample drawn
 * with the same seed is the same on every machine and Node version
 * (Math.random is neither seedable nor specified).
 *
 * Generator: sfc32, Chris Doty-Humphrey's "Small Fast Chaotic" 32-bit
 * generator from the PractRand suite (state a, b, c and a counter d; passes
 * PractRand and BigCrush). Every step is 32-bit integer arithmetic
 * (`Math.imul`, `| 0`, `>>> 0`), which JavaScript defines exactly, so the
 * stream is bit-identical everywhere.
 *
 * Seeding: the 32-bit seed is expanded into a, b and c by splitmix32 (the
 * golden-ratio increment 0x9e3779b9 followed by the 0x21f0aaad / 0x735a2d97
 * xorshift-multiply finaliser from Chris Wellons' hash prospector); d starts at
 * 1 and the first 12 outputs are discarded so nearby seeds diverge.
 *
 * String seeds: a decimal integer in [0, 2^32) is used as that number; any
 * other string is hashed to 32 bits with FNV-1a over its UTF-8 bytes
 * (offset basis 2166136261, prime 16777619).
 */
export interface Rng {
  /** The next raw output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** An integer in [0, n), unbiased (rejection sampling); n in [1, 2^32]. */
  nextInt(n: number): number;
  /** A float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number;
  /** A float in [0, 1) with 53 bits of randomness (two outputs), for samplers that need the full double. */
  nextDouble(): number;
}

const TWO_32 = 0x1_0000_0000;

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The 32-bit seed a user's seed stands for (see the module comment). */
export function normalizeSeed(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_32) {
      throw new RangeError(`a numeric seed must be an integer in [0, 2^32), got ${seed}`);
    }
    return seed;
  }
  if (/^(0|[1-9]\d{0,9})$/.test(seed)) {
    const n = Number(seed);
    if (n < TWO_32) return n;
  }
  return hashSeed(seed);
}

export function createRng(seed: number | string): Rng {
  let sm = normalizeSeed(seed) | 0;
  const splitmix32 = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z ^= z >>> 16;
    z = Math.imul(z, 0x21f0aaad);
    z ^= z >>> 15;
    z = Math.imul(z, 0x735a2d97);
    z ^= z >>> 15;
    return z >>> 0;
  };
  let a = splitmix32() | 0;
  let b = splitmix32() | 0;
  let c = splitmix32() | 0;
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  return {
    nextUint32,
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`nextInt needs an integer in [1, 2^32], got ${n}`);
      // Reject the top partial block of 2^32 so every residue is equally likely.
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
    nextFloat(): number {
      return nextUint32() / TWO_32;
    },
    nextDouble(): number {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / 9007199254740992;
    },
  };
}
