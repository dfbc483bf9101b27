import type { CodingTable } from '../coding/coding-table.js';
import type { WorkbookCell, WorkbookSheet } from '../format/workbook.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { longExportColumns, wideExportColumns, wideExportRow, type MetadataColumn } from './export-tables.js';
import { ColumnKindTally, exportSheetHead, typedCell, type ColumnKind } from './export-workbook.js';
import { listMetadataKeys } from './group-key.js';

/**
 * Longer than any number or date as text (a double prints in at most some 25
 * characters, a date in 10): a text column holding such a segment is text.
 */
const SURELY_TEXT = 32;

/** A sheet of the export workbook: its head, its columns' kinds and its last row (the header is row 1). */
export interface ExportSheetPlan {
  head: Omit<WorkbookSheet, 'rows'>;
  kinds: ColumnKind[];
  lastRow: number;
}

/**
 * The rows of computeExportWorkbook from one coder's CodingTable, made a
 * document at a time for a streamed workbook: the same cells, typed the same
 * way (each column's kind from all its values, as typedRows decides it).
 * The kinds are tallied from the tables first; the text column's only when
 * every segment with a row is short enough to be a number or a date, from
 * the texts (`tallyTexts`, a pass over those segments before the rows).
 */
export class ExportWorkbookRows {
  readonly long: ExportSheetPlan;
  readonly wide: ExportSheetPlan;
  /** Whether the text column's kind waits on the texts (tallyTexts for each document with rows, then settleText). */
  readonly needsTexts: boolean;
  private readonly segments: SegmentTable;
  private readonly codeIds: string[];
  private readonly longMeta: MetadataColumn[];
  private readonly wideMeta: MetadataColumn[];
  private textTally = new ColumnKindTally();
  /** The next coding row of the long sheet. */
  private r = 0;

  constructor(
    private readonly codings: CodingTable,
    codebook: Codebook,
  ) {
    const t = (this.segments = codings.segments);
    this.codeIds = listCodes(codebook).map((row) => row.code.id);
    const keys = listMetadataKeys(t.documents);
    const long = longExportColumns(keys);
    const wide = wideExportColumns(keys, this.codeIds);
    this.longMeta = long.meta;
    this.wideMeta = wide.meta;
    const longTally = long.header.map(() => new ColumnKindTally());
    const wideTally = wide.header.map(() => new ColumnKindTally());
    const m = this.longMeta.length;
    let lastDoc = -1;
    let short = true;
    for (let r = 0; r < codings.length; ) {
      const n = codings.segment(r);
      const end = codings.segmentEnd(r);
      const d = t.doc(n);
      const id = t.segmentId(n);
      longTally[0]!.add(id);
      wideTally[0]!.add(id);
      wideTally[2]!.add(t.index(n));
      if (d !== lastDoc) {
        lastDoc = d;
        const doc = t.documents[d]!;
        longTally[1]!.add(doc.id);
        wideTally[1]!.add(doc.id);
        for (let k = 0; k < m; k++) {
          longTally[6 + k]!.add(doc.metadata[this.longMeta[k]!.key] ?? '');
          wideTally[3 + k]!.add(doc.metadata[this.wideMeta[k]!.key] ?? '');
        }
      }
      if (t.end(n) - t.start(n) > SURELY_TEXT) short = false;
      for (; r < end; r++) {
        longTally[2]!.add(codings.coder);
        longTally[3]!.add(codings.categoryId(r));
        longTally[4]!.add(codings.codeId(r));
        longTally[5]!.add(codings.memo(r));
      }
    }
    for (let c = 0; c < this.codeIds.length; c++) wideTally[3 + m + c]!.add(0);
    this.needsTexts = short && codings.length > 0;
    if (!short) this.textTally.add('not a number');
    this.long = { head: exportSheetHead('long', long.header), kinds: longTally.map((k) => k.kind), lastRow: codings.length + 1 };
    this.wide = { head: exportSheetHead('wide', wide.header), kinds: wideTally.map((k) => k.kind), lastRow: codings.reviewed + 1 };
    this.long.kinds[this.long.kinds.length - 1] = this.textTally.kind;
  }

  /** The texts of document d's segments with a row, for the text column's kind (when needsTexts, in corpus order, before the rows). */
  tallyTexts(d: number, text: (n: number) => string): void {
    const { codings } = this;
    const { to } = this.segments.segmentsOf(d);
    while (this.r < codings.length && codings.segment(this.r) < to) {
      this.textTally.add(text(codings.segment(this.r)));
      this.r = codings.segmentEnd(this.r);
    }
  }

  /** The text column's kind, once every text is tallied; the rows start again from the first. */
  settleText(): void {
    this.long.kinds[this.long.kinds.length - 1] = this.textTally.kind;
    this.r = 0;
  }

  /** Whether document d has rows in the long sheet (asked in corpus order). */
  hasRows(d: number): boolean {
    return this.r < this.codings.length && this.codings.segment(this.r) < this.segments.segmentsOf(d).to;
  }

  /** The long sheet's rows of document d; `text` gives its segment n's text. */
  *longRows(d: number, text: (n: number) => string): Generator<WorkbookCell[]> {
    const { codings, segments } = this;
    const kinds = this.long.kinds;
    const { to } = segments.segmentsOf(d);
    const doc = segments.documents[d]!;
    const m = this.longMeta.length;
    const docCell = typedCell(doc.id, kinds[1]!);
    const coderCell = typedCell(codings.coder, kinds[2]!);
    const metaCells = this.longMeta.map((meta, k) => typedCell(doc.metadata[meta.key] ?? '', kinds[6 + k]!));
    while (this.r < codings.length && codings.segment(this.r) < to) {
      const n = codings.segment(this.r);
      const end = codings.segmentEnd(this.r);
      const idCell = typedCell(segments.segmentId(n), kinds[0]!);
      const textCell = typedCell(text(n), kinds[6 + m]!);
      for (; this.r < end; this.r++) {
        const r = this.r;
        const row: WorkbookCell[] = [idCell, docCell, coderCell, typedCell(codings.categoryId(r), kinds[3]!), typedCell(codings.codeId(r), kinds[4]!), typedCell(codings.memo(r), kinds[5]!)];
        for (const cell of metaCells) row.push(cell);
        row.push(textCell);
        yield row;
      }
    }
  }

  /** The wide sheet's rows: one per reviewed segment, its codes as 0/1 in codebook order (wideExportRow's cells, typed). */
  *wideRows(): Generator<WorkbookCell[]> {
    const { codings, segments } = this;
    const kinds = this.wide.kinds;
    const codes = new Set<string>();
    for (let r = 0; r < codings.length; ) {
      const n = codings.segment(r);
      const end = codings.segmentEnd(r);
      codes.clear();
      for (; r < end; r++) if (codings.code(r) !== 0) codes.add(codings.codeId(r));
      const cells = wideExportRow({ segment_id: segments.segmentId(n), doc_id: segments.docId(n), index: segments.index(n) }, this.wideMeta, segments.documents[segments.doc(n)]!.metadata, this.codeIds, codes);
      yield cells.map((v, c) => typedCell(v, kinds[c]!));
    }
  }
}
