const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/**
 * A growable column of unsigned 32-bit integers in chunks of 65,536: it
 * grows without copying and wastes at most one chunk, where a doubling
 * typed array would briefly hold both copies and keep up to half again as
 * much room as it uses. The compact tables keep one per field.
 */
export class ChunkedUint32 {
  private readonly chunks: Uint32Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    const i = this.size & MASK;
    if (i === 0) this.chunks.push(new Uint32Array(CHUNK));
    this.chunks[this.chunks.length - 1]![i] = value;
    this.size++;
  }

  get(i: number): number {
    return this.chunks[i >>> SHIFT]![i & MASK]!;
  }

  set(i: number, value: number): void {
    this.chunks[i >>> SHIFT]![i & MASK] = value;
  }

  /**
   * A column of `length` zeros whose chunks the caller fills (a column read
   * back from a file straight into its chunks, no copy).
   */
  static ofLength(length: number): ChunkedUint32 {
    const c = new ChunkedUint32();
    for (let left = length; left > 0; left -= CHUNK) c.chunks.push(new Uint32Array(CHUNK));
    c.size = length;
    return c;
  }

  /** The chunks, each cut to the values it holds (views, not copies): to write or fill the column. */
  views(): Uint32Array[] {
    return this.chunks.map((c, i) => (i === this.chunks.length - 1 && this.size & MASK ? c.subarray(0, this.size & MASK) : c));
  }

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.length * CHUNK * 4;
  }
}
