import { crc32, createDeflateRaw, type ZlibOptions } from 'node:zlib';
import { deflateSync } from 'fflate';
import type { QcodeError } from '../core/diagnostics/qcode-error.js';
import { CentralDirectory, type CentralRecord } from './zip-central-directory.js';

/** Where the archive's bytes go, in order (a streamed output, or memory). */
export type ZipSink = (bytes: Uint8Array) => Promise<void>;

/** Files a zip without ZIP64 holds (its count is 16 bits): past it the archive ends with ZIP64 records. */
export const ZIP_MAX_ENTRIES = 65_535;
/** Sizes and offsets a zip without ZIP64 can record (32 bits): an offset past it is recorded in a ZIP64 field; a file this large is refused. */
const ZIP_MAX_BYTES = 0xffff_ffff;

/**
 * An entry up to this size is compressed whole by fflate's deflateSync, the
 * bytes zipSync made for every archive qcode wrote before it streamed them
 * (fflate's streaming Deflate makes other bytes, even given the whole entry
 * in one push: measured), so a small workbook or project is the same file as
 * ever. A larger entry is deflated as it is made (zlib, on its own thread)
 * with its sizes in a data descriptor after it: such archives were never
 * made before (the study did not fit in memory).
 */
export const WHOLE_ENTRY_BYTES = 8 << 20;

/**
 * zlib's level for a streamed entry. At 6 a 100 MB study's workbook (1.6 GB
 * of sheet XML) took 22 s of zlib, more than all the rest of the export, and
 * its project.qde 4.7 s; at 2 (zlib's fast match) they take a fifth and a
 * half of that, for a file some 20-30% (workbook) and 8% (project) larger:
 * the sheets' XML is so repetitive that level 6 saves little more.
 */
const STREAMED_LEVEL = 2;

/** An empty entry's deflated bytes (a folder's), made once: deflating nothing still sets up a whole deflater each time. */
const EMPTY_DEFLATED = deflateSync(new Uint8Array(0), { level: 6 });

const utf8 = new TextEncoder();

/** Bytes gathered before they go on: text is encoded into this buffer piece by piece. */
const PIECE_BYTES = 1 << 20;

/**
 * The archive's bytes go to the sink in pieces of about this size: a write
 * per header and per small entry (three for each of a corpus' documents)
 * made the export wait on the file system tens of thousands of times.
 */
const OUTPUT_BYTES = 1 << 20;

/** An entry of up to WHOLE_ENTRY_BYTES as ZipWriter.add deflates it: fflate's deflateSync at level 6 (zipSync's bytes). */
export function deflateWhole(data: Uint8Array): Uint8Array {
  return data.length === 0 ? EMPTY_DEFLATED : deflateSync(data, { level: 6 });
}

/** A whole entry's bytes deflated (deflateWhole), with the size and crc32 of what was deflated. */
export interface DeflatedEntry {
  size: number;
  crc: number;
  compressed: Uint8Array;
}

/**
 * A zip archive written entry after entry to a sink, byte for byte what
 * fflate's zipSync writes for the same entries at level 6 (no extra fields,
 * no comments, all entries deflated), without holding the archive: only the
 * central directory (a few dozen bytes an entry) stays in memory. Dates are
 * read in local time, as zipSync reads them.
 */
export class ZipWriter {
  private offset = 0;
  private readonly central = new CentralDirectory();
  private readonly dosTime: number;
  private open = false;
  /** Bytes made and not yet given to the sink (a fresh buffer after each hand-over: a sink may keep what it is given). */
  private out = Buffer.allocUnsafe(OUTPUT_BYTES);
  private filled = 0;
  /**
   * The text buffer of the entry being written, shared by all: an entry
   * writer with a buffer (1 MB) of its own made a megabyte of garbage per
   * file, a full collection every few dozen documents of a qdpx.
   */
  readonly pieceBuffer = Buffer.allocUnsafe(PIECE_BYTES);

  /**
   * `tooLarge` words the refusal of a file of 4 GB or more, which qcode's
   * zips do not record (QC706 for a workbook, QC707 for a project), given what it would hold.
   */
  constructor(
    private readonly sink: ZipSink,
    mtime: Date,
    private readonly tooLarge: (what: string) => QcodeError,
  ) {
    const y = mtime.getFullYear() - 1980;
    if (y < 0 || y > 119) throw new Error('ZipWriter: a zip date is between 1980 and 2099');
    this.dosTime = ((y << 25) | ((mtime.getMonth() + 1) << 21) | (mtime.getDate() << 16) | (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1)) >>> 0;
  }

  /** Number of entries so far. */
  get entries(): number {
    return this.central.length;
  }

  /** A whole entry (a folder is a name ending in / with no bytes); `data` is read before the first await, so its buffer may be reused once add is called. */
  async add(name: string, data: Uint8Array): Promise<void> {
    if (this.open) throw new Error('ZipWriter.add: an entry is still being written');
    await this.addDeflated(name, { size: data.length, crc: crc32(data), compressed: deflateWhole(data) });
  }

  /** A whole entry deflated elsewhere by deflateWhole (on another thread), with its size and crc32. */
  async addDeflated(name: string, entry: DeflatedEntry): Promise<void> {
    if (this.open) throw new Error('ZipWriter.addDeflated: an entry is still being written');
    const record = this.record(name, false);
    record.crc = entry.crc;
    record.size = entry.size;
    record.compressed = entry.compressed.length;
    this.central.push(record);
    await this.emit(this.header(record, false));
    await this.emit(entry.compressed);
  }

  /** An entry written in pieces: whole (as add) if it ends within WHOLE_ENTRY_BYTES, else deflated as it comes. */
  entry(name: string): ZipEntryWriter {
    if (this.open) throw new Error('ZipWriter.entry: an entry is still being written');
    this.open = true;
    return new ZipEntryWriter(this, name);
  }

  /**
   * Takes the entries of `side`, a writer with the same date whose bytes
   * went elsewhere (a temp file) and are given again by `bytes`: they follow
   * this writer's entries, as if added here (side is spent). So entries may be made before
   * an entry that goes ahead of them in the archive is done (a project's
   * sources during the pass that writes project.qde), in the same bytes.
   */
  async append(side: ZipWriter, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
    if (this.open || side.open) throw new Error('ZipWriter.append: an entry is still being written');
    if (side.dosTime !== this.dosTime) throw new Error('ZipWriter.append: the side archive has another date');
    const base = this.offset;
    for await (const b of bytes) await this.emit(b);
    if (this.offset - base !== side.offset) throw new Error(`ZipWriter.append: ${this.offset - base} bytes given for a side archive of ${side.offset}`);
    // The side's records are moved here, its chunks freed as they are taken (the side is spent): at 280k files a copy was tens of megabytes more.
    this.central.takeFrom(side.central, base);
  }

  /** Every byte made so far handed to the sink (finish does so itself). */
  async flush(): Promise<void> {
    await this.flushOut();
  }

  /**
   * The central directory and its end record. Past what a zip without ZIP64
   * records (more than 65,535 files, an offset over 4 GB), and only then, a
   * ZIP64 field holds each offset too large and ZIP64 records end the
   * archive, so smaller archives keep their bytes.
   */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const r of this.central.records()) await this.emit(this.header(r, true));
    const size = this.offset - start;
    const count = this.central.length;
    const zip64 = count > ZIP_MAX_ENTRIES || start > ZIP_MAX_BYTES || size > ZIP_MAX_BYTES;
    if (zip64) {
      const at = this.offset;
      const b = new Uint8Array(56 + 20);
      const v = new DataView(b.buffer);
      // The ZIP64 end of central directory record (APPNOTE 4.3.14), then its locator (4.3.15).
      v.setUint32(0, 0x06064b50, true);
      v.setBigUint64(4, 44n, true);
      v.setUint16(12, 45, true);
      v.setUint16(14, 45, true);
      v.setBigUint64(24, BigInt(count), true);
      v.setBigUint64(32, BigInt(count), true);
      v.setBigUint64(40, BigInt(size), true);
      v.setBigUint64(48, BigInt(start), true);
      v.setUint32(56, 0x07064b50, true);
      v.setBigUint64(64, BigInt(at), true);
      v.setUint32(72, 1, true);
      await this.emit(b);
    }
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, Math.min(count, 0xffff), true);
    v.setUint16(10, Math.min(count, 0xffff), true);
    v.setUint32(12, Math.min(size, ZIP_MAX_BYTES), true);
    v.setUint32(16, Math.min(start, ZIP_MAX_BYTES), true);
    await this.emit(end);
    await this.flushOut();
  }

  /** @internal ZipEntryWriter's access: an entry deflated as it comes, its sizes in a data descriptor. */
  async streamed(name: string): Promise<{ push: (bytes: Uint8Array) => Promise<void>; end: () => Promise<void> }> {
    const record = this.record(name, true);
    await this.emit(this.header(record, false));
    // Room for a few pieces: the next is made while zlib deflates the last (a piece per drain made them take turns).
    const z = createDeflateRaw({ level: STREAMED_LEVEL, chunkSize: 1 << 18, writableHighWaterMark: 8 << 20 } as ZlibOptions);
    let failed: unknown = null;
    z.on('error', (e) => (failed ??= e));
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    const ended = new Promise<void>((resolve) => z.once('end', resolve));
    const drain = async () => {
      if (failed) throw failed;
      for (const c of out.splice(0)) {
        record.compressed += c.length;
        await this.emit(c);
      }
    };
    const push = async (bytes: Uint8Array) => {
      record.crc = crc32(bytes, record.crc);
      record.size += bytes.length;
      // zlib deflates a piece on its thread, then waits for this thread to hand it the next (a callback here). The producer
      // runs without a turn of the event loop from piece to piece, so without this yield the two took turns: a 1.6 GB
      // workbook spent a third of its time waiting, with zlib as idle meanwhile.
      if (!z.write(bytes)) await new Promise<void>((resolve) => z.once('drain', resolve));
      else await new Promise<void>((resolve) => setImmediate(resolve));
      await drain();
    };
    const end = async () => {
      z.end();
      await Promise.race([ended, new Promise((_, reject) => z.once('error', reject))]);
      await drain();
      if (record.size > ZIP_MAX_BYTES || record.compressed > ZIP_MAX_BYTES) throw this.tooLarge(`a file of ${record.size.toLocaleString('en-US')} bytes; qcode's zips hold files under 4 GB`);
      const descriptor = new Uint8Array(16);
      const v = new DataView(descriptor.buffer);
      v.setUint32(0, 0x08074b50, true);
      v.setUint32(4, record.crc, true);
      v.setUint32(8, record.compressed, true);
      v.setUint32(12, record.size, true);
      this.central.push(record);
      await this.emit(descriptor);
    };
    return { push, end };
  }

  /** @internal */
  closed(): void {
    this.open = false;
  }

  private record(name: string, descriptor: boolean): CentralRecord {
    const nameBytes = Buffer.byteLength(name, 'utf8');
    if (nameBytes > 65_535) throw new Error('ZipWriter: a file name is under 64 kB');
    // Recorded in the directory once its numbers are known (a streamed entry's at its end).
    return { name, nameBytes, utf8: nameBytes !== name.length, descriptor, crc: 0, compressed: 0, size: 0, offset: this.offset };
  }

  /**
   * A local header (30 bytes and the name) or a central one (46 and the name),
   * as fflate's wzh lays them out; a central one whose offset is past 4 GB
   * records it in a ZIP64 extra field (and needs version 4.5 to extract).
   */
  private header(r: CentralRecord, central: boolean): Uint8Array {
    const at = central ? 16 : 0;
    const far = central && r.offset > ZIP_MAX_BYTES;
    const b = new Uint8Array(30 + at + r.nameBytes + (far ? 12 : 0));
    const v = new DataView(b.buffer);
    v.setUint32(0, central ? 0x02014b50 : 0x04034b50, true);
    if (central) b[4] = 20;
    b[4 + (central ? 2 : 0)] = far ? 45 : 20;
    const o = central ? 8 : 6;
    b[o] = r.descriptor ? 8 : 0;
    b[o + 1] = r.utf8 ? 8 : 0;
    v.setUint16(o + 2, 8, true);
    v.setUint32(o + 4, this.dosTime, true);
    if (central || !r.descriptor) {
      v.setUint32(o + 8, r.crc, true);
      v.setUint32(o + 12, r.compressed, true);
      v.setUint32(o + 16, r.size, true);
    }
    v.setUint16(o + 20, r.nameBytes, true);
    if (central) v.setUint32(42, far ? ZIP_MAX_BYTES : r.offset, true);
    if (r.nameUtf8) b.set(r.nameUtf8, 30 + at);
    else utf8.encodeInto(r.name, b.subarray(30 + at, 30 + at + r.nameBytes));
    if (far) {
      v.setUint16(o + 22, 12, true);
      const x = 30 + at + r.nameBytes;
      v.setUint16(x, 0x0001, true);
      v.setUint16(x + 2, 8, true);
      v.setBigUint64(x + 4, BigInt(r.offset), true);
    }
    return b;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    if (this.filled + bytes.length > this.out.length) await this.flushOut();
    // A piece as large as the buffer (a streamed entry's deflated output) goes on as it is.
    if (bytes.length >= this.out.length) return this.sink(bytes);
    this.out.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  private async flushOut(): Promise<void> {
    if (this.filled === 0) return;
    const bytes = this.out.subarray(0, this.filled);
    this.out = Buffer.allocUnsafe(OUTPUT_BYTES);
    this.filled = 0;
    await this.sink(bytes);
  }
}

/**
 * One entry's bytes as they are made: text or bytes appended, gathered up to
 * WHOLE_ENTRY_BYTES; past that the entry is streamed (ZipWriter.streamed).
 */
export class ZipEntryWriter {
  private pieces: Uint8Array[] = [];
  private gathered = 0;
  private readonly buffer: Buffer;
  private filled = 0;
  /** Set once the entry is past WHOLE_ENTRY_BYTES: its deflater. */
  private stream: { push: (bytes: Uint8Array) => Promise<void>; end: () => Promise<void> } | null = null;

  constructor(
    private readonly zip: ZipWriter,
    private readonly name: string,
  ) {
    this.buffer = zip.pieceBuffer;
  }

  /** Appends text as UTF-8; a long text (a document's) in pieces cut between characters, never encoded whole. */
  async write(text: string): Promise<void> {
    const most = Math.floor(this.buffer.length / 3);
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + most);
      // A surrogate pair stays in one piece: cut before its high half.
      if (end < text.length && isHigh(text.charCodeAt(end - 1))) end--;
      const piece = at === 0 && end === text.length ? text : text.slice(at, end);
      if (this.filled + piece.length * 3 > this.buffer.length) await this.flushBuffer();
      this.filled += this.buffer.write(piece, this.filled, 'utf8');
      at = end;
    }
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flushBuffer();
    await this.take(bytes);
  }

  async end(): Promise<void> {
    if (!this.stream && this.pieces.length === 0) {
      // All of it in the buffer (a document's text, as a rule): deflated from there, not copied twice first.
      const whole = this.buffer.subarray(0, this.filled);
      this.filled = 0;
      this.zip.closed();
      return this.zip.add(this.name, whole);
    }
    await this.flushBuffer();
    if (this.stream) await this.stream.end();
    const whole = this.stream ? null : concat(this.pieces, this.gathered);
    this.pieces = [];
    this.zip.closed();
    if (whole) await this.zip.add(this.name, whole);
  }

  private async flushBuffer(): Promise<void> {
    if (this.filled === 0) return;
    const bytes = Buffer.from(this.buffer.subarray(0, this.filled));
    this.filled = 0;
    await this.take(bytes);
  }

  private async take(bytes: Uint8Array): Promise<void> {
    if (this.stream) return this.stream.push(bytes);
    this.pieces.push(bytes);
    this.gathered += bytes.length;
    if (this.gathered <= WHOLE_ENTRY_BYTES) return;
    this.stream = await this.zip.streamed(this.name);
    const head = concat(this.pieces, this.gathered);
    this.pieces = [];
    await this.stream.push(head);
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    whole.set(p, at);
    at += p.length;
  }
  return whole;
}
