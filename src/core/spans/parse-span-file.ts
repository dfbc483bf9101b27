import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { SPAN_COLUMNS, type SpanCoding } from '../model/span-coding.js';
import { parseCsvWithPositions } from '../util/parse-csv-positions.js';
import { indexCsvHeader } from '../util/index-csv-header.js';
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { appendAll } from '../util/bulk-array.js';

export interface LocatedSpan {
  span: SpanCoding;
  at: Partial<Record<(typeof SPAN_COLUMNS)[number], SourceLocation>> & { row: SourceLocation };
  /** The offsets as written, when they are not whole numbers. */
  badOffsets?: string;
}

const REQUIRED = ['doc_id', 'start', 'end', 'code', 'text'] as const;
const WHOLE = /^\d+$/;

/** Reads a span file (`doc_id,start,end,code,text,memo`, any column order; memo optional). */
export function parseSpanCsv(text: string, file: string): { rows: LocatedSpan[]; diagnostics: Diagnostic[] } {
  const { rows, errors } = parseCsvWithPositions(text);
  const diagnostics: Diagnostic[] = errors.map((e) => diag('QC411', e.message, { at: { file, line: e.line, col: e.col } }));
  const header = rows[0];
  if (!header) return { rows: [], diagnostics: [...diagnostics, diag('QC820', 'the file is empty: no header row', { at: { file, line: 1, col: 1 } })] };
  const headerCheck = indexCsvHeader(header, { file, code: 'QC820', columns: SPAN_COLUMNS, required: REQUIRED });
  const index = headerCheck.index;
  appendAll(diagnostics, headerCheck.diagnostics);
  if (headerCheck.diagnostics.length > 0) return { rows: [], diagnostics };
  const out: LocatedSpan[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length === 1 && row.fields[0] === '') continue;
    if (row.fields.length !== header.fields.length) {
      diagnostics.push(diag('QC411', `row has ${row.fields.length} fields, the header has ${header.fields.length}`, { at: { file, line: row.line, col: 1 } }));
      continue;
    }
    const raw = (k: (typeof SPAN_COLUMNS)[number]) => {
      const i = index.get(k);
      return i === undefined ? '' : row.fields[i]!;
    };
    const at: LocatedSpan['at'] = { row: { file, line: row.line, col: 1 } };
    for (const k of SPAN_COLUMNS) {
      const i = index.get(k);
      if (i !== undefined) at[k] = { file, ...row.positions[i]! };
    }
    const start = raw('start').trim();
    const end = raw('end').trim();
    out.push({
      span: { doc_id: raw('doc_id').trim(), start: Number(start), end: Number(end), code: raw('code').trim(), text: raw('text'), memo: raw('memo') },
      at,
      ...(WHOLE.test(start) && WHOLE.test(end) ? {} : { badOffsets: `${start}, ${end}` }),
    });
  }
  return { rows: out, diagnostics };
}
