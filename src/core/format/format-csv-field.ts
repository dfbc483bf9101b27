/**
 * The one quoting rule of every CSV qcode writes (RFC 4180, comma-separated,
 * LF record ends): a field is quoted, its quotes doubled, when it holds a
 * carriage return, a line feed, a quote or the delimiter, or when it starts
 * or ends with white space. A bare CR ends a record for Python's csv module,
 * Excel and qcode's own readers, so it must never be written unquoted; edge
 * white space is trimmed by readers such as readr and Stata unless quoted.
 * Everything else is written as it is (NUL, emoji, RTL marks, combining marks
 * need no quotes). The streamed coder checks matched text in the corpus bytes
 * with `csvBytesNeedQuotes`, the same rule on UTF-8.
 */

export const CSV_DELIMITER = ',';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The characters that make a field quoted wherever they stand. */
const QUOTED_CHARS = /[",\r\n]/;

export function csvFieldNeedsQuotes(value: string): boolean {
  const n = value.length;
  // One native search and two edge checks: a loop over the characters in JavaScript cost a tenth of a long export.
  // Every white space of `\s` is a single UTF-16 unit, so the edge units say what `^\s|\s$` says.
  return n > 0 && (QUOTED_CHARS.test(value) || isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(n - 1)));
}

export function formatCsvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return csvFieldNeedsQuotes(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV record with its LF. A record of one empty field is written `""`, as
 * Python's csv module does: an empty line is no record to most readers.
 */
export function formatCsvRow(values: readonly (string | number)[]): string {
  if (values.length === 1 && values[0] === '') return '""\n';
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : CSV_DELIMITER) + formatCsvField(values[i]!);
  return `${line}\n`;
}

/** Whether a code point is white space by JavaScript's `\s` (what EDGE_SPACE tests). */
function isSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** The code point of the UTF-8 sequence starting at `at`, or -1 when it runs past `to` (the rest is assumed valid UTF-8). */
function codePointAt(buf: Uint8Array, at: number, to: number): number {
  const b = buf[at]!;
  if (b < 0x80) return b;
  const n = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  if (at + n >= to) return -1;
  let cp = b & (0x3f >> n);
  for (let k = 1; k <= n; k++) cp = (cp << 6) | (buf[at + k]! & 0x3f);
  return cp;
}

/**
 * `csvFieldNeedsQuotes` on the UTF-8 bytes buf[from, to) of a string, so the
 * streamed coder can copy a field's bytes without decoding it.
 */
export function csvBytesNeedQuotes(buf: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const b = buf[k]!;
    if (b === COMMA || b === QUOTE || b === LF || b === CR) return true;
  }
  let last = to - 1;
  // Back over continuation bytes (10xxxxxx) to the last character's first byte.
  while (last > from && (buf[last]! & 0xc0) === 0x80) last--;
  return isSpace(codePointAt(buf, from, to)) || isSpace(codePointAt(buf, last, to));
}
