import { growInt32 } from './grow-int32.js';
import { sameBytes } from './same-bytes.js';

/**
 * Interns byte strings: each distinct sequence gets a dense id (0, 1, 2, …)
 * in order of first appearance, with no JavaScript string or object per
 * entry — the bytes live in one growable arena and the hash table is an
 * Int32Array (open addressing, linear probing, FNV-1a 32-bit hashes, load
 * kept under 1/2). A million unit ids cost their bytes plus about 16 bytes
 * each, where a Map<string, number> costs some 80.
 */
export class ByteInterner {
  private arena = new Uint8Array(1 << 16);
  private arenaLength = 0;
  private starts: Int32Array<ArrayBuffer>;
  private hashes: Int32Array<ArrayBuffer>;
  private table: Int32Array<ArrayBuffer>;
  size = 0;
  private readonly decoder = new TextDecoder();

  /** `expected`: how many entries to make room for at once (more are fine; fewer save rehashing). */
  constructor(expected = 512) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(1024, expected)));
    this.starts = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.table = new Int32Array(capacity * 2).fill(-1);
  }

  /** The id of bytes[start, end), adding it if new; `added` tells which. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const slot = this.probe(bytes, start, end);
    const found = this.table[slot]!;
    if (found >= 0) {
      this.added = false;
      return found;
    }
    const id = this.size++;
    this.store(id, this.hash, bytes, start, end);
    this.table[slot] = id;
    if (this.size * 2 > this.table.length) this.rehash();
    this.added = true;
    return id;
  }

  /** The id of bytes[start, end), or -1 when they were never interned (nothing is added). */
  find(bytes: Uint8Array, start: number, end: number): number {
    return this.table[this.probe(bytes, start, end)]!;
  }

  /** The hash of the bytes probe() looked for last. */
  private hash = 0;

  /** The table slot holding bytes[start, end), or the empty slot where they would go. */
  private probe(bytes: Uint8Array, start: number, end: number): number {
    // | 0: as an int32, as the table keeps it (the empty string's hash is the offset basis itself, above 2^31 as a literal).
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    this.hash = h;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id < 0 || (this.hashes[id] === h && this.equals(id, bytes, start, end))) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether the last intern() added a new entry. */
  added = false;

  /** The entry as a string (UTF-8). */
  text(id: number): string {
    return this.decoder.decode(this.arena.subarray(this.starts[id]!, this.end(id)));
  }

  private end(id: number): number {
    return id + 1 < this.size ? this.starts[id + 1]! : this.arenaLength;
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    return sameBytes(this.arena, this.starts[id]!, this.end(id), bytes, start, end);
  }

  private store(id: number, h: number, bytes: Uint8Array, start: number, end: number): void {
    if (id >= this.starts.length) {
      this.starts = growInt32(this.starts);
      this.hashes = growInt32(this.hashes);
    }
    const len = end - start;
    if (this.arenaLength + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLength + len));
      bigger.set(this.arena.subarray(0, this.arenaLength));
      this.arena = bigger;
    }
    for (let i = 0; i < len; i++) this.arena[this.arenaLength + i] = bytes[start + i]!;
    this.starts[id] = this.arenaLength;
    this.hashes[id] = h;
    this.arenaLength += len;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
  }
}

