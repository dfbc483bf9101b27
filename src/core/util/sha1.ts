/**
 * SHA-1 (FIPS 180-4) for short messages, written out here: qcode derives a
 * name-based GUID per selection and coding of an export (a million at
 * 100 MB), and node:crypto's Hash object per digest (or its one-shot hash)
 * cost several times the digest itself, most of a qdpx export's hashing.
 * Only for GUIDs: SHA-1 is no longer collision resistant.
 */

let block = new Uint8Array(256);
let view = new DataView(block.buffer);
const w = new Int32Array(80);
const words = new Int32Array(5);
const utf8 = new TextEncoder();

/**
 * The digest of `prefix` then `text` as UTF-8 (a lone surrogate as U+FFFD,
 * as Buffer and node:crypto encode it): five big-endian 32-bit words, in an
 * array reused by the next call.
 */
export function computeSha1Words(prefix: Uint8Array, text: string): Int32Array {
  // Room for the message (at most 3 bytes a UTF-16 unit) and its padding (1 + 8 bytes, up to a whole block more).
  const room = prefix.length + text.length * 3 + 72;
  if (room > block.length) {
    block = new Uint8Array(room * 2);
    view = new DataView(block.buffer);
  }
  for (let i = 0; i < prefix.length; i++) block[i] = prefix[i]!;
  const length = prefix.length + encode(text, prefix.length);
  const end = (((length + 8) >> 6) + 1) << 6;
  block[length] = 0x80;
  for (let i = length + 1; i < end - 4; i++) block[i] = 0;
  // The length in bits as 64 bits: texts here are far below 2^29 bytes, so its high word is 0.
  const bits = length * 8;
  block[end - 4] = bits >>> 24;
  block[end - 3] = (bits >>> 16) & 255;
  block[end - 2] = (bits >>> 8) & 255;
  block[end - 1] = bits & 255;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let o = 0; o < end; o += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(o + 4 * t);
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // A loop per round function: one choice per round among four cost more than the round itself.
    for (let t = 0; t < 20; t++) {
      const next = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 20; t < 40; t++) {
      const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 40; t < 60; t++) {
      const next = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) + (0x8f1bbcdc | 0) + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 60; t < 80; t++) {
      const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + (0xca62c1d6 | 0) + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  words[0] = h0;
  words[1] = h1;
  words[2] = h2;
  words[3] = h3;
  words[4] = h4;
  return words;
}

/** `text` as UTF-8 into the block at `at`, its length in bytes: ASCII copied here (the encoder's call cost more than a short name's copy). */
function encode(text: string, at: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return i + utf8.encodeInto(text.slice(i), block.subarray(at + i)).written;
    block[at + i] = c;
  }
  return text.length;
}
