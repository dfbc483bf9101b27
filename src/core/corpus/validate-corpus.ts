import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import type { Document } from '../model/document.js';

const where = (d: Document) => `${d.source.file}${d.source.line ? `:${d.source.line}` : ''}`;

/** Corpus-wide rules: ids valid and unique, documents not empty, at least one document. */
export function validateCorpus(documents: readonly Document[], corpusPath: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (documents.length === 0) out.push(diag('QC310', 'the corpus holds no documents', { at: { file: corpusPath } }));
  const seen = new Map<string, Document>();
  for (const doc of documents) {
    const at = { file: doc.source.file, ...(doc.source.line ? { line: doc.source.line } : {}) };
    if (doc.id === '' || /[\s:]/u.test(doc.id)) {
      out.push(diag('QC309', `document id '${doc.id}' is empty or has white space or a colon`, { at }));
    }
    const first = seen.get(doc.id);
    if (first) out.push(diag('QC303', `document id '${doc.id}' is also used by ${where(first)}`, { at }));
    else seen.set(doc.id, doc);
    if (doc.text.trim() === '') out.push(warn('QC304', `document '${doc.id}' is empty`, { at }));
  }
  return out;
}
