/**
 * Reading characters of well-formed UTF-8 in place, for scanners that work
 * on bytes and decode a code point only where a rule asks about one. The
 * bytes must be valid UTF-8 (a string's encoding, or JSON content resolved
 * by JsonContentBytes): nothing here checks continuation bytes.
 */

/** Bytes of the character whose first byte is `lead`. */
export function utf8Length(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

/** The code point of the character starting at b[i]. */
export function utf8CodeAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
  return ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
}

/** Where the character that ends just before b[i] starts (i > 0). */
export function utf8StartBefore(b: Uint8Array, i: number): number {
  let j = i - 1;
  while (j > 0 && (b[j]! & 0xc0) === 0x80) j--;
  return j;
}

/** Characters (code points) in b[from, to). */
export function utf8Chars(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((b[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/**
 * Code point and UTF-16 offsets of byte positions in a text, found by
 * walking from the last position asked (either way), or told by a scanner
 * that counted the bytes it passed (`advance`): a scanner that asks only
 * near where it is costs no second pass over the text. A 4-byte character
 * is one code point and two UTF-16 units (a surrogate pair).
 */
export class Utf8Offsets {
  pos = 0;
  /** Code points before `pos`. */
  codePoints = 0;
  /** UTF-16 units before `pos`. */
  units = 0;

  constructor(private readonly b: Uint8Array) {}

  /** Moves to p ≥ pos, whose bytes since pos hold `continuations` continuation bytes and `astral` lead bytes of 4-byte characters. */
  advance(p: number, continuations: number, astral: number): void {
    const chars = p - this.pos - continuations;
    this.codePoints += chars;
    this.units += chars + astral;
    this.pos = p;
  }

  moveTo(p: number): void {
    const b = this.b;
    const from = Math.min(p, this.pos);
    const to = Math.max(p, this.pos);
    let continuations = 0;
    let astral = 0;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c >= 0x80) {
        if (c < 0xc0) continuations++;
        else if (c >= 0xf0) astral++;
      }
    }
    const chars = to - from - continuations;
    const sign = p >= this.pos ? 1 : -1;
    this.codePoints += sign * chars;
    this.units += sign * (chars + astral);
    this.pos = p;
  }
}
