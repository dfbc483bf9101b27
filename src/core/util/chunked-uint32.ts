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

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.length * CHUNK * 4;
  }
}
