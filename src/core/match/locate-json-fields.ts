/**
 * Finds the string values of a few top-level keys of one JSONL line in place,
 * without JSON.parse, so the byte matcher can scan the text field where it
 * lies. Anything unusual (a key or value that is not a plain string where one
 * is wanted, escapes in a key, broken JSON) gives up: the caller then parses
 * the line the ordinary way, which also reports what is wrong with it.
 */
export interface JsonFieldSpans {
  /** Per wanted key: [start, end) of the string content between the quotes, or -1 when absent. */
  start: Int32Array;
  end: Int32Array;
  /** Per wanted key: 1 when the value holds a backslash escape. */
  escaped: Uint8Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/**
 * Index just past the closing quote of the string opening at i, or -1; sets
 * lastEscaped when the string holds a backslash. Uses indexOf, which is
 * native (memchr on a Buffer), rather than a loop over every byte.
 */
let lastEscaped = false;
function skipString(buf: Uint8Array, i: number, end: number): number {
  let j = i + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, j);
    if (q < 0 || q >= end) return -1;
    let k = q - 1;
    while (k > i && buf[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) {
      if (q - i < 64) {
        lastEscaped = false;
        for (let b = i + 1; b < q && !lastEscaped; b++) lastEscaped = buf[b] === BACKSLASH;
      } else lastEscaped = buf.subarray(i + 1, q).indexOf(BACKSLASH) >= 0;
      return q + 1;
    }
    j = q + 1;
  }
}

/** Index just past a value that is not a string (number, literal, object, array), or -1. */
function skipValue(buf: Uint8Array, i: number, end: number): number {
  let depth = 0;
  let j = i;
  while (j < end) {
    const b = buf[j]!;
    if (b === QUOTE) {
      j = skipString(buf, j, end);
      if (j < 0) return -1;
      if (depth === 0) return j;
      continue;
    }
    if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      if (depth === 0) return j;
      depth--;
      if (depth === 0) return j + 1;
    } else if (depth === 0 && (b === 0x2c || isSpace(b))) return j;
    j++;
  }
  return depth === 0 ? j : -1;
}

function keyIs(buf: Uint8Array, from: number, to: number, key: Uint8Array): boolean {
  if (to - from !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (buf[from + k] !== key[k]) return false;
  return true;
}

/**
 * Locates `keys` (UTF-8 bytes) among the top-level members of the object in
 * buf[from, to). Returns false when the line is not a plain JSON object or a
 * wanted key does not hold a string.
 */
export function locateJsonFields(buf: Uint8Array, from: number, to: number, keys: readonly Uint8Array[], out: JsonFieldSpans): boolean {
  out.start.fill(-1);
  out.end.fill(-1);
  out.escaped.fill(0);
  let i = from;
  while (i < to && isSpace(buf[i]!)) i++;
  if (buf[i] !== 0x7b) return false;
  i++;
  for (;;) {
    while (i < to && isSpace(buf[i]!)) i++;
    if (buf[i] === 0x7d) break;
    if (buf[i] !== QUOTE) return false;
    const keyEnd = skipString(buf, i, to);
    if (keyEnd < 0 || lastEscaped) return false;
    const keyFrom = i + 1;
    const keyTo = keyEnd - 1;
    i = keyEnd;
    while (i < to && isSpace(buf[i]!)) i++;
    if (buf[i] !== 0x3a) return false;
    i++;
    while (i < to && isSpace(buf[i]!)) i++;
    let wanted = -1;
    for (let k = 0; k < keys.length; k++) if (keyIs(buf, keyFrom, keyTo, keys[k]!)) wanted = k;
    if (wanted >= 0 && out.start[wanted] !== -1) return false; // a repeated key: let JSON.parse decide
    if (buf[i] === QUOTE) {
      const valueEnd = skipString(buf, i, to);
      if (valueEnd < 0) return false;
      if (wanted >= 0) {
        out.start[wanted] = i + 1;
        out.end[wanted] = valueEnd - 1;
        out.escaped[wanted] = lastEscaped ? 1 : 0;
      }
      i = valueEnd;
    } else {
      if (wanted >= 0) return false;
      i = skipValue(buf, i, to);
      if (i < 0) return false;
    }
    while (i < to && isSpace(buf[i]!)) i++;
    if (buf[i] === 0x2c) {
      i++;
      continue;
    }
    if (buf[i] === 0x7d) break;
    return false;
  }
  i++;
  while (i < to && isSpace(buf[i]!)) i++;
  return i === to;
}
