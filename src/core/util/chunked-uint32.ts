const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Room of the first chunk before it has grown: a small study's table stays small. */
const FIRST = 256;

/**
 * A growable column of unsigned 32-bit integers in chunks of 65,536: it
 * grows without copying and wastes at most one chunk, where a doubling
 * typed array would briefly hold both copies and keep up to half again as
 * much room as it uses. The compact tables keep one per field. The first
 * chunk starts small and doubles up to the chunk size, so a table of a few
 * segments does not allocate (and zero) 256 KB a column.
 */
export class ChunkedUint32 {
  private readonly chunks: Uint32Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    const i = this.size & MASK;
    if (i === 0) this.chunks.push(new Uint32Array(this.chunks.length === 0 ? FIRST : CHUNK));
    let last = this.chunks[this.chunks.length - 1]!;
    // Only the first chunk can be short of room: double it (copying at most CHUNK / 2 values).
    if (i === last.length) {
      const grown = new Uint32Array(Math.min(CHUNK, last.length * 2));
      grown.set(last);
      this.chunks[0] = last = grown;
    }
    last[i] = value;
    this.size++;
  }

  get(i: number): number {
    return this.chunks[i >>> SHIFT]![i & MASK]!;
  }

  set(i: number, value: number): void {
    this.chunks[i >>> SHIFT]![i & MASK] = value;
  }

  /** Bytes held. */
  get bytes(): number {
    let n = 0;
    for (const c of this.chunks) n += c.byteLength;
    return n;
  }
}
