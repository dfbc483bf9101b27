import type { CodingTable } from '../coding/coding-table.js';
import { formatCsvHeader, formatCsvRows, type CsvOptions } from '../format/format-csv.js';
import type { Cell } from '../format/table.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { jsonlExportObject, longExportColumns, longExportRow, orderCodes, wideExportColumns, wideExportRow, type MetadataColumn } from './export-tables.js';
import { listMetadataKeys } from './group-key.js';

export type StreamedExportFormat = 'long' | 'wide' | 'jsonl';

/** What a row costs beside its text, roughly, in documentRows' budget. */
const ROW_CHARS = 200;

/**
 * The long, wide and JSON Lines exports of one coder's CodingTable, made a
 * document at a time in corpus order: the same rows as computeLongExport,
 * computeWideExport and computeJsonlExport, as text, so that an export of a
 * large corpus is written as it is made. Long and JSON Lines print segment
 * text (a pass over the corpus hands it over, `needsText`); wide does not.
 */
export class ExportWriter {
  readonly needsText: boolean;
  private readonly segments: SegmentTable;
  private readonly meta: MetadataColumn[];
  private readonly header: string[];
  private readonly codeIds: string[];
  private readonly order: Map<string, number>;
  /** The next coding row to write: rows are in corpus order, documents come in order. */
  private r = 0;

  constructor(
    private readonly format: StreamedExportFormat,
    private readonly codings: CodingTable,
    codebook: Codebook,
    private readonly csv: CsvOptions = {},
  ) {
    this.segments = codings.segments;
    this.needsText = format !== 'wide';
    this.codeIds = listCodes(codebook).map((r) => r.code.id);
    this.order = new Map(listCodes(codebook).map((r) => [r.code.id, r.order]));
    const keys = listMetadataKeys(this.segments.documents);
    ({ header: this.header, meta: this.meta } = format === 'long' ? longExportColumns(keys) : wideExportColumns(keys, this.codeIds));
  }

  /** What the file starts with: the CSV header (with a BOM for --excel); nothing for JSON Lines. */
  head(): string {
    return this.format === 'jsonl' ? '' : formatCsvHeader(this.header, this.csv);
  }

  /** Whether document d has rows (asked in corpus order, before its rows are written). */
  hasRows(d: number): boolean {
    return this.r < this.codings.length && this.codings.segment(this.r) < this.segments.segmentsOf(d).to;
  }

  /** Whether every row is written. */
  get done(): boolean {
    return this.r >= this.codings.length;
  }

  /**
   * The rows of document d, or the next of them: rows stop once about
   * `budget` characters are made (at least one row), so that one huge
   * document (a 200 MB text in every row of the long table) is written in
   * pieces no string could hold; hasRows(d) says whether more remain. `text`
   * gives a segment's text (long and JSON Lines only).
   */
  documentRows(d: number, text: (n: number) => string = () => '', budget = Infinity): string {
    const { codings, segments } = this;
    const { to } = segments.segmentsOf(d);
    const metadata = segments.documents[d]!.metadata;
    const rows: Cell[][] = [];
    const lines: string[] = [];
    let made = 0;
    while (this.r < codings.length && codings.segment(this.r) < to && made < budget) {
      const n = codings.segment(this.r);
      if (this.format === 'long') {
        // A row at a time: a segment's rows repeat its text.
        const t = text(n);
        rows.push(longExportRow(codings.coding(this.r), this.meta, metadata, t));
        made += t.length + ROW_CHARS;
        this.r++;
        continue;
      }
      const end = codings.segmentEnd(this.r);
      const codes = new Set<string>();
      for (let r = this.r; r < end; r++) if (codings.code(r) !== 0) codes.add(codings.codeId(r));
      const segment = { segment_id: segments.segmentId(n), doc_id: segments.docId(n), index: segments.index(n), start: segments.start(n), end: segments.end(n) };
      if (this.format === 'wide') {
        rows.push(wideExportRow(segment, this.meta, metadata, this.codeIds, codes));
        made += ROW_CHARS;
      } else {
        const t = text(n);
        lines.push(`${JSON.stringify(jsonlExportObject(segment, codings.coder, orderCodes(codes, this.order), metadata, t))}\n`);
        made += t.length + ROW_CHARS;
      }
      this.r = end;
    }
    return this.format === 'jsonl' ? lines.join('') : formatCsvRows(rows, this.csv);
  }
}
