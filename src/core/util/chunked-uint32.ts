const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Room of the first chunk before it has grown: a small study's table stays small. */
const FIRST = 256;

/**
 * A growable column of unsigned integers in chunks of 65,536: it grows
 * without copying and wastes at most one chunk, where a doubling typed array
 * would briefly hold both copies and keep up to half again as much room as
 * it uses. The compact tables keep one per field. The first chunk starts
 * small and doubles up to the chunk size, so a table of a few segments does
 * not allocate (and zero) a whole chunk a column. Chunks lie in shared
 * memory, so a worker thread reads a table's columns without a copy.
 */
class ChunkedInts<A extends Uint16Array | Uint32Array> {
  protected readonly chunks: A[] = [];
  protected size = 0;

  constructor(private readonly make: (length: number) => A) {}

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    const i = this.size & MASK;
    if (i === 0) this.chunks.push(this.make(this.chunks.length === 0 ? FIRST : CHUNK));
    let last = this.chunks[this.chunks.length - 1]!;
    // Only the first chunk can be short of room: double it (copying at most CHUNK / 2 values).
    if (i === last.length) last = this.widenFirst(Math.min(CHUNK, last.length * 2));
    last[i] = value;
    this.size++;
  }

  get(i: number): number {
    return this.chunks[i >>> SHIFT]![i & MASK]!;
  }

  set(i: number, value: number): void {
    this.chunks[i >>> SHIFT]![i & MASK] = value;
  }

  /** Makes the column `length` long, zeros added (for a column filled by set, or read back into its chunks). */
  grow(length: number): this {
    if (length > 0 && this.chunks.length === 0) this.chunks.push(this.make(Math.min(CHUNK, Math.max(FIRST, length))));
    if (this.chunks.length > 0 && this.chunks[0]!.length < Math.min(CHUNK, length)) this.widenFirst(CHUNK);
    while (this.chunks.length * CHUNK < length) this.chunks.push(this.make(CHUNK));
    this.size = Math.max(this.size, length);
    return this;
  }

  /** The chunks, each cut to the values it holds (views, not copies): to write or fill the column. */
  views(): A[] {
    return this.chunks.map((c, i) => (i === this.chunks.length - 1 && this.size & MASK ? (c.subarray(0, this.size & MASK) as A) : c));
  }

  /** Takes the views of a column held elsewhere (views() of a column on shared memory, sent to this thread): read-only use. */
  protected adopt(views: readonly A[], length: number): this {
    for (const v of views) this.chunks.push(v);
    this.size = length;
    return this;
  }

  /** Bytes held. */
  get bytes(): number {
    let n = 0;
    for (const c of this.chunks) n += c.byteLength;
    return n;
  }

  private widenFirst(length: number): A {
    const grown = this.make(length);
    grown.set(this.chunks[0]!);
    this.chunks[0] = grown;
    return grown;
  }
}

/** A ChunkedInts of 32-bit values. */
export class ChunkedUint32 extends ChunkedInts<Uint32Array> {
  constructor() {
    super((n) => new Uint32Array(new SharedArrayBuffer(4 * n)));
  }

  /** The column whose views() (shared memory) another thread sent. */
  static of(views: readonly Uint32Array[], length: number): ChunkedUint32 {
    return new ChunkedUint32().adopt(views, length);
  }

  /** A column of `length` zeros whose chunks the caller fills (a column read back from a file straight into its chunks, no copy). */
  static ofLength(length: number): ChunkedUint32 {
    return new ChunkedUint32().grow(length);
  }
}

/** A ChunkedInts of 16-bit values (code numbers). */
export class ChunkedUint16 extends ChunkedInts<Uint16Array> {
  constructor() {
    super((n) => new Uint16Array(new SharedArrayBuffer(2 * n)));
  }

  /** The column whose views() (shared memory) another thread sent. */
  static of(views: readonly Uint16Array[], length: number): ChunkedUint16 {
    return new ChunkedUint16().adopt(views, length);
  }
}
