import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { Document } from '../model/document.js';
import { normalizeMetadataValue, normalizeText } from './normalize-text.js';
import { appendAll } from '../util/bulk-array.js';

export interface ColumnNames {
  idColumn: string;
  textColumn: string;
}

export const DEFAULT_COLUMNS: ColumnNames = { idColumn: 'id', textColumn: 'text' };

/** A row (CSV record or JSONL object) as a Document; the id and text columns are mapped, the rest is metadata. */
export function rowToDocument(
  row: Record<string, unknown>,
  columns: ColumnNames,
  source: { file: string; line: number },
): Document {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === columns.idColumn || k === columns.textColumn) continue;
    metadata[k] = normalizeMetadataValue(v);
  }
  return {
    id: normalizeMetadataValue(row[columns.idColumn]),
    text: normalizeText(String(row[columns.textColumn] ?? '')),
    metadata,
    source,
  };
}

/** QC306 for each of the id and text columns not among `present` (a CSV header, a JSONL object's keys). */
export function missingColumns(present: string[], columns: ColumnNames, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [flag, name] of [
    ['--id-column', columns.idColumn],
    ['--text-column', columns.textColumn],
  ] as const) {
    if (!present.includes(name)) {
      out.push(
        diag('QC306', `no '${name}' column (columns: ${present.join(', ') || 'none'})`, { at: { file, line: 1, col: 1 }, hint: `map another column with ${flag}` }),
      );
    }
  }
  return out;
}

/** One CSV file, a document per row. Rows with a wrong field count are each reported with their line. */
export function parseCsvCorpus(text: string, file: string, columns: ColumnNames = DEFAULT_COLUMNS): { documents: Document[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalizeText(text), { info: true, relax_column_count: true, skip_empty_lines: true }) as never;
  } catch (e) {
    const err = e as { message: string; lines?: number };
    return { documents: [], diagnostics: [diag('QC305', err.message.replace(/^Invalid .*?: /, ''), { at: { file, line: err.lines ?? 1 } })] };
  }
  const header = records[0]?.record ?? [];
  const headerDiagnostics = missingColumns(header, columns, file);
  if (headerDiagnostics.length) return { documents: [], diagnostics: headerDiagnostics };
  const documents: Document[] = [];
  let prevEnd = records[0]?.info.lines ?? 1;
  for (const { record, info } of records.slice(1)) {
    const line = prevEnd + 1;
    prevEnd = info.lines;
    const row = parseCsvRecord(header, record, { file, line }, columns);
    if (row.document) documents.push(row.document);
    else diagnostics.push(row.diagnostic);
  }
  return { documents, diagnostics };
}

/**
 * One CSV record after the header as a Document, or the QC305 of a wrong
 * field count: the in-memory and the streamed readers both call it.
 */
export function parseCsvRecord(
  header: readonly string[],
  record: readonly string[],
  at: { file: string; line: number },
  columns: ColumnNames,
): { document: Document; diagnostic?: undefined } | { document?: undefined; diagnostic: Diagnostic } {
  if (record.length !== header.length) {
    return { diagnostic: diag('QC305', `row has ${record.length} fields, the header has ${header.length}`, { at }) };
  }
  const row: Record<string, string> = {};
  header.forEach((h, i) => (row[h] = record[i]!));
  return { document: rowToDocument(row, columns, at) };
}

/** One JSONL file, a JSON object per line. Blank lines are allowed. */
export function parseJsonlCorpus(text: string, file: string, columns: ColumnNames = DEFAULT_COLUMNS): { documents: Document[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const documents: Document[] = [];
  const lines = normalizeText(text).split('\n');
  lines.forEach((lineText, i) => {
    const parsed = parseJsonlLine(lineText, { file, line: i + 1 }, columns);
    if (parsed.document) documents.push(parsed.document);
    appendAll(diagnostics, parsed.diagnostics);
  });
  return { documents, diagnostics };
}

/**
 * One line of a JSONL corpus (already normalised) as a Document, or what
 * keeps it out; a blank line is neither. The in-memory and the streamed
 * readers both call it.
 */
export function parseJsonlLine(lineText: string, at: { file: string; line: number }, columns: ColumnNames): { document?: Document; diagnostics: Diagnostic[] } {
  if (lineText.trim() === '') return { diagnostics: [] };
  let value: unknown;
  try {
    value = JSON.parse(lineText);
  } catch (e) {
    return { diagnostics: [diag('QC307', `not valid JSON: ${(e as Error).message}`, { at })] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [diag('QC307', 'the line is not a JSON object', { at })] };
  }
  const row = value as Record<string, unknown>;
  const missing = missingColumns(Object.keys(row), columns, at.file).map((d) => ({ ...d, location: { ...at } }));
  // orderCorpusDiagnostics keeps the first line per column: a misnamed column would otherwise flood the output.
  if (missing.length) return { diagnostics: missing };
  return { document: rowToDocument(row, columns, at), diagnostics: [] };
}
