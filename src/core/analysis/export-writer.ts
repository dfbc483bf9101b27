import type { CodingTable } from '../coding/coding-table.js';
import { formatCsvHeader, formatCsvRows, type CsvOptions } from '../format/format-csv.js';
import { formatCsvField } from '../format/format-csv-field.js';
import { neutraliseSpreadsheetCell } from '../format/neutralise-spreadsheet-cell.js';
import type { Cell } from '../format/table.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { SegmentTable } from '../segment/segment-table.js';
import { longExportColumns, orderCodes, wideExportColumns, wideExportRow, type MetadataColumn } from './export-tables.js';
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
    if (this.format === 'long') return this.longRows(d, text, budget);
    if (this.format === 'jsonl') return this.jsonlRows(d, text, budget);
    const { codings, segments } = this;
    const { to } = segments.segmentsOf(d);
    const metadata = segments.documents[d]!.metadata;
    const rows: Cell[][] = [];
    let made = 0;
    while (this.r < codings.length && codings.segment(this.r) < to && made < budget) {
      const n = codings.segment(this.r);
      const end = codings.segmentEnd(this.r);
      const codes = this.codesOf(end);
      rows.push(wideExportRow({ segment_id: segments.segmentId(n), doc_id: segments.docId(n), index: segments.index(n) }, this.meta, metadata, this.codeIds, codes));
      made += ROW_CHARS;
      this.r = end;
    }
    return formatCsvRows(rows, this.csv);
  }

  /**
   * The long table's rows of document d, as formatCsvRows writes
   * longExportRow's cells, each field formatted once where it repeats: the
   * document's id and metadata once per document, a segment's id and text
   * once for all its coding rows. A row at a time within the budget: a
   * segment's rows each repeat its text.
   */
  private longRows(d: number, text: (n: number) => string, budget: number): string {
    const { codings, segments } = this;
    const { to } = segments.segmentsOf(d);
    const doc = segments.documents[d]!;
    const f = this.csvField;
    const docField = f(doc.id);
    const coderField = f(codings.coder);
    let tail = '';
    for (const m of this.meta) tail += `,${f(doc.metadata[m.key] ?? '')}`;
    let out = '';
    let made = 0;
    while (this.r < codings.length && codings.segment(this.r) < to && made < budget) {
      const n = codings.segment(this.r);
      const end = codings.segmentEnd(this.r);
      const head = `${f(segments.segmentId(n))},${docField},${coderField},`;
      const rest = `${tail},${f(text(n))}\n`;
      for (; this.r < end && made < budget; this.r++) {
        out += `${head}${this.codeFields(this.r)},${f(codings.memo(this.r))}${rest}`;
        made += rest.length + ROW_CHARS;
      }
    }
    return out;
  }

  /** The JSON Lines rows of document d, as JSON.stringify writes jsonlExportObject's objects (the metadata stringified once). */
  private jsonlRows(d: number, text: (n: number) => string, budget: number): string {
    const { codings, segments } = this;
    const { to } = segments.segmentsOf(d);
    const doc = segments.documents[d]!;
    const docJson = JSON.stringify(doc.id);
    const coderJson = JSON.stringify(codings.coder);
    const metadataJson = JSON.stringify(doc.metadata);
    let out = '';
    let made = 0;
    while (this.r < codings.length && codings.segment(this.r) < to && made < budget) {
      const n = codings.segment(this.r);
      const end = codings.segmentEnd(this.r);
      const codes = this.codesOf(end);
      const t = text(n);
      out += `{"segment_id":${JSON.stringify(segments.segmentId(n))},"doc_id":${docJson},"index":${segments.index(n)},"start":${segments.start(n)},"end":${segments.end(n)},`;
      out += `"coder":${coderJson},"codes":${JSON.stringify(orderCodes(codes, this.order))},"metadata":${metadataJson},"text":${JSON.stringify(t)}}\n`;
      made += t.length + ROW_CHARS;
      this.r = end;
    }
    return out;
  }

  /** The codes of the rows from the next one to `end` (one segment's), the uncoded row left out. */
  private codesOf(end: number): Set<string> {
    const codes = new Set<string>();
    for (let r = this.r; r < end; r++) if (this.codings.code(r) !== 0) codes.add(this.codings.codeId(r));
    return codes;
  }

  /** A CSV field as formatCsvRows writes a text cell (neutralised first for --excel). */
  private readonly csvField = (v: string): string => formatCsvField(this.csv.excel ? neutraliseSpreadsheetCell(v) : v);

  /** `category,code` of row r as fields, made once per code. */
  private readonly codeFieldCache: string[] = [];
  private codeFields(r: number): string {
    const k = this.codings.code(r);
    return (this.codeFieldCache[k] ??= `${this.csvField(this.codings.categoryId(r))},${this.csvField(this.codings.codeId(r))}`);
  }
}
