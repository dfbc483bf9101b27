import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { DiagnosticCollector } from '../diagnostics/diagnostic-bounds.js';
import { parseCsvWithPositions, type CsvRow } from '../util/parse-csv-positions.js';
import { indexCsvHeader } from '../util/index-csv-header.js';
import { didYouMean } from '../util/suggest.js';
import { CODING_FILE_COLUMNS, type Coding } from '../model/coding.js';
import { TEXT_SHA_LENGTH } from '../util/hash.js';
import { appendAll } from '../util/bulk-array.js';

/** A coding with where each of its fields stands in the file, for later diagnostics. */
export interface LocatedCoding {
  coding: Coding;
  at: Partial<Record<(typeof CODING_FILE_COLUMNS)[number], SourceLocation>> & { row: SourceLocation };
  /** The fingerprint of the segment's text the row was coded on; '' when the file has none (then only the id anchors it). */
  text_sha?: string;
}

const TEXT_SHA = new RegExp(`^[0-9a-f]{${TEXT_SHA_LENGTH}}$`);

/** A text_sha cell: '' or 16 lower-case hex digits; anything else is reported and read as ''. */
export function readTextSha(value: string, at: SourceLocation, diagnostics: Diagnostic[]): string {
  const v = value.trim().toLowerCase();
  if (v === '' || TEXT_SHA.test(v)) return v;
  diagnostics.push(diag('QC411', `text_sha '${value.slice(0, 40)}' is not a text fingerprint (${TEXT_SHA_LENGTH} hex digits)`, { at, hint: 'leave text_sha as qcode wrote it, or empty' }));
  return '';
}

const REQUIRED = ['segment_id', 'code'] as const;

/**
 * Reads a coding file in the canonical long layout (CSV, any column order;
 * doc_id, coder, category and memo may be absent). The coder column, when
 * absent or empty, takes `defaultCoder`.
 */
export function parseCodingCsv(text: string, file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const { rows, errors } = parseCsvWithPositions(text);
  const parsed = parseCodingTable(rows, file, defaultCoder);
  return { rows: parsed.rows, diagnostics: [...errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } })), ...parsed.diagnostics] };
}

/** The long layout from rows already split into fields (a CSV's, or a worksheet's), header first. */
export function parseCodingTable(rows: readonly CsvRow[], file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const header = rows[0];
  if (!header) return { rows: [], diagnostics: [...diagnostics, diag('QC406', 'the file is empty: no header row', { at: { file, line: 1, col: 1 } })] };
  const headerCheck = indexCsvHeader(header, { file, code: 'QC406', columns: CODING_FILE_COLUMNS, required: REQUIRED });
  const index = headerCheck.index;
  appendAll(diagnostics, headerCheck.diagnostics);
  if (headerCheck.diagnostics.length > 0) return { rows: [], diagnostics };
  const out: LocatedCoding[] = [];
  // Bounded: a file broken on every row reports 50 rows and stops after 1,000 (QC009).
  const broken = new DiagnosticCollector();
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.fields.length) {
      broken.push(diag('QC411', `row has ${row.fields.length} fields, the header has ${header.fields.length}`, { at: { file, line: row.line, col: 1 } }));
      if (broken.full) {
        broken.push(diag('QC009', `stopped reading after ${broken.errors} rows that do not fit the header: this does not look like a coding file`, { at: { file, line: row.line } }));
        break;
      }
      continue;
    }
    const get = (k: (typeof CODING_FILE_COLUMNS)[number]) => {
      const i = index.get(k);
      return i === undefined ? '' : row.fields[i]!.trim();
    };
    const at: LocatedCoding['at'] = { row: { file, line: row.line, col: 1 } };
    for (const k of CODING_FILE_COLUMNS) {
      const i = index.get(k);
      if (i !== undefined) at[k] = { file, ...row.positions[i]! };
    }
    const memoIndex = index.get('memo');
    out.push({
      text_sha: readTextSha(get('text_sha'), at.text_sha ?? at.row, diagnostics),
      coding: {
        segment_id: get('segment_id'),
        doc_id: get('doc_id'),
        coder: get('coder') || defaultCoder,
        category: get('category'),
        code: get('code'),
        memo: memoIndex === undefined ? '' : row.fields[memoIndex]!,
      },
      at,
    });
  }
  return { rows: out, diagnostics: [...diagnostics, ...broken.list()] };
}

/** The JSONL layout: one object per line with the canonical keys. */
export function parseCodingJsonl(text: string, file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows: LocatedCoding[] = [];
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    if (!lineText.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(lineText);
    } catch (e) {
      diagnostics.push(diag('QC411', `not valid JSON: ${(e as Error).message}`, { at: { file, line, col: 1 } }));
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      diagnostics.push(diag('QC411', 'the line is not a JSON object', { at: { file, line, col: 1 } }));
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!(CODING_FILE_COLUMNS as readonly string[]).includes(k)) {
        diagnostics.push(diag('QC406', `unknown key '${k}'${didYouMean(k, CODING_FILE_COLUMNS)}`, { at: { file, line, col: lineText.indexOf(`"${k}"`) + 1 } }));
      }
    }
    const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : o[k] == null ? '' : String(o[k]));
    const at = { file, line, col: 1 };
    rows.push({
      text_sha: readTextSha(s('text_sha'), at, diagnostics),
      coding: {
        segment_id: s('segment_id').trim(),
        doc_id: s('doc_id').trim(),
        coder: s('coder').trim() || defaultCoder,
        category: s('category').trim(),
        code: s('code').trim(),
        memo: s('memo'),
      },
      at: { row: at },
    });
  });
  return { rows, diagnostics };
}
