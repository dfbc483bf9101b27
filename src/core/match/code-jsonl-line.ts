import type { Unit } from '../model/codebook.js';
import type { ColumnNames } from '../corpus/parse-table-corpus.js';
import { rowToDocument } from '../corpus/parse-table-corpus.js';
import type { Document } from '../model/document.js';
import { normalizeText } from '../corpus/normalize-text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import { formatCsvRow } from '../format/format-csv-field.js';
import { computeSegments } from '../segment/compute-segments.js';
import { segmentId } from '../model/segment.js';
import { codingFileFields } from '../model/coding.js';
import { codePointIndex } from '../util/code-point-index.js';
import { textShaById } from './text-sha-by-id.js';
import { dropBoilerplate, isBoilerplate, type DropRule } from './drop-boilerplate.js';
import { codeDocument } from './code-document.js';
import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { DocumentRowFormatter, JsonTextSource, StringTextSource, type RowSegment, type RowText } from './format-document-rows.js';
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
  /** Boilerplate to leave out (`drop:` in qcode.yaml), as the study leaves it out. */
  drop?: DropRule | null;
}

/** What coding one line gave: rows appended to the RowText, or problems. */
export type LineOutcome = { segments: number; matches: number } | Diagnostic[] | null;

const ID = 0;
const TEXT = 1;
const LANGUAGE = 2;
const decoder = new TextDecoder();

/** UTF-16 bounds of code points [first, last) of a text with characters beyond the BMP. */
function sliceUnits(text: string, first: number, last: number): [number, number] {
  const index = codePointIndex(text);
  return [index[first]!, index[last]!];
}

/**
 * Codes the documents of a JSONL corpus one line at a time, straight from
 * the line's bytes, appending CSV rows. The fast path finds the id and text
 * in place and scans the text with the byte matcher; a line it cannot take
 * (odd JSON, escapes in the id, text that needs normalising) goes the
 * ordinary way: JSON.parse, the corpus reader's row-to-document, the string
 * matcher. Segments come from computeSegments, so they are the ones
 * `qcode segment` writes.
 */
export class JsonlLineCoder {
  readonly run: MatchRun;
  private readonly keys: Uint8Array[];
  private readonly spans: JsonFieldSpans = { start: new Int32Array(3), end: new Int32Array(3), escaped: new Uint8Array(3) };
  private readonly extent: ScanExtent = { length: 0, first: 0, last: 0 };
  /** Null when the codebook has regex patterns: those need segment texts and Evidence objects. */
  private readonly formatter: DocumentRowFormatter | null;
  private readonly jsonSource = new JsonTextSource();
  private readonly stringSource = new StringTextSource();

  constructor(
    readonly m: Matcher,
    readonly options: LineCoderOptions,
  ) {
    this.run = new MatchRun(m);
    const enc = new TextEncoder();
    this.keys = [enc.encode(options.columns.idColumn), enc.encode(options.columns.textColumn), enc.encode('language')];
    this.formatter = m.regexPatterns.length === 0 ? new DocumentRowFormatter(m, options.coder) : null;
  }

  /** Codes the line buf[from, to) (no line break), line number `line`, appending its rows to `out`. */
  codeLine(buf: Uint8Array, from: number, to: number, line: number, out: RowText): LineOutcome {
    let i = from;
    while (i < to && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0d)) i++;
    if (i === to) return null;
    const f = this.spans;
    if (!locateJsonFields(buf, from, to, this.keys, f) || f.start[ID]! < 0 || f.escaped[ID] || f.start[TEXT]! < 0) {
      return this.codeParsed(buf, from, to, line, out);
    }
    const id = decoder.decode(buf.subarray(f.start[ID]!, f.end[ID]!)).normalize('NFC');
    const run = this.run;
    run.reset();
    const scanned = scanJsonString(run, buf, f.start[TEXT]!, f.end[TEXT]!, this.extent);
    this.jsonSource.buf = buf;
    // With escapes, one JSON.parse of the string with its quotes: cheaper than decoding, then parsing a copy.
    // A string the field locator took but JSON does not (a raw control character, a bad escape) goes the ordinary way, which reports it.
    let raw: string;
    try {
      raw = f.escaped[TEXT]
        ? (JSON.parse(decoder.decode(buf.subarray(f.start[TEXT]! - 1, f.end[TEXT]! + 1))) as string)
        : decoder.decode(buf.subarray(f.start[TEXT]!, f.end[TEXT]!));
    } catch {
      return this.codeParsed(buf, from, to, line, out);
    }
    if (scanned && this.formatter && this.options.unit === 'document') {
      const { first, last, length } = this.extent;
      if (first < 0) return [this.empty(id, line)];
      // The scan took the text as it is (nothing to normalise), so the segment's text is its trimmed slice.
      const text = length === raw.length ? raw.slice(first, last) : raw.slice(...sliceUnits(raw, first, last));
      if (this.options.drop && isBoilerplate(this.options.drop, text)) return { segments: 0, matches: 0 };
      const segment: RowSegment = { segment_id: segmentId(id, 'document', 1), start: first, end: last, text };
      return { segments: 1, matches: this.formatter.format(run, id, [segment], this.jsonSource, out) };
    }
    const text = scanned ? raw : normalizeText(raw);
    const language = f.start[LANGUAGE]! >= 0 ? decodeJsonSlice(buf, f.start[LANGUAGE]!, f.end[LANGUAGE]!) : '';
    const doc: Document = { id, text, metadata: {}, source: { file: this.options.file, line } };
    return this.codeSegments(doc, language, scanned, out);
  }

  private empty(id: string, line: number): Diagnostic {
    return warn('QC304', `document '${id}' is empty`, { at: { file: this.options.file, line } });
  }

  /**
   * Segments a document and hands the matches to its segments. When
   * `byteScanned` the run already holds the byte scan of the text (in
   * jsonSource); otherwise the text is scanned as a string.
   */
  private codeSegments(doc: Document, language: string, byteScanned: boolean, out: RowText): LineOutcome {
    const all = computeSegments(doc, this.options.unit, language || this.options.language);
    if (all.length === 0) return [this.empty(doc.id, doc.source.line ?? 0)];
    const segments = dropBoilerplate(all, this.options.drop ?? null).kept;
    if (segments.length === 0) return { segments: 0, matches: 0 };
    const run = this.run;
    if (!this.formatter) {
      const coded = codeDocument(run, doc.text, segments, this.options.coder);
      const sha = textShaById(segments);
      for (const c of coded.codings) out.codings.text(formatCsvRow(codingFileFields(c, sha.get(c.segment_id)!)));
      for (const e of coded.evidence) out.evidence.text(formatCsvRow([e.segment_id, e.code, e.pattern, e.matched_text, e.start, e.end]));
      return { segments: segments.length, matches: coded.evidence.length };
    }
    let source: JsonTextSource | StringTextSource = this.jsonSource;
    if (!byteScanned) {
      run.reset();
      scanText(run, doc.text);
      this.stringSource.text = doc.text;
      source = this.stringSource;
    }
    return { segments: segments.length, matches: this.formatter.format(run, doc.id, segments, source, out) };
  }

  private codeParsed(buf: Uint8Array, from: number, to: number, line: number, out: RowText): LineOutcome {
    const file = this.options.file;
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(buf.subarray(from, to)));
    } catch (e) {
      return [diag('QC307', `not valid JSON: ${(e as Error).message}`, { at: { file, line } })];
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return [diag('QC307', 'the line is not a JSON object', { at: { file, line } })];
    }
    const row = value as Record<string, unknown>;
    const { idColumn, textColumn } = this.options.columns;
    for (const [flag, name] of [
      ['--id-column', idColumn],
      ['--text-column', textColumn],
    ] as const) {
      if (!(name in row)) return [diag('QC306', `no '${name}' column`, { at: { file, line }, hint: `map another column with ${flag}` })];
    }
    const doc = rowToDocument(row, this.options.columns, { file, line });
    return this.codeSegments(doc, doc.metadata.language ?? '', false, out);
  }
}
