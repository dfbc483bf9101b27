import { parseCodebook } from '../codebook/parse-codebook.js';
import { parseDocumentFile } from '../corpus/parse-document-file.js';
import { validateCorpus } from '../corpus/validate-corpus.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Codebook } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import { DocumentSlicer } from '../spans/document-slicer.js';
import { parseSpanCsv } from '../spans/parse-span-file.js';
import { validateSpans } from '../spans/validate-spans.js';
import type { ProjectFile } from './format-imported-project.js';
import { appendAll } from '../util/bulk-array.js';

/**
 * Reads the files of a project about to be written with the parsers every
 * command uses: the codebook must validate, every document read back with the
 * same id and text, every span match its document. Any error here is a bug in
 * the import, caught before a single file is written.
 */
export function checkImportedProject(files: readonly ProjectFile[]): { diagnostics: Diagnostic[]; codebook?: Codebook; documents: Document[] } {
  const out: Diagnostic[] = [];
  const codebookFile = files.find((f) => f.path === 'codebook.yaml')!;
  const cb = parseCodebook(codebookFile.content, codebookFile.path);
  appendAll(out, cb.diagnostics.filter((d) => d.severity === 'error'));
  const documents: Document[] = [];
  for (const f of files.filter((x) => x.path.startsWith('corpus/'))) {
    const parsed = parseDocumentFile(f.content, f.path, f.path.slice('corpus/'.length).replace(/\.txt$/, ''));
    appendAll(out, parsed.diagnostics.filter((d) => d.severity === 'error'));
    if (parsed.document) documents.push(parsed.document);
  }
  appendAll(out, validateCorpus(documents, 'corpus').filter((d) => d.severity === 'error'));
  if (!cb.codebook || out.length) return { diagnostics: out, documents };
  const slicer = new DocumentSlicer(documents);
  for (const f of files.filter((x) => x.path.startsWith('out/codings/spans/'))) {
    const parsed = parseSpanCsv(f.content, f.path);
    appendAll(appendAll(out, parsed.diagnostics), validateSpans(parsed.rows, slicer, cb.codebook).diagnostics);
  }
  return { diagnostics: out.filter((d) => d.severity === 'error'), codebook: cb.codebook, documents };
}
