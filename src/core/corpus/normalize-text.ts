/**
 * The one normalisation every document goes through before anything counts
 * offsets in it: no BOM, LF line ends, Unicode NFC. Segment offsets, evidence
 * offsets and the corpus hash all refer to this form.
 */
export function normalizeText(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  return normalizeNfc(t);
}

/** Below U+0300 every character is its own NFC and combines with nothing before it: text without one (most of a news corpus) needs no pass. */
export const MAY_CHANGE_IN_NFC = /[\u0300-\uffff]/;

/** Texts longer than this are normalised a piece at a time (see normalizeNfc). */
const NFC_PIECE = 1 << 20;

/**
 * s in NFC. String.prototype.normalize copies even a text that is in NFC
 * already (most are): a 200 MB document was held twice, 400 MB more a
 * copy. A long text is normalised in pieces cut just before an ASCII
 * character, where NFC never joins or reorders across (an ASCII character
 * is a starter and ends no canonical composition), and is itself returned
 * when no piece changes. The result is s.normalize('NFC') in every case
 * (`pieceChars`: for tests).
 */
export function normalizeNfc(s: string, pieceChars = NFC_PIECE): string {
  if (!MAY_CHANGE_IN_NFC.test(s)) return s;
  if (s.length <= pieceChars) return s.normalize('NFC');
  let changed: string[] | null = null;
  let from = 0;
  while (from < s.length) {
    let to = Math.min(from + pieceChars, s.length);
    if (to < s.length) {
      // Back to just before an ASCII character; with none in the piece (a long non-Latin run), on to the next one.
      let k = to;
      while (k > from && s.charCodeAt(k) >= 0x80) k--;
      to = k > from ? k : nextAscii(s, to);
    }
    const piece = s.slice(from, to);
    const normal = piece.normalize('NFC');
    if (changed) changed.push(normal);
    else if (normal !== piece) changed = [s.slice(0, from), normal];
    from = to;
  }
  return changed ? changed.join('') : s;
}

/** The first index at or after `at` holding an ASCII character, or s.length. */
function nextAscii(s: string, at: number): number {
  let i = at;
  while (i < s.length && s.charCodeAt(i) >= 0x80) i++;
  return i;
}

/**
 * Offset of the first byte that is not valid UTF-8, or -1. Checks overlong
 * forms, surrogates and the U+10FFFF limit as the WHATWG decoder does.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Metadata values become strings so a folder, a CSV and a JSONL corpus load alike. */
export function normalizeMetadataValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return JSON.stringify(v);
}
