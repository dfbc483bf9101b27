import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { growInt32 } from '../core/util/grow-int32.js';

/** Recently seen strings kept as such (a document's id, a coder, a code), so a repeat costs a Map look-up. */
const RECENT = 4096;
/** Bytes gathered before a write to the strings file. */
const BATCH = 1 << 20;
/** Bytes of the file read at once to confirm a match: repeats come in the order their first uses were written (a wide sheet's ids after the long sheet's). */
const WINDOW = 1 << 18;

/**
 * A workbook's shared strings, numbered in order of first appearance as
 * exceljs numbers them (equal strings share a number), without a string in
 * memory per distinct value: each new string is appended to a temp file as
 * UTF-16 (lossless, lone surrogates included) and found again by a 32-bit
 * hash in an open-addressed table; a hash match is confirmed against the
 * file (read back a window at a time), so two strings share a number only
 * if they are equal. A few thousand recent strings are kept in a Map, and
 * those of the Map before it: most repeats (a document's id, its metadata,
 * a code) are of those.
 */
export class SharedStrings {
  /** Every string cell written (the sst's count). */
  count = 0;
  private unique = 0;
  private hashes = new Int32Array(1 << 16);
  private lengths = new Int32Array(1 << 16);
  /** Offsets in the file (UTF-16 bytes), as doubles: past 4 GB is possible. */
  private offsets = new Float64Array(1 << 16);
  /** Slots hold a string's number + 1 (0: empty). */
  private table = new Int32Array(1 << 17);
  private recent = new Map<string, number>();
  /** The recent strings before the last clearing: one still in use is found there and kept (a code, a coder), not read back from the file. */
  private previous = new Map<string, number>();
  /** A piece of the file read back (its bytes from windowAt), for the matches that follow it. */
  private window: Buffer | null = null;
  private windowAt = 0;
  private windowLength = 0;
  private readonly fd: number;
  private closed = false;
  private written = 0;
  private batch = Buffer.allocUnsafe(BATCH);
  private filled = 0;

  constructor(private readonly file: string) {
    this.fd = openSync(file, 'w+');
  }

  /** How many distinct strings (the sst's uniqueCount). */
  get uniqueCount(): number {
    return this.unique;
  }

  /** The number of `s`, adding it if new. */
  add(s: string): number {
    this.count++;
    const known = this.recent.get(s);
    if (known !== undefined) return known;
    const before = this.previous.get(s);
    if (before !== undefined) return this.remember(s, before);
    const h = hashString(s);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (let at = this.table[slot]!; at !== 0; slot = (slot + 1) & mask, at = this.table[slot]!) {
      const n = at - 1;
      if (this.hashes[n] === h && this.lengths[n] === s.length && this.equals(n, s)) return this.remember(s, n);
    }
    const n = this.unique++;
    if (n >= this.hashes.length) {
      this.hashes = growInt32(this.hashes);
      this.lengths = growInt32(this.lengths);
      const offsets = new Float64Array(this.hashes.length);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.hashes[n] = h;
    this.lengths[n] = s.length;
    this.offsets[n] = this.written + this.filled;
    this.append(s);
    this.table[slot] = n + 1;
    if (this.unique * 2 > this.table.length) this.rehash();
    return this.remember(s, n);
  }

  /** Every distinct string in number order, read back from the file in pieces. */
  *strings(): Generator<string> {
    this.flush();
    let n = 0;
    let at = 0;
    let chunk = Buffer.alloc(0);
    let chunkAt = 0;
    while (n < this.unique) {
      const bytes = this.lengths[n]! * 2;
      if (at + bytes > chunkAt + chunk.length) {
        chunk = Buffer.allocUnsafe(Math.max(BATCH, bytes));
        chunkAt = at;
        const read = readSync(this.fd, chunk, 0, Math.min(chunk.length, this.written - at), at);
        chunk = chunk.subarray(0, read);
      }
      yield chunk.toString('utf16le', at - chunkAt, at - chunkAt + bytes);
      at += bytes;
      n++;
    }
  }

  /** Closes and removes the file (once: a second call does nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }

  private remember(s: string, n: number): number {
    if (this.recent.size >= RECENT) {
      this.previous = this.recent;
      this.recent = new Map();
    }
    this.recent.set(s, n);
    return n;
  }

  private equals(n: number, s: string): boolean {
    const offset = this.offsets[n]!;
    const bytes = s.length * 2;
    if (offset >= this.written) {
      const from = offset - this.written;
      return this.batch.toString('utf16le', from, from + bytes) === s;
    }
    // A string is in the file whole (the batch is written whole): read back through the window, a read per window rather than per match.
    if (bytes > WINDOW) {
      const b = Buffer.allocUnsafe(bytes);
      readSync(this.fd, b, 0, bytes, offset);
      return b.toString('utf16le') === s;
    }
    if (offset < this.windowAt || offset + bytes > this.windowAt + this.windowLength) {
      this.window ??= Buffer.allocUnsafe(WINDOW);
      this.windowAt = offset;
      this.windowLength = readSync(this.fd, this.window, 0, Math.min(WINDOW, this.written - offset), offset);
    }
    const from = offset - this.windowAt;
    return this.window!.toString('utf16le', from, from + bytes) === s;
  }

  private append(s: string): void {
    const bytes = s.length * 2;
    if (this.filled + bytes > this.batch.length) this.flush();
    if (bytes > this.batch.length) {
      writeSync(this.fd, Buffer.from(s, 'utf16le'), 0, bytes, this.written);
      this.written += bytes;
      return;
    }
    this.filled += this.batch.write(s, this.filled, 'utf16le');
  }

  private flush(): void {
    if (this.filled === 0) return;
    writeSync(this.fd, this.batch, 0, this.filled, this.written);
    this.written += this.filled;
    this.filled = 0;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let n = 0; n < this.unique; n++) {
      let slot = this.hashes[n]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = n + 1;
    }
    this.table = table;
  }
}

/** FNV-1a over UTF-16 units, mixed at the end so that the low bits (the slot) vary. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
