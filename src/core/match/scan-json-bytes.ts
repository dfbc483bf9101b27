import { BMP_CLASS, F_NFC, K_APOS, K_HYPHEN, K_OTHER, K_SPACE, K_WORD, KIND_MASK, classOf, foldBytes } from '../pattern/char-class.js';
import { suffixKey } from './compile-matcher.js';
import type { MatchRun } from './match-run.js';

const S_LOWER = 0x73;
const S_UPPER = 0x53;
const BACKSLASH = 0x5c;

/** ASCII upper case to lower case; every other byte unchanged. */
const LOWER: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) t[b] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
  return t;
})();

/** Where the text's non-whitespace begins and ends, in code points (for a document-unit segment). */
export interface ScanExtent {
  /** Code points in the text. */
  length: number;
  /** First non-whitespace code point, -1 if the text is blank. */
  first: number;
  /** One past the last non-whitespace code point. */
  last: number;
  /** The same two positions as bytes of the scanned buffer (firstUnit -1 if blank): the trimmed text's bytes, for a document-unit segment. */
  firstUnit: number;
  lastUnit: number;
  /**
   * True when the bytes are the text as JSON.stringify writes it (its only
   * escapes \" \\ \n \t \b \f): then they hash as the canonical line's text.
   */
  canonical: boolean;
}

export function newScanExtent(): ScanExtent {
  return { length: 0, first: -1, last: 0, firstUnit: -1, lastUnit: 0, canonical: true };
}

/** The value of four hex digits at buf[i], -1 if they are not. */
export function hex4(buf: Uint8Array, i: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = buf[i + k]!;
    const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 87 : h >= 0x41 && h <= 0x46 ? h - 55 : -1;
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

/**
 * The one scanner: tokenizes the content of a JSON string in place, buf[from,
 * to) between its quotes, as UTF-8 bytes with JSON escapes, without building
 * a string, and feeds every token to the run. ASCII bytes are folded through
 * the trie's column table, other characters through the per-code-point
 * tables of char-class.ts. A JSONL corpus's text field is scanned where it
 * lies; any other text (a file, a CSV field, a string in memory) is scanned
 * as JSON.stringify writes it, which costs no more than scanning raw bytes.
 * Unit offsets are bytes of buf; code point offsets start at 0 at `from`.
 *
 * Untrusted bytes (straight from a corpus file) may not be normalised: the
 * scan returns false, having emitted nothing useful, when the text must
 * first be normalised (a CR, a character NFC may change, a leading BOM) or
 * is not valid UTF-8; the caller then decodes and normalises it and scans it
 * again as `trusted`. A run with a `tokenLog` has every token logged there,
 * matched or not, with the offsets the run is handed. Within this function the raw-ASCII run and the general
 * word-character branch repeat their token-state updates to keep the common
 * byte one table lookup.
 */
export function scanJsonString(run: MatchRun, buf: Uint8Array, from: number, to: number, extent: ScanExtent, trusted = false): boolean {
  const m = run.m;
  const f = m.forward;
  const next = f.next;
  const byteCol = f.byteCol;
  const asciiCol = m.asciiCol;
  const wordCol = m.asciiWordCol;
  const accepting = f.accepting;
  const shift = f.shift;
  const rootRow = 1 << shift;
  const keepBytes = m.needTokenBytes;
  const always = m.globs.length > 0 || m.anyTerm >= 0;
  const suffixPair = m.suffixPair;
  const wide = m.suffixWide;
  const tokenBytes = run.tokenBytes;
  const log = run.tokenLog;

  let inToken = false;
  // A token is simple while it holds only raw ASCII: its bytes in buf, lower-cased, are its folded form.
  let simple = true;
  let row = 0;
  let tokCp = 0;
  let tokUnit = 0;
  let wCp = 0;
  let wUnit = 0;
  let wRow = 0;
  let wLen = 0;
  let pending = 0;
  let afterApos = false;
  let sinceApos = 0;
  let aposS = false;
  let possCp = 0;
  let possUnit = 0;
  let possRow = 0;
  let possLen = 0;
  let first = -1;
  let last = 0;
  let firstUnit = -1;
  let lastUnit = 0;
  let tokens = 0;
  let canonical = true;
  run.buf = buf;

  if (buf[to] !== 0x22) return false;
  // A leading BOM is not text (normalizeText drops it): only the normalised form may be scanned.
  if (!trusted && to - from >= 3 && buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf) return false;
  if (!trusted && to - from >= 6 && buf[from] === BACKSLASH && buf[from + 1] === 0x75 && hex4(buf, from + 2) === 0xfeff) return false;
  let cp = 0;
  let i = from;
  while (i <= to) {
    let kind: number;
    let c = 0;
    let width = 1;
    if (i === to) kind = K_OTHER;
    else {
      c = buf[i]!;
      let col = wordCol[c]!;
      if (col !== 255) {
        // The common case: a run of raw ASCII word characters, one table lookup per byte.
        if (!inToken) {
          inToken = true;
          simple = true;
          row = rootRow;
          tokCp = cp;
          tokUnit = i;
          afterApos = false;
          if (first < 0) {
            first = cp;
            firstUnit = i;
          }
        } else if (pending !== 0) {
          afterApos = pending === K_APOS;
          if (afterApos) {
            possCp = wCp;
            possUnit = wUnit;
            possRow = wRow;
            possLen = simple ? wUnit - tokUnit : wLen;
            sinceApos = 0;
          }
          pending = 0;
        }
        let r = row;
        let j = i;
        // The closing quote at buf[to] is no word character, so it ends the run: no bounds test per byte.
        do {
          r = next[r + col]!;
          col = wordCol[buf[++j]!]!;
        } while (col !== 255);
        if (!simple && keepBytes) for (let k = i; k < j; k++) run.pushTokenByte(LOWER[buf[k]!]!);
        if (afterApos) {
          sinceApos += j - i;
          const z = buf[j - 1]!;
          aposS = z === S_LOWER || z === S_UPPER;
        }
        row = r;
        cp += j - i;
        wCp = cp;
        wUnit = j;
        wRow = r;
        wLen = run.tokenLength;
        last = cp;
        lastUnit = j;
        i = j;
        const nb = buf[j]!;
        if (j < to && simple && !afterApos && nb !== BACKSLASH && nb !== 0x2d && nb !== 0x27 && nb < 0x80 && nb >= 0x20) {
          // The commonest token end, a plain ASCII token before a space or punctuation, without a trip through the general path.
          inToken = false;
          const len = j - tokUnit;
          run.tokenIndex = tokens++;
          if (log !== null) log.push(tokCp, cp, tokUnit, j);
          if (
            always ||
            accepting[r >> shift] === 1 ||
            run.activeCount > 0 ||
            (suffixPair !== null &&
              suffixPair[
                suffixKey(
                  wide && len > 3 ? LOWER[buf[j - 4]!]! : 0,
                  len > 2 ? LOWER[buf[j - 3]!]! : 0,
                  len > 1 ? LOWER[buf[j - 2]!]! : 0,
                  LOWER[buf[j - 1]!]!,
                )
              ] === 1)
          ) {
            run.token(r, tokCp, cp, tokUnit, j, buf, tokUnit, len);
          }
          if (BMP_CLASS[nb] !== K_SPACE) {
            run.activeCount = 0;
            last = cp + 1;
            lastUnit = j + 1;
          }
          i = j + 1;
          cp++;
        }
        continue;
      }
      // A raw control byte is not JSON: the caller's parse reports the line.
      if (c < 0x20 && i < to) return false;
      if (!inToken && c < 0x80 && c !== BACKSLASH && i < to) {
        // Space or punctuation between tokens (a hyphen or apostrophe here joins nothing).
        if (BMP_CLASS[c] !== K_SPACE) {
          run.activeCount = 0;
          if (first < 0) {
            first = cp;
            firstUnit = i;
          }
          last = cp + 1;
          lastUnit = i + 1;
        }
        i++;
        cp++;
        continue;
      }
      if (c < 0x80) {
        if (c === BACKSLASH) {
          const e = buf[i + 1]!;
          width = 2;
          if (e === 0x6e) c = 10;
          else if (e === 0x74) c = 9;
          else if (e === 0x22 || e === BACKSLASH) c = e;
          else if (e === 0x2f) {
            c = e;
            canonical = false;
          } else if (e === 0x62) c = 8;
          else if (e === 0x66) c = 12;
          else if (e === 0x75) {
            c = hex4(buf, i + 2);
            width = 6;
            canonical = false;
            if (c < 0) return false;
            // An escaped CR is a line break normalizeText rewrites, as the \r escape below.
            if (c === 0x0d && !trusted) return false;
            if (c >= 0xd800 && c <= 0xdbff && buf[i + 6] === BACKSLASH && buf[i + 7] === 0x75) {
              const lo = hex4(buf, i + 8);
              if (lo >= 0xdc00 && lo <= 0xdfff) {
                c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
                width = 12;
              }
            }
          } else return false; // \r, or not JSON
          const cls = c < 0x10000 ? BMP_CLASS[c]! : classOf(c);
          if ((cls & F_NFC) !== 0 && !trusted) return false;
          kind = cls & KIND_MASK;
        } else kind = BMP_CLASS[c]!;
      } else {
        if (c >= 0xc2 && c <= 0xdf && i + 1 < to) {
          const c1 = buf[i + 1]!;
          if ((c1 & 0xc0) !== 0x80) return false;
          c = ((c & 0x1f) << 6) | (c1 & 0x3f);
          width = 2;
        } else if (c >= 0xe0 && c <= 0xef && i + 2 < to) {
          const c1 = buf[i + 1]!;
          const c2 = buf[i + 2]!;
          if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return false;
          c = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
          if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) return false;
          width = 3;
        } else if (c >= 0xf0 && c <= 0xf4 && i + 3 < to) {
          const c1 = buf[i + 1]!;
          const c2 = buf[i + 2]!;
          const c3 = buf[i + 3]!;
          if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return false;
          c = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
          if (c < 0x10000 || c > 0x10ffff) return false;
          width = 4;
        } else return false;
        const cls = c < 0x10000 ? BMP_CLASS[c]! : classOf(c);
        if ((cls & F_NFC) !== 0 && !trusted) return false;
        kind = cls & KIND_MASK;
      }
      if (kind !== K_SPACE) {
        if (first < 0) {
          first = cp;
          firstUnit = i;
        }
        last = cp + 1;
        lastUnit = i + width;
      }
    }
    if (kind === K_WORD) {
      // A word character that is not raw ASCII (escaped, or beyond ASCII): the token stops being simple.
      if (!inToken) {
        inToken = true;
        simple = false;
        row = rootRow;
        tokCp = cp;
        tokUnit = i;
        run.tokenLength = 0;
        afterApos = false;
      } else {
        if (simple) {
          simple = false;
          run.tokenLength = 0;
          if (keepBytes) for (let k = tokUnit; k < i; k++) run.pushTokenByte(LOWER[buf[k]!]!);
          wLen = wUnit - tokUnit;
        }
        if (pending !== 0) {
          afterApos = pending === K_APOS;
          if (afterApos) {
            possCp = wCp;
            possUnit = wUnit;
            possRow = wRow;
            possLen = wLen;
            sinceApos = 0;
          }
          pending = 0;
        }
      }
      if (c < 0x80) {
        row = next[row + asciiCol[c]!]!;
        if (keepBytes) run.pushTokenByte(LOWER[c]!);
      } else {
        const fb = foldBytes(c);
        for (let k = 0; k < fb.length; k++) {
          row = next[row + byteCol[fb[k]!]!]!;
          if (keepBytes) run.pushTokenByte(fb[k]!);
        }
      }
      if (afterApos) {
        sinceApos++;
        aposS = c === S_LOWER || c === S_UPPER;
      }
      wCp = cp + 1;
      wUnit = i + width;
      wRow = row;
      wLen = run.tokenLength;
    } else if ((kind === K_HYPHEN || kind === K_APOS) && inToken && pending === 0) {
      pending = kind;
      // U+2010, U+2011, U+2019 or an escaped joiner are not their folded byte in buf.
      if (simple && (width !== 1 || c >= 0x80)) {
        simple = false;
        run.tokenLength = 0;
        if (keepBytes) for (let k = tokUnit; k < i; k++) run.pushTokenByte(LOWER[buf[k]!]!);
        wLen = wUnit - tokUnit;
      }
      const b = kind === K_HYPHEN ? 0x2d : 0x27;
      row = next[row + asciiCol[b]!]!;
      if (keepBytes && !simple) run.pushTokenByte(b);
    } else {
      if (inToken) {
        inToken = false;
        run.tokenIndex = tokens++;
        const poss = afterApos && sinceApos === 1 && aposS;
        const endUnit = poss ? possUnit : wUnit;
        const len = simple ? endUnit - tokUnit : poss ? possLen : wLen;
        if (log !== null) log.push(tokCp, poss ? possCp : wCp, tokUnit, endUnit);
        let hit = always || run.activeCount > 0 || accepting[(poss ? possRow : wRow) >> shift] === 1;
        if (!hit && suffixPair !== null) {
          hit = simple
            ? suffixPair[
                suffixKey(
                  wide && len > 3 ? LOWER[buf[endUnit - 4]!]! : 0,
                  len > 2 ? LOWER[buf[endUnit - 3]!]! : 0,
                  len > 1 ? LOWER[buf[endUnit - 2]!]! : 0,
                  LOWER[buf[endUnit - 1]!]!,
                )
              ] === 1
            : suffixPair[
                suffixKey(
                  wide && len > 3 ? tokenBytes[len - 4]! : 0,
                  len > 2 ? tokenBytes[len - 3]! : 0,
                  len > 1 ? tokenBytes[len - 2]! : 0,
                  tokenBytes[len - 1]!,
                )
              ] === 1;
        }
        if (hit) {
          if (poss) run.token(possRow, tokCp, possCp, tokUnit, possUnit, simple ? buf : tokenBytes, simple ? tokUnit : 0, len);
          else run.token(wRow, tokCp, wCp, tokUnit, wUnit, simple ? buf : tokenBytes, simple ? tokUnit : 0, len);
        }
        if (pending !== 0) run.activeCount = 0;
        pending = 0;
      }
      if (kind !== K_SPACE) run.activeCount = 0;
    }
    i += width;
    cp++;
  }
  extent.length = cp - 1;
  extent.first = first;
  extent.last = last;
  extent.firstUnit = firstUnit;
  extent.lastUnit = lastUnit;
  extent.canonical = canonical;
  return true;
}
