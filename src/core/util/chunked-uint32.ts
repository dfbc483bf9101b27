const SHIFT = 20;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Room of the first chunk before it has grown: a small study's table stays small. */
const FIRST = 256;

/**
 * A growable column of unsigned integers in chunks of 2^20 (4 MB of 32-bit
 * values): it grows without copying and wastes at most one chunk, where a
 * doubling typed array would briefly hold both copies and keep up to half
 * again as much room as it uses. Chunks this large are mapped from the
 * system one by one and given back when a table is dropped; chunks of
 * 65,536 came from the C heap once a freed buffer of a megabyte had raised
 * malloc's threshold, and stayed there: report at a gigabyte kept its
 * dropped coders' tables and peaked at 500-530 MB rather than 456. The compact tables keep one per field. The first chunk starts
 * small and doubles up to the chunk size, so a table of a few segments does
 * not allocate (and zero) a whole chunk a column. A column another thread
 * reads is moved into shared memory (sharedViews), so it reads it without a
 * copy.
 */
class ChunkedInts<A extends Uint16Array | Uint32Array> {
  protected readonly chunks: A[] = [];
  protected size = 0;

  constructor(
    private readonly make: (length: number) => A,
    private readonly makeShared: (length: number) => A,
  ) {}

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

  /**
   * views() in shared memory, for a worker thread to read without a copy:
   * each chunk is moved there (copied, one at a time) when first asked.
   * Only what is shared lies there: shared memory is let go only when a
   * collection happens to run (it presses for none), so tables dropped
   * along the way (a coder's, the fingerprints) stayed in memory, 55 MB
   * more at a gigabyte, when every column lay there.
   */
  sharedViews(): A[] {
    for (let i = 0; i < this.chunks.length; i++) {
      const c = this.chunks[i]!;
      if (c.buffer instanceof SharedArrayBuffer) continue;
      const moved = this.makeShared(c.length);
      moved.set(c);
      this.chunks[i] = moved;
    }
    return this.views();
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
  /** `shared`: the chunks lie in shared memory from the start (a column that lives as long as the run and that threads read: no copy when shared). */
  constructor(shared = false) {
    const inShared = (n: number) => new Uint32Array(new SharedArrayBuffer(4 * n));
    super(shared ? inShared : (n) => new Uint32Array(n), inShared);
  }

  /** The column whose sharedViews() another thread sent. */
  static of(views: readonly Uint32Array[], length: number): ChunkedUint32 {
    return new ChunkedUint32().adopt(views, length);
  }

  /** A column of `length` zeros whose chunks the caller fills (a column read back from a file straight into its chunks, no copy). */
  static ofLength(length: number, shared = false): ChunkedUint32 {
    return new ChunkedUint32(shared).grow(length);
  }
}

/** A ChunkedInts of 16-bit values (code numbers). */
export class ChunkedUint16 extends ChunkedInts<Uint16Array> {
  constructor(shared = false) {
    const inShared = (n: number) => new Uint16Array(new SharedArrayBuffer(2 * n));
    super(shared ? inShared : (n) => new Uint16Array(n), inShared);
  }

  /** The column whose sharedViews() another thread sent. */
  static of(views: readonly Uint16Array[], length: number): ChunkedUint16 {
    return new ChunkedUint16().adopt(views, length);
  }
}
