import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { parseCsvWithPositions } from '../util/parse-csv-positions.js';
import { indexCsvHeader } from '../util/index-csv-header.js';
import { didYouMean } from '../util/suggest.js';
import { CODING_COLUMNS, type Coding } from '../model/coding.js';

/** A coding with where each of its fields stands in the file, for later diagnostics. */
export interface LocatedCoding {
  coding: Coding;
  at: Partial<Record<(typeof CODING_COLUMNS)[number], SourceLocation>> & { row: SourceLocation };
}

const REQUIRED = ['segment_id', 'code'] as const;

/**
 * Reads a coding file in the canonical long layout (CSV, any column order;
 * doc_id, coder, category and memo may be absent). The coder column, when
 * absent or empty, takes `defaultCoder`.
 */
export function parseCodingCsv(text: string, file: string, defaultCoder: string): { rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const { rows, errors } = parseCsvWithPositions(text);
  const diagnostics: Diagnostic[] = errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } }));
  const header = rows[0];
  if (!header) return { rows: [], diagnostics: [...diagnostics, diag('QC406', 'the file is empty: no header row', { at: { file, line: 1, col: 1 } })] };
  const headerCheck = indexCsvHeader(header, { file, code: 'QC406', columns: CODING_COLUMNS, required: REQUIRED });
  const index = headerCheck.index;
  diagnostics.push(...headerCheck.diagnostics);
  if (headerCheck.diagnostics.length > 0) return { rows: [], diagnostics };
  const out: LocatedCoding[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.fields.length) {
      diagnostics.push(
        diag('QC411', `row has ${row.fields.length} fields, the header has ${header.fields.length}`, { at: { file, line: row.line, col: 1 } }),
      );
      continue;
    }
    const get = (k: (typeof CODING_COLUMNS)[number]) => {
      const i = index.get(k);
      return i === undefined ? '' : row.fields[i]!.trim();
    };
    const at: LocatedCoding['at'] = { row: { file, line: row.line, col: 1 } };
    for (const k of CODING_COLUMNS) {
      const i = index.get(k);
      if (i !== undefined) at[k] = { file, ...row.positions[i]! };
    }
    const memoIndex = index.get('memo');
    out.push({
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
  return { rows: out, diagnostics };
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
      if (!(CODING_COLUMNS as readonly string[]).includes(k)) {
        diagnostics.push(diag('QC406', `unknown key '${k}'${didYouMean(k, CODING_COLUMNS)}`, { at: { file, line, col: lineText.indexOf(`"${k}"`) + 1 } }));
      }
    }
    const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : o[k] == null ? '' : String(o[k]));
    const at = { file, line, col: 1 };
    rows.push({
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
