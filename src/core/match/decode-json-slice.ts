import { hex4 } from './scan-json-bytes.js';

const decoder = new TextDecoder();
/** As JSON.parse keeps a U+FEFF wherever it stands (the scanner lets none through at the start of a text, which normalising drops). */
const keepingBom = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of buf[from, to), a piece of a JSON string's content with its
 * escapes resolved: how the byte path recovers a match's text as it stands
 * in the document. The scanner never cuts inside an escape.
 */
export function decodeJsonSlice(buf: Uint8Array, from: number, to: number): string {
  const raw = decoder.decode(buf.subarray(from, to));
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/**
 * The whole content of a JSON string buf[from, to), its quotes at from - 1
 * and to: one parse, no copy to add quotes. `scanned`: the scanner took these
 * bytes, so they hold no raw control byte, and without a backslash they are
 * the text itself; otherwise the bytes are checked as JSON.parse checks
 * them (it throws a SyntaxError on what is not a JSON string: a raw control
 * byte, a bad escape) and give the string JSON.parse would.
 */
export function decodeJsonString(buf: Uint8Array, from: number, to: number, scanned: boolean, checkedAbove = CHECKED_ABOVE): string {
  const view = buf.subarray(from, to);
  // Kept as JSON.parse keeps it: a text in memory (stringTextBytes) may start with a U+FEFF that normalising left (of two).
  if (scanned && view.indexOf(0x5c) < 0) return keepingBom.decode(view);
  if (scanned || to - from <= checkedAbove) return JSON.parse(decoder.decode(buf.subarray(from - 1, to + 1))) as string;
  // A long text is checked as JSON.parse checks it, then decoded once: decoding then parsing made two strings of it (800 MB for a 200 MB document).
  if (!isJsonStringContent(buf, from, to)) throw new SyntaxError('not the content of a JSON string');
  return decodeScannedJson(unscanned, buf, from, to);
}

/**
 * Bytes of text above which decodeJsonString checks and decodes a text
 * itself (`checkedAbove`: for tests). Below, JSON.parse is faster: the check
 * is a loop in JavaScript, a second of a 100 MB qdpx export's main thread
 * when every text took it.
 */
const CHECKED_ABOVE = 1 << 20;

const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66);

/** Whether buf[from, to) is what JSON.parse takes between a string's quotes: no raw control byte or quote, every escape one of JSON's. */
export function isJsonStringContent(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b < 0x20 || b === 0x22) return false;
    if (b !== 0x5c) continue;
    if (++i >= to) return false;
    const e = buf[i]!;
    if (e === 0x75) {
      if (i + 4 >= to || !isHex(buf[i + 1]!) || !isHex(buf[i + 2]!) || !isHex(buf[i + 3]!) || !isHex(buf[i + 4]!)) return false;
      i += 4;
    } else if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return false;
  }
  return true;
}

/**
 * The text of scanned JSON string content buf[from, to) (see decodeJsonString), its escapes resolved as bytes first:
 * one decoding pass instead of a decoding and a JSON parse.
 */
export function decodeScannedJson(content: JsonContentBytes, buf: Uint8Array, from: number, to: number): string {
  const bytes = content.of(buf, from, to);
  return content.replaced ? decodeJsonString(buf, from, to, true) : keepingBom.decode(bytes);
}

/**
 * The UTF-8 bytes of the text that JSON string content buf[from, to) stands
 * for, as a string's UTF-8 encoding would give them: the bytes themselves
 * when they hold no escape, else the escapes resolved into a scratch buffer
 * (reused: the view is valid until the next call). A lone surrogate escape
 * becomes U+FFFD, as encoding a string does. The content must be scanned
 * JSON (every escape well formed).
 */
export class JsonContentBytes {
  private scratch = new Uint8Array(0);

  /** `keep`: the largest scratch buffer kept between calls, in bytes. */
  constructor(private readonly keep = 16 << 20) {}
  /** True when the last call met a lone surrogate escape (so the bytes are not the string JSON.parse gives, encoded back). */
  replaced = false;

  of(buf: Uint8Array, from: number, to: number): Uint8Array {
    // Searched within the content only: the buffer may hold many more lines after it.
    const view = buf.subarray(from, to);
    this.replaced = false;
    let k = view.indexOf(0x5c);
    if (k < 0) return view;
    k += from;
    // A text beyond the kept buffer's limit gets a buffer of its own, let go with it: memory does not stay at the largest document's size.
    if (this.scratch.length < to - from && to - from <= this.keep) this.scratch = new Uint8Array(Math.min(Math.max(to - from, this.scratch.length * 2, 1 << 16), this.keep));
    const out = to - from <= this.scratch.length ? this.scratch : new Uint8Array(to - from);
    let at = 0;
    let i = from;
    while (k >= 0) {
      // The bytes up to the escape, copied as one piece (a text's escapes are few: line breaks, quotes).
      if (k - i > 16) {
        out.set(buf.subarray(i, k), at);
        at += k - i;
      } else for (let j = i; j < k; j++) out[at++] = buf[j]!;
      const e = buf[k + 1]!;
      i = k + 2;
      if (e !== 0x75) out[at++] = e === 0x6e ? 10 : e === 0x74 ? 9 : e === 0x72 ? 13 : e === 0x62 ? 8 : e === 0x66 ? 12 : e;
      else {
        let c = hex4(buf, i);
        i += 4;
        if (c >= 0xd800 && c <= 0xdbff && buf[i] === 0x5c && buf[i + 1] === 0x75) {
          const lo = hex4(buf, i + 2);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
            i += 6;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) {
          this.replaced = true;
          c = 0xfffd;
        }
        at = writeUtf8(out, at, c);
      }
      k = view.indexOf(0x5c, i - from);
      if (k >= 0) k += from;
    }
    out.set(buf.subarray(i, to), at);
    at += to - i;
    return out.subarray(0, at);
  }
}


/** Writes code point c as UTF-8 at out[at]; returns the new end. */
function writeUtf8(out: Uint8Array, at: number, c: number): number {
  if (c < 0x80) out[at++] = c;
  else if (c < 0x800) {
    out[at++] = 0xc0 | (c >> 6);
    out[at++] = 0x80 | (c & 0x3f);
  } else if (c < 0x10000) {
    out[at++] = 0xe0 | (c >> 12);
    out[at++] = 0x80 | ((c >> 6) & 0x3f);
    out[at++] = 0x80 | (c & 0x3f);
  } else {
    out[at++] = 0xf0 | (c >> 18);
    out[at++] = 0x80 | ((c >> 12) & 0x3f);
    out[at++] = 0x80 | ((c >> 6) & 0x3f);
    out[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/** Resolves the escapes of texts decodeJsonString checked itself (its scratch buffer is reused, a long text's let go). */
const unscanned = new JsonContentBytes();
