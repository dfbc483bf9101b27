import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CorpusHasher } from '../core/corpus/compute-corpus-hash.js';
import { parseDocumentFile } from '../core/corpus/parse-document-file.js';
import { DEFAULT_COLUMNS, missingColumns, parseCsvRecord, parseJsonlLine, type ColumnNames } from '../core/corpus/parse-table-corpus.js';
import {
  DocumentIdTracker,
  checkDocument,
  checkDocumentCount,
  documentLocation,
  isBlankText,
  orderCorpusDiagnostics,
} from '../core/corpus/validate-corpus.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { Document } from '../core/model/document.js';
import { listDocumentFiles } from './list-document-files.js';
import { nfcByLines, readNormalisedText } from './normalised-text.js';
import { readTextFile } from './read-text-file.js';
import { appendAll } from '../core/util/bulk-array.js';

/** What a corpus stream knows once every document has been read. */
export interface CorpusStreamEnd {
  /** The corpus diagnostics, exactly as readCorpus gives them (same codes, positions and order). */
  diagnostics: Diagnostic[];
  /** The corpus hash (computeCorpusHash over the documents read). */
  corpusSha256: string;
  /** For a .csv or .jsonl corpus: sha256 of the file's bytes. */
  fileSha256?: string;
  /** Documents read (with errors or not). */
  documents: number;
}

/** A corpus read one document at a time: iterate `documents` to the end, then ask `end()`. */
export interface DocumentStream {
  /**
   * The documents in corpus order, as readCorpus would list them. Throws
   * (as readCorpus does) a QcodeError for a corpus that is missing, of no
   * known kind, or not valid UTF-8 (.csv, .jsonl).
   */
  documents: AsyncIterable<Document>;
  /** After the iteration: diagnostics, hashes, count. */
  end(): CorpusStreamEnd;
}

/**
 * Streams a corpus: a folder of .txt/.md files, or a .csv or .jsonl file,
 * in bounded memory (one document, and one id per document for the
 * duplicate check). Every rule of readCorpus is applied by the same
 * functions (parse-table-corpus.ts, validate-corpus.ts), so a streamed
 * command reports what an in-memory one does.
 */
export function streamDocuments(corpusPath: string, columns: ColumnNames = DEFAULT_COLUMNS, display = (p: string) => p): DocumentStream {
  const shown = display(corpusPath);
  // Parse problems, then the per-document checks: the two lists readCorpus concatenates before ordering.
  let parsing: Diagnostic[] = [];
  let checks: Diagnostic[] = [];
  let ids = new DocumentIdTracker();
  let hasher = new CorpusHasher();
  let fileHash: ReturnType<typeof createHash> | undefined;
  let finished: CorpusStreamEnd | undefined;
  const see = (doc: Document) => {
    appendAll(checks, checkDocument(doc.id, isBlankText(doc.text), documentLocation(doc.source), ids));
    hasher.add(doc);
  };
  /** csv-parse met malformed quoting: like the in-memory reader, the file then yields nothing but that. */
  const unreadable = (d: Diagnostic) => {
    parsing = [d];
    checks = [];
    ids = new DocumentIdTracker();
    hasher = new CorpusHasher();
  };

  async function* documents(): AsyncGenerator<Document> {
    let info;
    try {
      info = await stat(corpusPath);
    } catch {
      throw new QcodeError([diag('QC002', `corpus ${shown} does not exist`, { at: { file: shown } })]);
    }
    if (info.isDirectory()) {
      for (const f of await listDocumentFiles(corpusPath)) {
        const parsed = await readDocumentFile(f, display(f));
        appendAll(parsing, parsed.diagnostics);
        if (!parsed.document) continue;
        see(parsed.document);
        yield parsed.document;
      }
    } else {
      const ext = path.extname(corpusPath).toLowerCase();
      if (ext !== '.csv' && ext !== '.jsonl') {
        throw new QcodeError([diag('QC301', `${shown} is not a folder, a .csv or a .jsonl file`, { at: { file: shown } })]);
      }
      fileHash = createHash('sha256');
      const hash = fileHash;
      let invalid: Diagnostic | undefined;
      const text = nfcByLines(readNormalisedText(corpusPath, shown, { problem: (d) => (invalid = d), bytes: (b) => hash.update(b) }));
      const rows = ext === '.csv' ? csvRows(text, shown, columns, (ds) => appendAll(parsing, ds), unreadable) : jsonlDocuments(text, shown, columns, parsing);
      for await (const doc of rows) {
        if (invalid) break;
        see(doc);
        yield doc;
      }
      // Invalid bytes anywhere make the whole file unreadable, as for the in-memory reader.
      if (invalid) throw new QcodeError([invalid]);
    }
    const all = [...parsing, ...checkDocumentCount(hasher.count, shown), ...checks];
    const fileSha256 = fileHash?.digest('hex');
    finished = { diagnostics: orderCorpusDiagnostics(all), corpusSha256: hasher.digest(), documents: hasher.count, ...(fileSha256 ? { fileSha256 } : {}) };
  }

  return {
    documents: { [Symbol.asyncIterator]: () => documents() },
    end() {
      if (!finished) throw new Error('streamDocuments: end() asked before the documents were all read');
      return finished;
    },
  };
}

/** One file of a folder corpus: its document, or the problems that keep it out (an unreadable file among them). */
export async function readDocumentFile(file: string, shown: string): Promise<{ document?: Document | undefined; diagnostics: Diagnostic[] }> {
  try {
    return parseDocumentFile(await readTextFile(file, shown), shown, path.basename(file, path.extname(file)));
  } catch (e) {
    if (!(e instanceof QcodeError)) throw e;
    return { diagnostics: e.diagnostics };
  }
}

async function* csvRows(...args: Parameters<typeof csvDocuments>): AsyncGenerator<Document> {
  for await (const { document } of csvDocuments(...args)) yield document; // bounded: the fixed parameters of csvDocuments
}

async function* jsonlDocuments(text: AsyncIterable<string>, file: string, columns: ColumnNames, problems: Diagnostic[]): AsyncGenerator<Document> {
  let held: string[] = [];
  let line = 0;
  const take = (lineText: string) => {
    const parsed = parseJsonlLine(lineText, { file, line: ++line }, columns);
    appendAll(problems, parsed.diagnostics);
    return parsed.document;
  };
  const takeHeld = () => {
    const lineText = held.join('');
    held = [];
    return take(lineText);
  };
  for await (const chunk of text) {
    // Only the new chunk is searched, and a line's pieces are joined once: a 200 MB line (one huge document) is copied once, not at every chunk.
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      held.push(chunk.slice(from, nl));
      from = nl + 1;
      const doc = takeHeld();
      if (doc) yield doc;
    }
    if (from < chunk.length) held.push(chunk.slice(from));
  }
  // The text after the last line break is a line too (split('\n') gives it), often empty.
  const doc = takeHeld();
  if (doc) yield doc;
}

/**
 * The documents of a CSV corpus as csv-parse streams its records (a record
 * may span lines), each with its line: the one CSV loop of the streamed
 * reader and the auto-coder. Problems go to `problems`; malformed quoting
 * stops the reading and goes to `unreadable`.
 */
export async function* csvDocuments(
  text: AsyncIterable<string>,
  file: string,
  columns: ColumnNames,
  problems: (ds: Diagnostic[]) => void,
  unreadable: (d: Diagnostic) => void,
): AsyncGenerator<{ document: Document; line: number }> {
  const input = Readable.from(text);
  const parser = input.pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true }));
  let header: string[] | null = null;
  let prevEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = prevEnd + (header ? 1 : 0);
      prevEnd = info.lines;
      if (header === null) {
        header = record;
        const missing = missingColumns(header, columns, file);
        problems(missing);
        if (missing.length > 0) return;
        continue;
      }
      const parsed = parseCsvRecord(header, record, { file, line }, columns);
      if (parsed.document) yield { document: parsed.document, line };
      else problems([parsed.diagnostic]);
    }
    if (header === null) problems(missingColumns([], columns, file));
  } catch (e) {
    // csv-parse stops at malformed quoting: the user's CSV, reported at its line like any other problem.
    // Its errors carry an upper-case code (CSV_… from the sync API, without the prefix from the stream) and the line.
    const err = e as { message?: string; lines?: number; code?: unknown };
    if (typeof err.code !== 'string' || !/^[A-Z_]+$/.test(err.code) || typeof err.lines !== 'number') throw e;
    unreadable(diag('QC305', String(err.message).replace(/^Invalid .*?: /, ''), { at: { file, line: err.lines } }));
  } finally {
    input.destroy();
  }
}
