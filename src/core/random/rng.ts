/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators"), its 128-bit state
 * filled by splitmix32 from the seed. Only 32-bit integer arithmetic
 * (Math.imul, shifts) is used, so a seed gives the same stream on every
 * machine and engine: bootstrap intervals and samples are reproducible.
 */
export interface Rng {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
}

/** splitmix32: spreads a small seed over well-mixed 32-bit words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator seeded by a non-negative integer below 2^53; the high and low
 * 32-bit halves of the seed are both mixed in, so every such seed differs.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const mix = splitmix32(lo ^ Math.imul(hi, 0x27d4eb2d));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() ^ hi;
  // The all-zero state is the one state xoshiro never leaves.
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return r >>> 0;
  };
  return {
    nextUint32,
    nextDouble: () => {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / 9007199254740992;
    },
  };
}
