import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../core/model/document.js';
import { DEFAULT_COLUMNS, parseCsvCorpus, parseJsonlCorpus, type ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { orderCorpusDiagnostics, validateCorpus } from '../core/corpus/validate-corpus.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { computeSha256 } from '../core/util/hash.js';
import { listDocumentFiles } from './list-document-files.js';
import { decodeUtf8, readBytes } from './read-text-file.js';
import { readDocumentFile } from './stream-documents.js';
import { appendAll } from '../core/util/bulk-array.js';

export interface CorpusFile {
  documents: Document[];
  diagnostics: Diagnostic[];
  /** For a .csv or .jsonl corpus: sha256 of the file's bytes (what a streamed run records). */
  fileSha256?: string;
}

/**
 * Reads a corpus: a folder of .txt/.md files (sorted by path, so the order is
 * the same on every machine), or one .csv or .jsonl file. Every problem is
 * returned as a diagnostic; documents with errors are left out.
 */
export async function readCorpus(
  corpusPath: string,
  columns: ColumnNames = DEFAULT_COLUMNS,
  display = (p: string) => p,
): Promise<CorpusFile> {
  const shown = display(corpusPath);
  let info;
  try {
    info = await stat(corpusPath);
  } catch {
    throw new QcodeError([diag('QC002', `corpus ${shown} does not exist`, { at: { file: shown } })]);
  }
  let documents: Document[] = [];
  let fileSha256: string | undefined;
  const diagnostics: Diagnostic[] = [];
  if (info.isDirectory()) {
    const files = await listDocumentFiles(corpusPath);
    for (const f of files) {
      const parsed = await readDocumentFile(f, display(f));
      appendAll(diagnostics, parsed.diagnostics);
      if (parsed.document) documents.push(parsed.document);
    }
  } else {
    const ext = path.extname(corpusPath).toLowerCase();
    if (ext !== '.csv' && ext !== '.jsonl') {
      throw new QcodeError([diag('QC301', `${shown} is not a folder, a .csv or a .jsonl file`, { at: { file: shown } })]);
    }
    const bytes = await readBytes(corpusPath, shown);
    fileSha256 = computeSha256(bytes);
    const text = decodeUtf8(bytes, shown);
    const parsed = ext === '.csv' ? parseCsvCorpus(text, shown, columns) : parseJsonlCorpus(text, shown, columns);
    documents = parsed.documents;
    appendAll(diagnostics, parsed.diagnostics);
  }
  appendAll(diagnostics, validateCorpus(documents, shown));
  const ordered = orderCorpusDiagnostics(diagnostics);
  return fileSha256 === undefined ? { documents, diagnostics: ordered } : { documents, diagnostics: ordered, fileSha256 };
}
