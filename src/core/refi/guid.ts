import { computeSha1Words } from '../util/sha1.js';

/** qcode's own UUID namespace for the GUIDs it derives (a fixed random UUID). */
const QCODE_NAMESPACE = 'c0de5eed-7a5d-4e3a-9b1f-2f6a0e1d9c4b';

/** The namespace's bytes, made once: an export derives a GUID per selection and coding (millions at corpus scale). */
const NAMESPACE_BYTES = Uint8Array.from(QCODE_NAMESPACE.replace(/-/g, '').match(/../g)!, (h) => parseInt(h, 16));

/** Each byte's two hex digits as character codes: a GUID is made by one String.fromCharCode, not joined from twenty pieces (2.5 times as long: a qdpx at 1 GB derives 12 million). */
const HI = Uint8Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').charCodeAt(0));
const LO = Uint8Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').charCodeAt(1));
const DASH = 0x2d;

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace bytes + name) for
 * a qcode id such as `code:tariffs`. The same id always gives the same GUID,
 * so exporting twice writes byte-identical files, and a code keeps its GUID
 * across exports even when it has none in the codebook.
 */
export function deriveGuid(name: string): string {
  const h = computeSha1Words(NAMESPACE_BYTES, name);
  writeGuid(h, 0x50, SCRATCH, 0);
  return ascii.decode(SCRATCH);
}

const SCRATCH = new Uint8Array(36);
const ascii = new TextDecoder('latin1');

/**
 * The first 128 bits of `words` as a GUID's 36 characters into `out` at
 * `at`, with `version` (0x50, 0x80) in the high nibble of byte 6 and the
 * variant (10) in the high bits of byte 8: selections' GUIDs are written
 * straight into a qdpx's bytes (a string each was garbage by the million).
 */
export function writeGuid(words: Int32Array, version: number, out: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    let byte = (words[i >> 2]! >>> (24 - 8 * (i & 3))) & 255;
    if (i === 6) byte = (byte & 0x0f) | version;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    out[at++] = HI[byte]!;
    out[at++] = LO[byte]!;
    if (i === 3 || i === 5 || i === 7 || i === 9) out[at++] = DASH;
  }
}

/** GUID version of SelectionGuids' GUIDs (RFC 9562 version 8, in the nibble's place). */
export const SELECTION_GUID_VERSION = 0x80;

/**
 * The GUIDs of one coder's selections in one document and of their codings
 * (RFC 9562 version 8: derived by qcode's own rule). A SHA-1 per selection
 * and per coding was a quarter of a qdpx export's time at corpus scale (12
 * million at 1 GB). Instead one SHA-1 of the coder and document gives a
 * 128-bit key; a selection's GUID is a fixed invertible permutation of the
 * key with its start, end and memo digest added in, and a coding's the
 * permutation of its selection's bits with the code's digest added in. Being
 * invertible, the permutation gives distinct ranges, memos and codes of one
 * coder's document distinct bits (they could meet only in the six bits the
 * version and variant replace); across documents and coders the keys differ
 * as SHA-1 digests do. The same ids always give the same GUIDs.
 */
export class SelectionGuids {
  private readonly key: Int32Array;
  /** The last selection's bits, then its last coding's (reused: written out at once). */
  private readonly sel = new Int32Array(4);
  private readonly cod = new Int32Array(4);

  constructor(coder: string, docId: string) {
    this.key = computeSha1Words(NAMESPACE_BYTES, `selection\u0000${coder}\u0000${docId}`).slice(0, 4);
  }

  /** A selection's 128 bits (for writeGuid); coding() then derives its codings'. */
  selection(start: number, end: number, memo: string): Int32Array {
    const m = digestOf(memo);
    const k = this.key;
    permute(this.sel, k[0]! ^ start, k[1]! ^ end, k[2]! ^ m[0]!, k[3]! ^ m[1]!);
    return this.sel;
  }

  /** The 128 bits of `code`'s coding on the selection last given to selection(). */
  coding(code: string): Int32Array {
    const c = digestOf(code);
    const s = this.sel;
    permute(this.cod, s[0]! ^ c[0]!, s[1]! ^ c[1]!, s[2]! ^ c[2]!, s[3]! ^ c[3]!);
    return this.cod;
  }
}

/** Memos and codes repeat (most memos are empty, a codebook has tens of codes): each digested once. */
const digests = new Map<string, Int32Array>();

function digestOf(s: string): Int32Array {
  let d = digests.get(s);
  if (d === undefined) {
    if (digests.size >= 1 << 16) digests.clear();
    digests.set(s, (d = computeSha1Words(NAMESPACE_BYTES, s).slice(0, 4)));
  }
  return d;
}

/**
 * A permutation of 128 bits (four 32-bit words) into `out`: ten rounds of
 * ChaCha's quarter round (add, xor, rotate: each step invertible), enough for
 * every input bit to reach every output bit several times over.
 */
function permute(out: Int32Array, a: number, b: number, c: number, d: number): void {
  for (let r = 0; r < 10; r++) {
    a = (a + b) | 0;
    d ^= a;
    d = (d << 16) | (d >>> 16);
    c = (c + d) | 0;
    b ^= c;
    b = (b << 12) | (b >>> 20);
    a = (a + b) | 0;
    d ^= a;
    d = (d << 8) | (d >>> 24);
    c = (c + d) | 0;
    b ^= c;
    b = (b << 7) | (b >>> 25);
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** Whether a string is a GUID as the REFI-QDA schema writes them (braces optional, any case). */
export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** Tools write one GUID as `{ABC…}`, `abc…` or `ABC…`: references compare by this key. */
export function guidKey(guid: string): string {
  return guid.replace(/[{}]/g, '').toLowerCase();
}
