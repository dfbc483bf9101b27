import type { Unit } from '../model/codebook.js';
import type { ColumnNames } from '../corpus/parse-table-corpus.js';
import { rowToDocument, missingColumns } from '../corpus/parse-table-corpus.js';
import { canonicalHead } from '../corpus/compute-corpus-hash.js';
import { normalizeMetadataValue } from '../corpus/normalize-text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { Document } from '../model/document.js';
import type { RowText } from './spill-long-rows.js';
import { DocumentCoder, jsonTextBytes, type DocumentBytes, type DocumentOutcome } from './code-document.js';
import type { Matcher } from './compile-matcher.js';
import type { DropRule } from './drop-boilerplate.js';
import { locateJsonFields, type JsonFieldSpans } from './locate-json-fields.js';

export interface LineCoderOptions {
  unit: Unit;
  /** Coder name; absent: the documents are read (validated, hashed) but not coded. */
  coder: string;
  /** The codebook's language, for documents that name none. */
  language: string;
  columns: ColumnNames;
  /** The corpus file as shown in messages. */
  file: string;
  /** Coding rows as JSON Lines rather than CSV. */
  jsonlCodings?: boolean;
  /** Which documents to code (a shard's); the others are read for their ids only. */
  keep?: (id: string) => boolean;
  /** Boilerplate to leave out (`drop:` in qcode.yaml), as the study leaves it out. */
  drop?: DropRule | null;
}

/**
 * What turns one document's bytes into rows: the auto-coder (DocumentCoder),
 * or the segments file's row maker (segment-row-maker.ts), behind the same
 * line reader so both share its parsing, checks and slicing.
 */
export interface DocumentHandler {
  code(doc: DocumentBytes, out: RowText): DocumentOutcome;
}

/** A document read from one line: its id and what coding it gave (rows appended to the RowText). */
export interface LineDocument extends DocumentOutcome {
  id: string;
  /** Its metadata, normalised as the corpus reader gives it (absent for a document left to another shard). */
  metadata?: Record<string, string>;
  /** True when the document was left to another shard: read, not coded. */
  skipped?: boolean;
}

/** A document read but left to another shard. */
export function skippedDocument(id: string): LineDocument {
  return { id, segments: 0, matches: 0, coded: 0, blank: false, digest: null, skipped: true };
}

/** What one line gave: a document, problems, or nothing (a blank line). */
export type LineOutcome = LineDocument | Diagnostic[] | null;

const decoder = new TextDecoder();

/**
 * Reads and codes the documents of a JSONL corpus one line at a time,
 * straight from the line's bytes: the text field is found in place and
 * scanned where it lies; the rest of the line (id, metadata) is parsed
 * without it. A line whose text field is not a plain string is parsed whole,
 * the corpus reader's way, which also reports what is wrong with it.
 */
export class JsonlLineCoder {
  readonly coder: DocumentHandler;
  private readonly keys: Uint8Array[];
  private readonly spans: JsonFieldSpans = { start: new Int32Array(1), end: new Int32Array(1), escaped: new Uint8Array(1) };

  constructor(
    m: Matcher | DocumentHandler,
    readonly options: LineCoderOptions,
  ) {
    this.coder = typeof (m as Partial<DocumentHandler>).code === 'function' ? (m as DocumentHandler) : new DocumentCoder(m as Matcher, options.unit, { coder: options.coder, jsonlCodings: options.jsonlCodings ?? false, drop: options.drop ?? null });
    this.keys = [new TextEncoder().encode(options.columns.textColumn)];
  }

  /** Reads buf[from, to) (no line break), line number `line`, appending its rows to `out`. */
  codeLine(buf: Uint8Array, from: number, to: number, line: number, out: RowText): LineOutcome {
    let i = from;
    while (i < to && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0d)) i++;
    if (i === to) return null;
    const f = this.spans;
    if (!locateJsonFields(buf, from, to, this.keys, f) || f.start[0]! < 0) return this.codeParsed(buf, from, to, line, out);
    // The line without its text: id and metadata, parsed the ordinary way.
    const rest = `${decoder.decode(buf.subarray(from, f.start[0]!))}${decoder.decode(buf.subarray(f.end[0]!, to))}`;
    const row = this.parseRow(rest, line);
    if (Array.isArray(row)) return row;
    const { idColumn, textColumn } = this.options.columns;
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (k !== idColumn && k !== textColumn) metadata[k] = normalizeMetadataValue(v);
    const id = normalizeMetadataValue(row[idColumn]);
    if (this.options.keep && !this.options.keep(id)) return skippedDocument(id);
    const language = metadata.language || this.options.language;
    let coded;
    try {
      coded = this.coder.code({ id, language, buf, from: f.start[0]!, to: f.end[0]!, trusted: false, head: canonicalHead(id, metadata), metadata }, out);
    } catch (e) {
      // The text field is not a JSON string (a raw control byte, a bad escape): report the line as the reader does.
      if (e instanceof SyntaxError) return this.codeParsed(buf, from, to, line, out);
      throw e;
    }
    return { id, metadata, ...coded };
  }

  /** JSON.parse of a line (or of a line without its text): the object, or the problems. */
  private parseRow(text: string, line: number): Record<string, unknown> | Diagnostic[] {
    const file = this.options.file;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return [diag('QC307', `not valid JSON: ${(e as Error).message}`, { at: { file, line } })];
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return [diag('QC307', 'the line is not a JSON object', { at: { file, line } })];
    }
    const row = value as Record<string, unknown>;
    const { idColumn, textColumn } = this.options.columns;
    // The common line has both: no list of its keys to search.
    if (Object.hasOwn(row, idColumn) && Object.hasOwn(row, textColumn)) return row;
    const missing = missingColumns(Object.keys(row), this.options.columns, file).map((d) => ({ ...d, location: { file, line } }));
    return missing.length > 0 ? missing : row;
  }

  private codeParsed(buf: Uint8Array, from: number, to: number, line: number, out: RowText): LineOutcome {
    const row = this.parseRow(decoder.decode(buf.subarray(from, to)), line);
    if (Array.isArray(row)) return row;
    const doc = rowToDocument(row, this.options.columns, { file: this.options.file, line });
    if (this.options.keep && !this.options.keep(doc.id)) return skippedDocument(doc.id);
    return codeDocumentText(this.coder, doc, doc.metadata.language || this.options.language, out);
  }
}

/** Codes a document held as a string (a folder file, a CSV record, an odd JSONL line): its normalised text re-encoded for the scanner. */
export function codeDocumentText(coder: DocumentHandler, doc: Document, language: string, out: RowText): LineDocument {
  const buf = jsonTextBytes(doc.text);
  const coded = coder.code({ id: doc.id, language, buf, from: 1, to: buf.length - 1, trusted: true, head: canonicalHead(doc.id, doc.metadata), metadata: doc.metadata }, out);
  return { id: doc.id, metadata: doc.metadata, ...coded };
}
