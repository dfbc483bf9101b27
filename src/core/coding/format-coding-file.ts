import { formatCsvHeader, formatCsvRows } from '../format/format-csv.js';
import { formatRecordsCsv, formatRecordsJsonl } from '../format/format-records.js';
import type { Codebook } from '../model/codebook.js';
import { CODING_FILE_COLUMNS, type Coding, type CodingRow } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import { computeTextSha } from '../util/hash.js';
import { sortCodings } from './sort-codings.js';
import type { CodingTable } from './coding-table.js';

/** The canonical coding CSV: header, LF line ends, quoted only where needed. Sort first. */
export function formatCodingCsv(rows: readonly CodingRow[]): string {
  return formatRecordsCsv(CODING_FILE_COLUMNS, rows);
}

export function formatCodingJsonl(rows: readonly CodingRow[]): string {
  return formatRecordsJsonl(CODING_FILE_COLUMNS, rows);
}

/**
 * Codings as file rows, each with the fingerprint of its segment's current
 * text. Only codings already checked against these segments (readCodingFile,
 * validateCodings) may come here: they are on the text the coder saw.
 */
export function stampTextSha(codings: readonly Coding[], segments: readonly Segment[]): CodingRow[] {
  const textById = new Map(segments.map((s) => [s.segment_id, s.text]));
  const shaById = new Map<string, string>();
  return codings.map((c) => {
    let sha = shaById.get(c.segment_id);
    if (sha === undefined) {
      const text = textById.get(c.segment_id);
      sha = text === undefined ? '' : computeTextSha(text);
      shaById.set(c.segment_id, sha);
    }
    return { ...c, text_sha: sha };
  });
}

/** A canonical coding file's content, sorted: JSON Lines for a `.jsonl` file name, else CSV. */
export function formatCodingFile(fileName: string, codings: readonly Coding[], codebook: Codebook, segments: readonly Segment[]): string {
  const rows = stampTextSha(sortCodings(codings, codebook, segments), segments);
  return fileName.toLowerCase().endsWith('.jsonl') ? formatCodingJsonl(rows) : formatCodingCsv(rows);
}

/** The start of a coding file (the CSV header; nothing for JSON Lines), for a writer that streams its rows. */
export function formatCodingFileHead(fileName: string): string {
  return fileName.toLowerCase().endsWith('.jsonl') ? '' : formatCsvHeader(CODING_FILE_COLUMNS);
}

/** Rows of a coding file, already in canonical order and stamped with their text_sha, as formatCodingFile writes them. */
export function formatCodingFileRows(fileName: string, rows: readonly CodingRow[]): string {
  if (fileName.toLowerCase().endsWith('.jsonl')) return formatCodingJsonl(rows);
  return formatCsvRows(rows.map((r) => CODING_FILE_COLUMNS.map((k) => r[k])));
}

/** Rows a piece of a streamed coding file holds: a file of millions of rows is never one string. */
const PIECE_ROWS = 1000;

/** A CodingTable as a coding file, in pieces (head first): the bytes formatCodingFile writes for the same codings. */
export function* formatCodingTablePieces(fileName: string, table: CodingTable): Generator<string> {
  yield formatCodingFileHead(fileName);
  const t = table.segments;
  const rows: CodingRow[] = [];
  for (let r = 0; r < table.length; r++) {
    const n = table.segment(r);
    rows.push({ segment_id: t.segmentId(n), doc_id: t.docId(n), coder: table.coder, category: table.categoryId(r), code: table.codeId(r), memo: table.memo(r), text_sha: t.textSha(n) });
    if (rows.length === PIECE_ROWS) yield formatCodingFileRows(fileName, rows.splice(0));
  }
  if (rows.length > 0) yield formatCodingFileRows(fileName, rows);
}
