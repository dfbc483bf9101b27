/** A zip entry as its central directory header records it. */
export interface CentralRecord {
  /** The name as given; a record read back from the directory has its UTF-8 in `nameUtf8` instead. */
  name: string;
  nameUtf8?: Uint8Array;
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
/** Numbers per entry: crc, compressed, size, offset, the name's byte length with the two flags, and where its bytes are. */
const FIELDS = 6;
/** Bytes of a chunk of names (a name is under 64 kB: ZipWriter refuses longer ones). */
const NAME_CHUNK = 1 << 20;

const utf8 = new TextEncoder();

/**
 * The records of a zip's entries, their numbers packed in chunks of
 * doubles (exact up to 2^53), their names' UTF-8 in chunks of bytes: at 280k
 * files (a corpus's qdpx) an object and a string per record held some 90 MB.
 */
export class CentralDirectory {
  private count = 0;
  private chunks: (Float64Array | null)[] = [];
  private names: (Uint8Array | null)[] = [];
  private namesFilled = NAME_CHUNK;

  get length(): number {
    return this.count;
  }

  push(r: CentralRecord): void {
    const i = this.count++;
    if (i % CHUNK === 0) this.chunks.push(new Float64Array(CHUNK * FIELDS));
    const c = this.chunks[this.chunks.length - 1]!;
    const at = (i % CHUNK) * FIELDS;
    c[at] = r.crc;
    c[at + 1] = r.compressed;
    c[at + 2] = r.size;
    c[at + 3] = r.offset;
    c[at + 4] = r.nameBytes * 4 + (r.utf8 ? 2 : 0) + (r.descriptor ? 1 : 0);
    if (this.namesFilled + r.nameBytes > NAME_CHUNK) {
      this.names.push(new Uint8Array(NAME_CHUNK));
      this.namesFilled = 0;
    }
    const into = this.names[this.names.length - 1]!.subarray(this.namesFilled, this.namesFilled + r.nameBytes);
    if (r.nameUtf8) into.set(r.nameUtf8);
    else utf8.encodeInto(r.name, into);
    c[at + 5] = (this.names.length - 1) * NAME_CHUNK + this.namesFilled;
    this.namesFilled += r.nameBytes;
  }

  /** The records in order, each in one object reused from record to record (read it before the next). */
  *records(): Generator<CentralRecord> {
    const r = blank();
    for (let i = 0; i < this.count; i++) yield this.read(i, r);
  }

  /** Takes `other`'s records, their offsets moved by `base`; other is left empty (its chunks freed as they are taken). */
  takeFrom(other: CentralDirectory, base: number): void {
    const r = blank();
    for (let i = 0; i < other.count; i++) {
      other.read(i, r);
      r.offset += base;
      this.push(r);
      if ((i + 1) % CHUNK === 0) other.chunks[Math.floor(i / CHUNK)] = null;
    }
    other.count = 0;
    other.chunks = [];
    other.names = [];
  }

  private read(i: number, r: CentralRecord): CentralRecord {
    const c = this.chunks[Math.floor(i / CHUNK)]!;
    const at = (i % CHUNK) * FIELDS;
    const packed = c[at + 4]!;
    const where = c[at + 5]!;
    r.nameBytes = Math.floor(packed / 4);
    r.nameUtf8 = this.names[Math.floor(where / NAME_CHUNK)]!.subarray(where % NAME_CHUNK, (where % NAME_CHUNK) + r.nameBytes);
    r.crc = c[at]!;
    r.compressed = c[at + 1]!;
    r.size = c[at + 2]!;
    r.offset = c[at + 3]!;
    r.utf8 = (packed & 2) !== 0;
    r.descriptor = (packed & 1) !== 0;
    return r;
  }
}

const blank = (): CentralRecord => ({ name: '', nameBytes: 0, utf8: false, descriptor: false, crc: 0, compressed: 0, size: 0, offset: 0 });
