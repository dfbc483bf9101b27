import { sameBytes } from '../util/same-bytes.js';

const encoder = new TextEncoder();

/**
 * A set of short words looked up by a slice of UTF-8 bytes without cutting
 * the slice out: the scanner asks at every full stop, so a lookup hashes the
 * bytes in place and allocates nothing.
 */
export class WordTable<V> {
  private readonly buckets = new Map<number, Array<{ word: Uint8Array; value: V }>>();
  /** One bit per hash value modulo 8192: most words are rejected here, before the Map. */
  private readonly filter = new Uint32Array(256);
  /** The longest word in UTF-16 units (for the sentence scanner's word pieces, all in the BMP). */
  readonly maxLength: number;
  /** Longer slices cannot match and are rejected before hashing. */
  private readonly maxBytes: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    let max = 0;
    let maxBytes = 0;
    for (const [text, value] of entries) {
      const word = encoder.encode(text);
      const h = hashRange(word, 0, word.length);
      const bucket = this.buckets.get(h);
      if (bucket?.some((e) => sameBytes(e.word, 0, e.word.length, word, 0, word.length))) continue; // the first entry wins
      this.filter[(h >>> 5) & 255]! |= 1 << (h & 31);
      if (bucket) bucket.push({ word, value });
      else this.buckets.set(h, [{ word, value }]);
      max = Math.max(max, text.length);
      maxBytes = Math.max(maxBytes, word.length);
    }
    this.maxLength = max;
    this.maxBytes = maxBytes;
  }

  /** The value of the word b[start, end) (UTF-8), if it is in the table. */
  get(b: Uint8Array, start: number, end: number): V | undefined {
    const length = end - start;
    if (length > this.maxBytes || length === 0) return undefined;
    const h = hashRange(b, start, end);
    if ((this.filter[(h >>> 5) & 255]! & (1 << (h & 31))) === 0) return undefined;
    const bucket = this.buckets.get(h);
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) {
      const e = bucket[i]!;
      if (sameBytes(e.word, 0, e.word.length, b, start, end)) return e.value;
    }
    return undefined;
  }
}

function hashRange(b: Uint8Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
  return h;
}
