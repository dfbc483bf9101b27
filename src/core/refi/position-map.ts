import { codePointIndex } from '../util/code-point-index.js';

/**
 * REFI-QDA selections give positions in the source file's text; qcode's
 * offsets count code points in the normalised document (no BOM, LF line
 * ends, NFC). A PositionMap turns one into the other.
 *
 * The standard (REFI-QDA 1.5, §10.2) counts Unicode code points from 0;
 * NVivo 12 writes UTF-16 code units with CRLF counted as two. Either way the
 * count starts after a byte-order mark. A position inside a surrogate pair or
 * inside a character NFC composes is not exact: a start maps to the
 * character's start, an end to its end, so the span covers what the tool
 * showed. A position between CR and LF maps to before the LF.
 */
export type PositionUnit = 'codepoint' | 'utf16';
export const POSITION_UNITS: readonly PositionUnit[] = ['codepoint', 'utf16'];

export interface PositionMap {
  unit: PositionUnit;
  /** Positions the raw text has in this unit: valid positions are 0..rawLength. */
  rawLength: number;
  /** The normalised text offsets point into. */
  normalized: string;
  /** Code points in the normalised text. */
  normalizedLength: number;
  /** Normalised offset of a selection start, or undefined outside 0..rawLength. */
  toStart(position: number): number | undefined;
  /** Normalised offset of a selection end. */
  toEnd(position: number): number | undefined;
  /** UTF-16 index of each code point of the normalised text (built on first use). */
  index(): Int32Array;
}

const CR = 0x0d;
const LF = 0x0a;

/** Characters that may combine with what precedes them under NFC. */
function combinesBackward(cp: number): boolean {
  if (cp < 0x300) return false;
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11a8 && cp <= 0x11c2)) return true; // Hangul V and T jamo
  return /\p{M}/u.test(String.fromCodePoint(cp));
}

function fromCodePoints(cps: ArrayLike<number>, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    // bounded: 8,192 code points a call
    s += String.fromCodePoint(...Array.prototype.slice.call(cps, i, Math.min(end, i + 8192)));
  }
  return s;
}

/**
 * Splits the line-normalised text into clusters NFC never joins across
 * (before every character that cannot combine backward) and normalises each.
 * If that ever disagrees with normalising the whole text, it falls back to
 * cutting only before ASCII, which no composition or reordering crosses.
 */
function nfcClusters(cps: Int32Array, length: number): { starts: number[]; normalized: string[] } {
  const whole = fromCodePoints(cps, 0, length).normalize('NFC');
  for (const cut of [(cp: number) => !combinesBackward(cp), (cp: number) => cp < 0x80]) {
    const starts: number[] = [];
    const normalized: string[] = [];
    for (let i = 0; i < length; i++) if (i === 0 || cut(cps[i]!)) starts.push(i);
    for (let k = 0; k < starts.length; k++) normalized.push(fromCodePoints(cps, starts[k]!, starts[k + 1] ?? length).normalize('NFC'));
    if (normalized.join('') === whole) return { starts, normalized };
  }
  return { starts: length ? [0] : [], normalized: length ? [whole] : [] };
}

export function buildPositionMap(raw: string, unit: PositionUnit): PositionMap {
  const from = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Pass 1: raw positions → code points of the text with CRLF/CR made LF.
  const rawFloor = new Int32Array(raw.length - from + 1);
  const rawCeil = new Int32Array(raw.length - from + 1);
  let n = 0;
  let p = 0;
  for (let i = from; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    rawFloor[p] = n;
    rawCeil[p] = n;
    p++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (unit === 'utf16') {
        rawFloor[p] = n;
        rawCeil[p] = n + 1;
        p++;
      }
      n++;
      i += 2;
      continue;
    }
    if (!(c === CR && raw.charCodeAt(i + 1) === LF)) n++;
    i++;
  }
  rawFloor[p] = n;
  rawCeil[p] = n;
  const rawLength = p;
  const lineText = (from ? raw.slice(from) : raw).replace(/\r\n?/g, '\n');

  // Pass 2: line-normalised code points → NFC code points.
  let normalized = lineText.normalize('NFC');
  let lineFloor: Int32Array | null = null;
  let lineCeil: Int32Array | null = null;
  if (normalized !== lineText) {
    const cps = Int32Array.from(lineText, (ch) => ch.codePointAt(0)!);
    lineFloor = new Int32Array(n + 1);
    lineCeil = new Int32Array(n + 1);
    const { starts, normalized: parts } = nfcClusters(cps, n);
    let q = 0;
    parts.forEach((part, k) => {
      const a = starts[k]!;
      const b = starts[k + 1] ?? n;
      const partLength = [...part].length;
      const same = partLength === b - a && part === fromCodePoints(cps, a, b);
      for (let j = a; j < b; j++) {
        lineFloor![j] = same ? q + (j - a) : q;
        lineCeil![j] = same ? q + (j - a) : j === a ? q : q + partLength;
      }
      q += partLength;
    });
    lineFloor[n] = q;
    lineCeil[n] = q;
    normalized = parts.join('');
  }
  const normalizedLength = lineFloor ? lineFloor[n]! : n;
  const valid = (x: number) => Number.isInteger(x) && x >= 0 && x <= rawLength;
  let index: Int32Array | undefined;
  return {
    index: () => (index ??= codePointIndex(normalized)),
    unit,
    rawLength,
    normalized,
    normalizedLength,
    toStart: (x) => (valid(x) ? (lineFloor ? lineFloor[rawFloor[x]!]! : rawFloor[x]!) : undefined),
    toEnd: (x) => (valid(x) ? (lineCeil ? lineCeil[rawCeil[x]!]! : rawCeil[x]!) : undefined),
  };
}
