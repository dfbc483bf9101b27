import type { Codebook, CodeRef } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import { metadataString, type Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { formatCsv } from '../format/format-csv.js';
import type { Workbook, WorkbookCell } from '../format/workbook.js';
import { computeTextSha } from '../util/hash.js';
import { SHEET_MARKS } from './sheet-values.js';

/**
 * Columns of a `qcode sheet` besides segment_id, the codes and memo; `import`
 * reads segment_id, text_sha, the codes and memo, and passes over the rest
 * (and over `stratum`, `label` and `index`, which other sheets carry).
 */
export const SHEET_EXTRA_COLUMNS: readonly string[] = ['doc_id', 'text_sha', 'context_before', 'text', 'context_after', 'stratum', 'label', 'index'];

/** A code's header label: its category's label and its own. */
export function codeLabel(ref: CodeRef): string {
  return `${ref.category.label}: ${ref.code.label}`;
}

/** A segment of the sheet: its text, its neighbours' in its document (context), its document's metadata. */
export interface SheetSegment {
  segment_id: string;
  doc_id: string;
  text: string;
  before: string;
  after: string;
  metadata: Readonly<Record<string, string>>;
}

export interface CodingSheetInput {
  codebook: Codebook;
  /** The segments to code, in corpus order (sheetSegmentsOf). */
  segments: readonly SheetSegment[];
  /** Metadata keys to show as columns. */
  withKeys: readonly string[];
  context: boolean;
}

/** The sheet's segments among one document's (all of them, in order, for the context): those at `picked`, indexes into `segments`. */
export function sheetSegmentsOf(doc: Pick<Document, 'metadata'>, segments: readonly Segment[], picked: readonly number[]): SheetSegment[] {
  return picked.map((i) => {
    const s = segments[i]!;
    return { segment_id: s.segment_id, doc_id: s.doc_id, text: s.text, before: segments[i - 1]?.text ?? '', after: segments[i + 1]?.text ?? '', metadata: doc.metadata };
  });
}

/** The coding table: header, the label row under it, one row per segment; where the code columns are. */
export interface CodingSheet {
  header: string[];
  labels: string[];
  rows: string[][];
  /** 0-based index of the first code column; the codes follow in codebook order. */
  firstCode: number;
  codeCount: number;
}

/** Problems with `--with`: a key no document has, or one whose name is already a column. */
export function checkSheetKeys(keys: readonly string[], codebook: Codebook, metadataKeys: readonly string[]): Diagnostic[] {
  const taken = new Set(['segment_id', 'memo', ...SHEET_EXTRA_COLUMNS, ...listCodes(codebook).map((r) => r.code.id)]);
  return keys.flatMap((k) => {
    if (!metadataKeys.includes(k)) return [diag('QC701', `no document has the metadata key '${k}'; keys: ${metadataKeys.join(', ') || '(none)'}`)];
    if (taken.has(k)) return [diag('QC001', `option --with: '${k}' is already a column of the sheet (a code id or one of qcode's)`)];
    return [];
  });
}

/**
 * A coder's blank sheet: segment id, document, the text's fingerprint, the
 * text (with the segments before and after it in its document as context),
 * chosen metadata, one empty column per code in codebook order and a memo.
 * Blind: no coder's codes, no auto-codes.
 */
export function computeCodingSheet(input: CodingSheetInput): CodingSheet {
  const refs = listCodes(input.codebook);
  const lead = ['segment_id', 'doc_id', 'text_sha', ...(input.context ? ['context_before', 'text', 'context_after'] : ['text']), ...input.withKeys];
  const rows = input.segments.map((s) => {
    const text = input.context ? [s.before, s.text, s.after] : [s.text];
    return [s.segment_id, s.doc_id, computeTextSha(s.text), ...text, ...input.withKeys.map((k) => metadataString(s, k)), ...refs.map(() => ''), ''];
  });
  return {
    header: [...lead, ...refs.map((r) => r.code.id), 'memo'],
    labels: [...lead.map(() => ''), ...refs.map(codeLabel), 'notes (optional)'],
    rows,
    firstCode: lead.length,
    codeCount: refs.length,
  };
}

/** The sheet as CSV: header, label row, rows (a UTF-8 BOM so spreadsheets read it as UTF-8). */
export function formatCodingSheetCsv(sheet: CodingSheet): string {
  return formatCsv(sheet.header, [sheet.labels, ...sheet.rows], { excel: true });
}

const INSTRUCTIONS = (coder: string) => [
  `Coding sheet of ${coder}, written by qcode sheet.`,
  'Each row of the coding sheet is one segment: read its text (with the text before and after it for context).',
  "For each code, write 1 (or x) in the code's column if the code applies to the segment; leave the cell empty (or 0) if it does not.",
  'The second row gives each code its category and label; the codebook sheet has the definitions, rules and examples.',
  'A row with no code marked counts as coded: "reviewed, no code applies". Delete the rows of segments you did not code.',
  'Do not change segment_id or text_sha: they tie your codings to the text you read. Add notes in the memo column.',
  'Save as .xlsx (or CSV) and hand it back; it is read in with: qcode import FILE --coder ' + coder,
];

/** The workbook: the coding sheet (frozen header, wrapped text, a drop-down on every code cell), the codebook, instructions. */
export function computeCodingWorkbook(sheet: CodingSheet, codebook: Codebook, coder: string): Workbook {
  const lastRow = sheet.rows.length + 2;
  const textColumns = new Set(['text', 'context_before', 'context_after']);
  const bullets = (items: readonly string[]) => items.map((x) => `• ${x}`).join('\n');
  return {
    sheets: [
      {
        name: 'coding',
        columns: sheet.header.map((h, i) => ({
          header: h,
          width: textColumns.has(h) ? (h === 'text' ? 60 : 35) : i >= sheet.firstCode ? 12 : h === 'text_sha' ? 18 : undefined,
          wrap: textColumns.has(h) || h === 'memo' || (i >= sheet.firstCode && i < sheet.firstCode + sheet.codeCount),
          hidden: h === 'text_sha',
        })),
        // Empty cells are left out of the workbook rather than written as empty text.
        rows: [sheet.labels, ...sheet.rows].map((r) => r.map((v): WorkbookCell => (v === '' ? null : v))),
        freeze: { rows: 2, columns: 1 },
        validations: [
          {
            firstRow: 3,
            lastRow,
            firstColumn: sheet.firstCode + 1,
            lastColumn: sheet.firstCode + sheet.codeCount,
            list: SHEET_MARKS,
            prompt: '1 or x: the code applies; empty or 0: it does not',
            warnOnly: true,
          },
        ],
      },
      {
        name: 'codebook',
        columns: ['category', 'code', 'label', 'definition', 'include', 'exclude', 'examples', 'counterexamples'].map((h) => ({
          header: h,
          width: ['category', 'code', 'label'].includes(h) ? 18 : 40,
          wrap: true,
        })),
        rows: listCodes(codebook).map(({ code, category }) => [
          category.label,
          code.id,
          code.label,
          code.definition,
          bullets(code.include),
          bullets(code.exclude),
          bullets(code.examples),
          bullets(code.counterexamples),
        ]),
        freeze: { rows: 1, columns: 0 },
      },
      { name: 'instructions', columns: [{ header: 'How to fill in the coding sheet', width: 110, wrap: true }], rows: INSTRUCTIONS(coder).map((l) => [l]) },
    ],
  };
}
