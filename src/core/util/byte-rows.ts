const encoder = new TextEncoder();

/**
 * Text waiting to be written, as UTF-8 bytes in one growable buffer: the
 * streamed coder's CSV rows, a qdpx's XML. The coder appends pre-encoded
 * pieces (a code's row tail, a pattern's columns) and copies matched text
 * straight from the corpus bytes, so a row costs no string concatenation and
 * no encoding at write time: with strings, flattening and encoding the rows
 * took about a tenth of a 100 MB run.
 */
export class ByteRows {
  bytes: Uint8Array = new Uint8Array(1 << 16);
  length = 0;

  /** Makes room for n more bytes (to be written into `bytes` from `length` on). */
  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  /** Appends src[from, to). */
  copy(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.room(n);
    const out = this.bytes;
    let at = this.length;
    // Short pieces (most are) copy faster by hand than through a subarray and set.
    if (n <= 32) for (let k = from; k < to; k++) out[at++] = src[k]!;
    else {
      // A whole source is set as it is: no subarray made for it.
      out.set(from === 0 && to === src.length ? src : src.subarray(from, to), at);
      at += n;
    }
    this.length = at;
  }

  /** Appends a whole pre-encoded piece. */
  piece(src: Uint8Array): void {
    this.copy(src, 0, src.length);
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** Appends a non-negative integer in decimal. */
  int(n: number): void {
    this.room(16);
    const out = this.bytes;
    let end = this.length;
    let v = n;
    let digits = 1;
    while (v >= 10) {
      v = Math.floor(v / 10);
      digits++;
    }
    end += digits;
    v = n;
    for (let at = end - 1; at >= this.length; at--) {
      out[at] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.length = end;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: let the encoder take the rest (surrogate pairs, invalid ones as U+FFFD).
        at += encoder.encodeInto(s.slice(i), out.subarray(at)).written;
        break;
      }
      out[at++] = c;
    }
    this.length = at;
  }

  clear(): void {
    this.length = 0;
  }
}

