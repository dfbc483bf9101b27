import type { Unit } from '../codebook/codebook-schema.js';
import type { ColumnNames } from '../corpus/parse-table-corpus.js';
import { rowToDocument } from '../corpus/parse-table-corpus.js';
import type { Document } from '../corpus/document.js';
import { normalizeText } from '../corpus/normalize-text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import { computeSegments } from '../segment/compute-segments.js';
import { segmentId } from '../segment/segment.js';
import { computeDocumentCoding, type DocumentCoding } from './code-document.js';
import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { collectEvidence, type SegmentSpan } from './evidence.js';
import { locateJsonFields, type JsonFieldSpans } from './locate-json-fields.js';
import { MatchRun } from './match-run.js';
import { scanJsonString, type ScanExtent } from './scan-json-bytes.js';
import { scanText } from './scan-text.js';

export interface LineCoderOptions {
  unit: Unit;
  coder: string;
  /** The codebook's language, for documents that name none. */
  language: string;
  columns: ColumnNames;
  /** The corpus file as shown in messages. */
  file: string;
}

const ID = 0;
const TEXT = 1;
const LANGUAGE = 2;
const decoder = new TextDecoder();

/**
 * Codes the documents of a JSONL corpus one line at a time, straight from
 * the line's bytes. The fast path finds the id and text in place and scans
 * the text with the byte matcher; a line it cannot take (odd JSON, escapes in
 * the id, text that needs normalising) goes the ordinary way: JSON.parse, the
 * corpus reader's row-to-document, the string matcher. Segments come from
 * computeSegments, so they are the ones `qcode segment` writes.
 */
export class JsonlLineCoder {
  readonly run: MatchRun;
  private readonly keys: Uint8Array[];
  private readonly spans: JsonFieldSpans = { start: new Int32Array(3), end: new Int32Array(3), escaped: new Uint8Array(3) };
  private readonly extent: ScanExtent = { length: 0, first: 0, last: 0 };
  private readonly fastDocument: boolean;

  constructor(
    readonly m: Matcher,
    readonly options: LineCoderOptions,
  ) {
    this.run = new MatchRun(m);
    const enc = new TextEncoder();
    this.keys = [enc.encode(options.columns.idColumn), enc.encode(options.columns.textColumn), enc.encode('language')];
    this.fastDocument = options.unit === 'document' && m.regexPatterns.length === 0;
  }

  /**
   * Codes the line buf[from, to) (no line break), line number `line`.
   * Returns null for a blank line, else the document's coding or the problems.
   */
  codeLine(buf: Uint8Array, from: number, to: number, line: number): DocumentCoding | Diagnostic[] | null {
    let i = from;
    while (i < to && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0d)) i++;
    if (i === to) return null;
    const f = this.spans;
    if (!locateJsonFields(buf, from, to, this.keys, f) || f.start[ID]! < 0 || f.escaped[ID] || f.start[TEXT]! < 0) {
      return this.codeParsed(buf, from, to, line);
    }
    const id = decoder.decode(buf.subarray(f.start[ID]!, f.end[ID]!)).normalize('NFC');
    const run = this.run;
    run.reset();
    const scanned = scanJsonString(run, buf, f.start[TEXT]!, f.end[TEXT]!, this.extent);
    if (this.fastDocument && scanned) {
      if (this.extent.first < 0) return [this.empty(id, line)];
      const spans: SegmentSpan[] = [
        { segment_id: segmentId(id, 'document', 1), doc_id: id, start: this.extent.first, end: this.extent.last, text: null },
      ];
      return computeDocumentCoding(run, spans, collectEvidence(run, spans, (a, b) => decodeJsonSlice(buf, a, b)), this.options.coder);
    }
    const raw = f.escaped[TEXT] ? decodeJsonSlice(buf, f.start[TEXT]!, f.end[TEXT]!) : decoder.decode(buf.subarray(f.start[TEXT]!, f.end[TEXT]!));
    const text = scanned ? raw : normalizeText(raw);
    const language = f.start[LANGUAGE]! >= 0 ? decodeJsonSlice(buf, f.start[LANGUAGE]!, f.end[LANGUAGE]!) : '';
    const doc: Document = { id, text, metadata: {}, source: { file: this.options.file, line } };
    if (scanned) return this.codeSegments(doc, language, (a, b) => decodeJsonSlice(buf, a, b));
    return this.codeSegments(doc, language, null);
  }

  private empty(id: string, line: number): Diagnostic {
    return warn('QC304', `document ${id} is empty and has no segments`, { file: this.options.file, line });
  }

  /**
   * Segments a document and hands the matches to its segments. With `slice`
   * the run already holds the byte scan of the text; without it the text is
   * scanned as a string.
   */
  private codeSegments(doc: Document, language: string, slice: ((a: number, b: number) => string) | null): DocumentCoding | Diagnostic[] {
    const segments = computeSegments(doc, this.options.unit, language || this.options.language);
    if (segments.length === 0) return [this.empty(doc.id, doc.source.line ?? 0)];
    const run = this.run;
    if (slice === null) {
      run.reset();
      scanText(run, doc.text);
      slice = (a, b) => doc.text.slice(a, b);
    }
    return computeDocumentCoding(run, segments, collectEvidence(run, segments, slice), this.options.coder);
  }

  private codeParsed(buf: Uint8Array, from: number, to: number, line: number): DocumentCoding | Diagnostic[] {
    const file = this.options.file;
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(buf.subarray(from, to)));
    } catch (e) {
      return [diag('QC307', `not valid JSON: ${(e as Error).message}`, { file, line })];
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return [diag('QC307', 'the line is not a JSON object', { file, line })];
    }
    const row = value as Record<string, unknown>;
    const { idColumn, textColumn } = this.options.columns;
    for (const [flag, name] of [
      ['--id-column', idColumn],
      ['--text-column', textColumn],
    ] as const) {
      if (!(name in row)) return [diag('QC306', `no '${name}' column`, { file, line }, `map another column with ${flag}`)];
    }
    const doc = rowToDocument(row, this.options.columns, { file, line });
    return this.codeSegments(doc, doc.metadata.language ?? '', null);
  }
}
