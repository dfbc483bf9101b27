import type { CodingTable } from '../coding/coding-table.js';
import { commonSegments, compareCodes } from '../coding/pair-coding-tables.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { Column } from '../format/table.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { ChunkedUint32 } from '../util/chunked-uint32.js';
import type { DisagreementRow } from './compute-disagreements.js';
import {
  codeLabels,
  formatDisagreementsCsvHeader,
  disagreementHtmlColumns,
  formatDisagreementsCsvRows,
  formatDisagreementsHtmlRows,
  formatDisagreementsMdHead,
  formatDisagreementsMdSegment,
  type DisagreementsSummary,
} from './format-disagreements.js';

/** Where two coders differ, as numbers: row i is segment `segment.get(i)`, code number `code.get(i)`, applied by coder a (`a.get(i)` 1) or b (0). */
export interface DisagreementIds extends DisagreementsSummary {
  coders: [string, string];
  segment: ChunkedUint32;
  code: ChunkedUint32;
  a: ChunkedUint32;
  diagnostics: Diagnostic[];
}

/**
 * computeDisagreements over two CodingTables of one SegmentTable: the
 * segments both reviewed, walked together in corpus order, and for each the
 * codes only one coder applied, in codebook order (rows hold code numbers in
 * that order). No text and no string per row: the text is added when the
 * rows are written (DisagreementsWriter).
 */
export function computeDisagreementIds(ta: CodingTable, tb: CodingTable): DisagreementIds {
  const out = { segment: new ChunkedUint32(), code: new ChunkedUint32(), a: new ChunkedUint32() };
  let common = 0;
  let agreedSegments = 0;
  let segmentsWith = 0;
  for (const s of commonSegments(ta, tb)) {
    common++;
    const before = out.segment.length;
    compareCodes(ta, tb, s, (k, inA, inB) => {
      if (inA === inB) return;
      out.segment.push(s.n);
      out.code.push(k);
      out.a.push(inA ? 1 : 0);
    });
    if (out.segment.length === before) agreedSegments++;
    else segmentsWith++;
  }
  const diagnostics = common === 0 ? [warn('QC512', `${ta.coder} and ${tb.coder} have no reviewed segment in common`)] : [];
  return { coders: [ta.coder, tb.coder], common, agreedSegments, segmentsWith, rows: out.segment.length, ...out, diagnostics };
}

/**
 * The disagreements file (CSV or Markdown) a document at a time, in corpus
 * order, with the segments' text handed over by a pass over the corpus: the
 * bytes formatDisagreementsCsv and formatDisagreementsMd give; or (html) the
 * rows of the study report's disagreements table, between its head and tail.
 */
export class DisagreementsWriter {
  private readonly codes: { id: string; category: string; definition: string }[];
  private readonly labels: Map<string, string>;
  private readonly segments: SegmentTable;
  private r = 0;

  constructor(
    private readonly ids: DisagreementIds,
    segments: SegmentTable,
    codebook: Codebook,
    private readonly format: 'csv' | 'md' | 'html',
  ) {
    this.segments = segments;
    this.codes = listCodes(codebook).map((r) => ({ id: r.code.id, category: r.category.id, definition: r.code.definition }));
    this.labels = codeLabels(codebook);
  }

  head(): string {
    if (this.format === 'html') return '';
    return this.format === 'csv' ? formatDisagreementsCsvHeader(this.ids.coders) : formatDisagreementsMdHead(this.ids);
  }

  /** Whether document d has rows (asked in corpus order). */
  hasRows(d: number): boolean {
    return this.r < this.ids.rows && this.ids.segment.get(this.r) < this.segments.segmentsOf(d).to;
  }

  /** Whether every row is written. */
  get done(): boolean {
    return this.r >= this.ids.rows;
  }

  documentRows(d: number, text: (n: number) => string): string {
    const { to } = this.segments.segmentsOf(d);
    const ids = this.ids;
    const parts: string[] = [];
    while (this.r < ids.rows && ids.segment.get(this.r) < to) {
      const n = ids.segment.get(this.r);
      const t = text(n);
      const segmentId = this.segments.segmentId(n);
      const docId = this.segments.docId(n);
      const rows: DisagreementRow[] = [];
      for (; this.r < ids.rows && ids.segment.get(this.r) === n; this.r++) {
        const code = this.codes[ids.code.get(this.r) - 1]!;
        const a = ids.a.get(this.r) as 0 | 1;
        rows.push({ segment_id: segmentId, doc_id: docId, category: code.category, code: code.id, a, b: a === 1 ? 0 : 1, text: t, definition: code.definition });
      }
      parts.push(this.formatRows(rows));
    }
    return parts.join('');
  }

  private formatRows(rows: DisagreementRow[]): string {
    if (this.format === 'csv') return formatDisagreementsCsvRows(rows);
    if (this.format === 'md') return formatDisagreementsMdSegment(this.ids.coders, rows, this.labels);
    return formatDisagreementsHtmlRows((this.htmlColumns ??= disagreementHtmlColumns(this.ids.coders)), rows);
  }

  private htmlColumns: Column[] | undefined;

  tail(): string {
    return this.format === 'md' ? '\n' : '';
  }
}
