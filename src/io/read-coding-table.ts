import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { CodingTableBuilder, type CodingTable } from '../core/coding/coding-table.js';
import { CodingRecordParser, csvRowRecord, parseCodingJsonlLine, type CodingColumn, type CodingRecord, type CodingRowFields } from '../core/coding/parse-coding-file.js';
import { utf8Extra, type PlainRecord } from '../core/coding/plain-coding-rows.js';
import { findInvalidUtf8 } from '../core/corpus/normalize-text.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { Codebook } from '../core/model/codebook.js';
import type { SegmentTable } from '../core/segment/segment-table.js';
import { parseCsvWithPositions } from '../core/util/parse-csv-positions.js';
import { checkCodingFileOrigin, openCodingFile, type CodingFileStudy } from './coding-file.js';
import { readCsvRecords, type CsvRecord } from './csv-byte-reader.js';
import { incompleteTail, invalidUtf8 } from './normalised-text.js';
import { readTextFile } from './read-text-file.js';
import { appendAll } from '../core/util/bulk-array.js';

export interface ReadCodingTableOptions {
  codebook: Codebook;
  segments: SegmentTable;
  /** The coder the file belongs to; default: the file name without extension. */
  coder?: string | undefined;
  /** For the checks of the file's origin (output set, manifest): the study it is read with. */
  study?: CodingFileStudy;
  display?: (p: string) => string;
  /** The table will be read by worker threads: its columns in shared memory from the start (no copy then). */
  shared?: boolean;
}

const CHUNK = 1 << 20;

/**
 * Reads a coding file (.csv, or .jsonl by extension) into a CodingTable by
 * streaming it: what readCodingFile does, with the same diagnostics, but in
 * memory that grows by a few bytes a row, not an object a row. A CSV goes
 * through the byte reader (csv-byte-reader.ts); a file the byte reader
 * cannot place cell by cell (a quoted cell over several lines, text after a
 * closing quote, an unclosed quote) is read whole by the in-memory parser
 * instead, so positions in messages stay exact.
 */
export async function readCodingTable(file: string, options: ReadCodingTableOptions): Promise<{ codings: CodingTable; diagnostics: Diagnostic[] }> {
  const { shown, coder, fix } = await openCodingFile(file, options);
  const attempt = async (grouped: boolean) => {
    let table = new CodingTableBuilder(options.codebook, options.segments, coder, fix, { grouped, shared: options.shared === true });
    const diagnostics = await forEachCodingRow(file, shown, coder, () => {
      table = new CodingTableBuilder(options.codebook, options.segments, coder, fix, { grouped, shared: options.shared === true });
      const take: RowTake = (row) => {
        table.add(row);
        return !table.outOfOrder;
      };
      take.plain = (columns, fields) => {
        const rows = table.plainRows(shown, columns, fields);
        return (r) => (rows.take(r) ? !table.outOfOrder : null);
      };
      return take;
    });
    return { table, diagnostics };
  };
  // Rows a segment at a time (as qcode writes them) are settled as they come; any other order is read again and sorted.
  let read = await attempt(true);
  if (read.table.outOfOrder) read = await attempt(false);
  const checked = read.table.finish();
  const diagnostics = [...read.diagnostics, ...checked.diagnostics];
  if (options.study) appendAll(diagnostics, await checkCodingFileOrigin(file, options.study, options.display));
  return { codings: checked.codings, diagnostics };
}

/**
 * What a reading hands each row to, parsed; it says whether to go on.
 * `plain`, when there, is asked once the header is read for a taker of the
 * rows it can check from their bytes (PlainCodingRows): null for a row it
 * declines, which is then parsed and handed over as any other.
 */
type RowTake = ((row: CodingRowFields) => boolean) & {
  plain?: (columns: ReadonlyMap<CodingColumn, number>, fields: number) => (record: PlainRecord) => boolean | null;
};

/**
 * Streams a coding file's rows as written (parsed, not checked against the
 * segments) to the taker `begin` makes, which says whether to go on; the
 * file's problems are returned. `begin` is called again when a CSV must be
 * read whole after all (see readCodingTable): what the first taker heard is
 * to be dropped.
 */
export async function forEachCodingRow(file: string, shown: string, coder: string, begin: () => RowTake): Promise<Diagnostic[]> {
  if (file.toLowerCase().endsWith('.jsonl')) {
    checkUtf8(file, shown);
    return readJsonl(file, shown, coder, begin());
  }
  // The streamed CSV is checked as it is read (a pass of its own cost a tenth of the reading); checkUtf8 then words
  // what stopped it (the bad byte's offset and line, or the file that cannot be read) before the in-memory parser is tried.
  let streamed: Diagnostic[] | null;
  try {
    streamed = streamCsv(file, shown, coder, begin());
  } catch (e) {
    if (!(e instanceof QcodeError)) checkUtf8(file, shown);
    throw e;
  }
  if (streamed) return streamed;
  checkUtf8(file, shown);
  return wholeCsv(file, shown, coder, begin());
}

/** A file's bytes must be UTF-8, as readTextFile demands before parsing: the same QC302 (offset, line), else QC003. */
function checkUtf8(file: string, shown: string): void {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new QcodeError([diag('QC003', `cannot read ${shown}: ${(e as Error).message}`, { at: { file: shown } })]);
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK + 3);
    let held = 0;
    let offset = 0;
    let lines = 1;
    for (;;) {
      const got = readSync(fd, buf, held, CHUNK, null);
      const filled = held + got;
      const end = got === 0 ? filled : filled - incompleteTail(buf.subarray(0, filled));
      const whole = buf.subarray(0, end);
      if (!isUtf8(whole)) {
        const bad = findInvalidUtf8(whole);
        for (let i = 0; i < bad; i++) if (whole[i] === 0x0a) lines++;
        throw new QcodeError([invalidUtf8(shown, whole[bad]!, offset + bad, lines)]);
      }
      if (got === 0) return;
      for (let i = whole.indexOf(0x0a); i >= 0; i = whole.indexOf(0x0a, i + 1)) lines++;
      offset += end;
      buf.copyWithin(0, end, filled);
      held = filled - end;
    }
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
let view: Buffer = Buffer.alloc(0);

/** A byte reader's record as a CodingRecord: fields decoded when asked, columns in UTF-16 units as the in-memory parser counts them. */
function byteRecord(r: CsvRecord): CodingRecord {
  // A Buffer over the record's bytes: its utf8 slices cost far less than a TextDecoder call per cell.
  if (view.buffer !== r.bytes.buffer) view = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  const bytes = view;
  const field = (i: number) => bytes.toString('utf8', r.starts[i]!, r.ends[i]!);
  return {
    count: r.count,
    line: r.line,
    field,
    position(i) {
      // The raw cells before field i differ from their bytes only by quotes (ASCII): count what UTF-8 adds over UTF-16.
      let extra = 0;
      for (let j = 0; j < i; j++) extra += utf8Extra(r.bytes, r.starts[j]!, r.ends[j]!);
      return { line: r.line, col: r.rawStarts[i]! - extra + 1 };
    },
  };
}

/** Streams a CSV coding file; null when it needs the in-memory parser (see readCodingTable). */
function streamCsv(file: string, shown: string, coder: string, take: RowTake): Diagnostic[] | null {
  const parser = new CodingRecordParser(shown, coder);
  let fallback = false;
  let plain: ((record: PlainRecord) => boolean | null) | null = null;
  const error = readCsvRecords(file, (r) => {
    if (r.irregular || r.endLine !== r.line) {
      fallback = true;
      return false;
    }
    // A record of one empty cell is a blank line to the in-memory parser.
    if (r.count === 1 && r.ends[0] === r.starts[0]) return true;
    const go = plain?.(r) ?? null;
    if (go !== null) return go;
    const row = parser.take(byteRecord(r));
    if (!plain && take.plain && parser.layout) plain = take.plain(parser.layout.columns, parser.layout.fields);
    return !parser.stopped && (row ? take(row) : true);
  }, { utf8: true });
  if (fallback || error) return null;
  return parser.finish();
}

/** The whole file through the in-memory parser, rows fed to the same checks. */
async function wholeCsv(file: string, shown: string, coder: string, take: (row: CodingRowFields) => boolean): Promise<Diagnostic[]> {
  const { rows, errors } = parseCsvWithPositions(await readTextFile(file, shown));
  const parser = new CodingRecordParser(shown, coder);
  for (const r of rows) {
    const row = parser.take(csvRowRecord(r));
    const go = row ? take(row) : true;
    if (parser.stopped || !go) break;
  }
  return [...errors.map((e) => diag('QC411', e.message, { at: { file: shown, line: e.line, col: e.col } })), ...parser.finish()];
}

/** A JSONL coding file line by line (lines split at LF only, as the in-memory reader splits them). */
function readJsonl(file: string, shown: string, coder: string, visit: (row: CodingRowFields) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fd = openSync(file, 'r');
  let buf = Buffer.allocUnsafe(CHUNK);
  let held = 0;
  let line = 0;
  const take = (from: number, to: number) => {
    const row = parseCodingJsonlLine(decoder.decode(buf.subarray(from, to)), { file: shown, line: ++line }, coder, diagnostics);
    if (row) visit(row);
  };
  try {
    for (;;) {
      if (held === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, held);
        buf = bigger;
      }
      const got = readSync(fd, buf, held, buf.length - held, null);
      const filled = held + got;
      let from = 0;
      for (let nl = buf.indexOf(0x0a, 0); nl >= 0 && nl < filled; nl = buf.indexOf(0x0a, from)) {
        take(from, nl);
        from = nl + 1;
      }
      if (got === 0) {
        take(from, filled);
        break;
      }
      buf.copy(buf, 0, from, filled);
      held = filled - from;
    }
  } finally {
    closeSync(fd);
  }
  return diagnostics;
}
