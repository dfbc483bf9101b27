/** A zip entry as its central directory header records it. */
export interface CentralRecord {
  /** Kept as text, encoded when a header is made: at 280k files, a byte array each made the directory 137 MB rather than 63 (heap and buffers). */
  name: string;
  nameBytes: number;
  utf8: boolean;
  descriptor: boolean;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Entries a chunk of the directory's numbers holds. */
const CHUNK = 1 << 14;
/** Numbers per entry: crc, compressed, size, offset, and the name's byte length with the two flags. */
const FIELDS = 5;

/**
 * The records of a zip's entries, their numbers packed in chunks of
 * doubles (exact up to 2^53) beside the names: at 280k files (a corpus's
 * qdpx) an object per record, its numbers boxed past 2^31, held some 60 MB.
 */
export class CentralDirectory {
  private readonly names: string[] = [];
  private chunks: (Float64Array | null)[] = [];

  get length(): number {
    return this.names.length;
  }

  push(r: CentralRecord): void {
    const i = this.names.length;
    if (i % CHUNK === 0) this.chunks.push(new Float64Array(CHUNK * FIELDS));
    const c = this.chunks[this.chunks.length - 1]!;
    const at = (i % CHUNK) * FIELDS;
    c[at] = r.crc;
    c[at + 1] = r.compressed;
    c[at + 2] = r.size;
    c[at + 3] = r.offset;
    c[at + 4] = r.nameBytes * 4 + (r.utf8 ? 2 : 0) + (r.descriptor ? 1 : 0);
    this.names.push(r.name);
  }

  /** The records in order, each in one object reused from record to record (read it before the next). */
  *records(): Generator<CentralRecord> {
    const r: CentralRecord = { name: '', nameBytes: 0, utf8: false, descriptor: false, crc: 0, compressed: 0, size: 0, offset: 0 };
    for (let i = 0; i < this.names.length; i++) yield this.read(i, r);
  }

  /** Takes `other`'s records, their offsets moved by `base`; other is left empty (its chunks freed as they are taken). */
  takeFrom(other: CentralDirectory, base: number): void {
    const r: CentralRecord = { name: '', nameBytes: 0, utf8: false, descriptor: false, crc: 0, compressed: 0, size: 0, offset: 0 };
    for (let i = 0; i < other.names.length; i++) {
      other.read(i, r);
      r.offset += base;
      this.push(r);
      if ((i + 1) % CHUNK === 0) other.chunks[Math.floor(i / CHUNK)] = null;
    }
    other.names.length = 0;
    other.chunks = [];
  }

  private read(i: number, r: CentralRecord): CentralRecord {
    const c = this.chunks[Math.floor(i / CHUNK)]!;
    const at = (i % CHUNK) * FIELDS;
    const packed = c[at + 4]!;
    r.name = this.names[i]!;
    r.crc = c[at]!;
    r.compressed = c[at + 1]!;
    r.size = c[at + 2]!;
    r.offset = c[at + 3]!;
    r.nameBytes = Math.floor(packed / 4);
    r.utf8 = (packed & 2) !== 0;
    r.descriptor = (packed & 1) !== 0;
    return r;
  }
}
