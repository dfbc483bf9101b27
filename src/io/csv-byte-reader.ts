import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

import type { RatingsRecord } from '../core/agreement/ratings-builder.js';
import { growInt32 } from '../core/util/grow-int32.js';
import { incompleteTail } from './normalised-text.js';

/**
 * One CSV record as the reader hands it over: field i is
 * bytes[starts[i], ends[i]), unquoted and unescaped. The object and its
 * arrays are reused for every record (no object or string per field), and
 * `bytes` may be the reader's own buffer (a line without quotes is not
 * copied): copy what you keep.
 */
export interface CsvRecord extends RatingsRecord {
  /** Where field i starts in its line: bytes after the line's first (0-based). */
  rawStarts: Int32Array;
  /** The line the record ends on (> line when a quoted field holds a line break). */
  endLine: number;
  /** A quoted field has text after its closing quote (which this reader drops and spreadsheets keep). */
  irregular: boolean;
  /** The record's bytes are all ASCII (known on the fast path; false on the careful one): a byte column is a UTF-16 column. */
  ascii: boolean;
}

export interface CsvReadError {
  line: number;
  col: number;
  message: string;
  /** The file is not UTF-8 (asked for with `utf8`): it stopped at a chunk holding the first bad byte, before any record of that chunk. */
  invalidUtf8?: true;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK = 1 << 20;
/** Thrown from a refill that read bytes that are not UTF-8, caught where the reading began. */
const NOT_UTF8 = Symbol('not UTF-8');

/**
 * Streams an RFC 4180 CSV file (UTF-8, optional BOM, LF or CRLF, quoted
 * fields with "" escapes and line breaks) record by record in bounded memory:
 * the file is read in 1 MiB chunks and only the record in progress is carried
 * across a chunk boundary. Bytes are scanned directly; a line without quotes
 * is split where it lies, a quoted record's fields are copied into a scratch
 * buffer unescaped; nothing is decoded (the consumer
 * interns or decodes what it needs). Empty lines are skipped. `onRecord` may return false to
 * stop. Returns the first malformed spot (an unterminated quote), or null.
 */
export function readCsvRecords(file: string, onRecord: (record: CsvRecord) => boolean | void, options: { utf8?: boolean } = {}): CsvReadError | null {
  const fd = openSync(file, 'r');
  try {
    return scan(fd, onRecord, options.utf8 ?? false);
  } catch (e) {
    if (e === NOT_UTF8) return { line: 0, col: 0, message: 'not valid UTF-8', invalidUtf8: true };
    throw e;
  } finally {
    closeSync(fd);
  }
}

/** The first `byte` in buf[from, len), or len. */
function indexIn(buf: Buffer, byte: number, from: number, len: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 || at >= len ? len : at;
}

/**
 * `utf8`: each chunk is checked as it is read (a sequence cut by the chunk's
 * end with the next), so a reader that must refuse a file that is not UTF-8
 * needs no pass of its own over it.
 */
function scan(fd: number, onRecord: (record: CsvRecord) => boolean | void, utf8: boolean): CsvReadError | null {
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let len = 0;
  let eof = false;
  /** Bytes of buf checked to be UTF-8 (with `utf8`). */
  let checked = 0;
  let first = true;
  /** Where a record the careful path reads has its fields copied (unquoted, unescaped). */
  let scratch: Uint8Array = new Uint8Array(4096);
  const record: CsvRecord = {
    count: 0,
    line: 1,
    bytes: scratch,
    starts: new Int32Array(16),
    ends: new Int32Array(16),
    rawStarts: new Int32Array(16),
    endLine: 1,
    irregular: false,
    ascii: false,
  };
  let line = 1;
  let lineStart = 0; // offset in buf of the current line's first byte (may be negative after a shift)
  // Where the next quote and CR are in buf (len: none in what is read), found by indexOf: the fast path's
  // loop over a line then looks for commas alone. Below the line's start: not known (a refill forgets them).
  let nextQuote = -1;
  let nextCR = -1;

  // Refill: keep bytes from `keep` on, read more after them.
  const refill = (keep: number): number => {
    nextQuote = -1;
    nextCR = -1;
    if (keep > 0) {
      buf.copy(buf, 0, keep, len);
      len -= keep;
      lineStart -= keep;
      checked -= keep;
    }
    if (len + CHUNK > buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const got = readSync(fd, buf, len, CHUNK, null);
    if (got === 0) eof = true;
    len += got;
    if (utf8) {
      const end = eof ? len : len - incompleteTail(buf.subarray(checked, len));
      if (!isUtf8(buf.subarray(checked, end))) throw NOT_UTF8;
      checked = end;
    }
    return keep;
  };

  refill(0);
  let pos = 0;
  if (first && len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
  first = false;
  lineStart = pos;

  for (;;) {
    // Fast path: a whole line in the buffer with no quote in it is split at its commas in place (the record's bytes are the buffer's).
    const nl = buf.indexOf(LF, pos);
    if (nl >= 0 && nl < len) {
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      record.count = 0;
      let from = pos;
      if (nextQuote < pos) nextQuote = indexIn(buf, QUOTE, pos, len);
      if (nextCR < pos) nextCR = indexIn(buf, CR, pos, len);
      // A quote, or a CR that does not end the line (a line break of its own): the careful path.
      const plain = nextQuote >= end && nextCR >= end;
      let high = 0;
      if (plain) {
        for (let i = pos; i < end; i++) {
          const b = buf[i]!;
          high |= b;
          if (b === COMMA) {
            placeField(record, from, i, from - pos);
            from = i + 1;
          }
        }
      }
      if (plain) {
        if (end > pos) {
          placeField(record, from, end, from - pos);
          record.bytes = buf;
          record.line = line;
          record.endLine = line;
          record.irregular = false;
          record.ascii = high < 0x80;
          if (onRecord(record) === false) return null;
        }
        line++;
        pos = nl + 1;
        lineStart = pos;
        continue;
      }
    }
    // Start of a record at `pos`; make sure the whole record is in the buffer by scanning, refilling on demand. Its fields are copied to `scratch`.
    record.bytes = scratch;
    let start = pos;
    record.count = 0;
    record.line = line;
    record.irregular = false;
    record.ascii = false;
    let i = start;
    let atFieldStart = true;
    let fieldStart = i;
    let quoted = false;
    let fieldLine = line;
    let fieldCol = i - lineStart + 1;
    let done = false;
    while (!done) {
      if (i >= len) {
        if (eof) {
          if (quoted) return { line: fieldLine, col: fieldCol, message: 'a quoted field is not closed before the end of the file' };
          if (i > start || record.count > 0) {
            record.endLine = line;
            pushField(buf, fieldStart, i, buf[fieldStart] === QUOTE, record, fieldCol - 1);
            scratch = record.bytes;
            if (!(record.count === 1 && record.ends[0] === 0)) onRecord(record);
          }
          return null;
        }
        // Move the record in progress to the front and read more.
        const shift = refill(start);
        i -= shift;
        fieldStart -= shift;
        start = 0;
        continue;
      }
      const b = buf[i]!;
      if (quoted) {
        if (b === QUOTE) {
          if (i + 1 >= len && !eof) {
            const shift = refill(start);
            i -= shift;
            fieldStart -= shift;
            start = 0;
            continue;
          }
          if (buf[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (b === LF) {
          line++;
          lineStart = i + 1;
        }
        i++;
        continue;
      }
      if (atFieldStart && b === QUOTE) {
        quoted = true;
        atFieldStart = false;
        fieldStart = i;
        i++;
        continue;
      }
      atFieldStart = false;
      if (b === COMMA) {
        pushField(buf, fieldStart, i, fieldStart < len && buf[fieldStart] === QUOTE, record, fieldCol - 1);
        i++;
        fieldStart = i;
        atFieldStart = true;
        fieldLine = line;
        fieldCol = i - lineStart + 1;
        continue;
      }
      if (b === LF || b === CR) {
        const end = i;
        if (b === CR && i + 1 >= len && !eof) {
          const shift = refill(start);
          i -= shift;
          fieldStart -= shift;
          start = 0;
          continue;
        }
        i += b === CR && buf[i + 1] === LF ? 2 : 1;
        const empty = record.count === 0 && end === start;
        if (!empty) {
          record.endLine = line;
          pushField(buf, fieldStart, end, buf[fieldStart] === QUOTE, record, fieldCol - 1);
          scratch = record.bytes;
          if (onRecord(record) === false) return null;
        }
        line++;
        lineStart = i;
        done = true;
        continue;
      }
      i++;
    }
    pos = i;
  }
}

/** The next field of the record at bytes[from, to) of the buffer itself (a plain line's); `rawStart` as CsvRecord.rawStarts. */
function placeField(record: CsvRecord, from: number, to: number, rawStart: number): void {
  const k = nextField(record, rawStart);
  record.starts[k] = from;
  record.ends[k] = to;
}

/** Room for one more field, with its rawStart set; its number. */
function nextField(record: CsvRecord, rawStart: number): number {
  const k = record.count++;
  if (k >= record.starts.length) {
    record.starts = growInt32(record.starts);
    record.ends = growInt32(record.ends);
    record.rawStarts = growInt32(record.rawStarts);
  }
  record.rawStarts[k] = rawStart;
  return k;
}

function pushField(buf: Buffer, start: number, end: number, quoted: boolean, record: CsvRecord, rawStart: number): void {
  let from = start;
  let to = end;
  if (quoted) {
    // From after the opening quote to before the closing one.
    from = start + 1;
    to = end - 1;
    if (end - start < 2 || buf[to] !== QUOTE) record.irregular = true;
    while (to > from && buf[to] !== QUOTE) to--;
  }
  const k = nextField(record, rawStart);
  let at = k === 0 ? 0 : record.ends[k - 1]!;
  if (at + (to - from) > record.bytes.length) {
    const bigger = new Uint8Array(Math.max(record.bytes.length * 2, at + (to - from)));
    bigger.set(record.bytes.subarray(0, at));
    record.bytes = bigger;
  }
  record.starts[k] = at;
  const bytes = record.bytes;
  for (let i = from; i < to; i++) {
    // "" inside a quoted field is one ".
    if (quoted && buf[i] === QUOTE) i++;
    bytes[at++] = buf[i]!;
  }
  record.ends[k] = at;
}

