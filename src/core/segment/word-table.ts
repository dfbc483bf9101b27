/**
 * A set of short words looked up by a slice of a text without cutting the
 * slice out: the scanner asks at every full stop, so a lookup hashes the
 * char codes in place and allocates nothing.
 */
export class WordTable<V> {
  private readonly buckets = new Map<number, Array<[string, V]>>();
  /** One bit per hash value modulo 8192: most words are rejected here, before the Map. */
  private readonly filter = new Uint32Array(256);
  /** Longer slices cannot match and are rejected before hashing. */
  readonly maxLength: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    let max = 0;
    for (const [word, value] of entries) {
      const h = hashRange(word, 0, word.length);
      const bucket = this.buckets.get(h);
      if (bucket?.some(([w]) => w === word)) continue; // the first entry wins
      this.filter[(h >>> 5) & 255]! |= 1 << (h & 31);
      if (bucket) bucket.push([word, value]);
      else this.buckets.set(h, [[word, value]]);
      max = Math.max(max, word.length);
    }
    this.maxLength = max;
  }

  /** The value of the word text[start, end), if it is in the table. */
  get(text: string, start: number, end: number): V | undefined {
    const length = end - start;
    if (length > this.maxLength || length === 0) return undefined;
    const h = hashRange(text, start, end);
    if ((this.filter[(h >>> 5) & 255]! & (1 << (h & 31))) === 0) return undefined;
    const bucket = this.buckets.get(h);
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) {
      const [word, value] = bucket[i]!;
      if (word.length === length && text.startsWith(word, start)) return value;
    }
    return undefined;
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
