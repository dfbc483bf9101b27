import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import type { Document } from '../model/document.js';
import { appendAll } from '../util/bulk-array.js';

/**
 * The corpus rules, one function each, so every reader applies them alike:
 * the in-memory reader (validateCorpus below), the streamed readers and the
 * auto-coder's byte path call the same per-document checks and the same
 * duplicate tracker, and `orderCorpusDiagnostics` puts what they found in one
 * order. The diagnostics for a corpus are then identical by construction,
 * whatever its size or the path that read it.
 */

/** Where a document is, as diagnostics name it. */
export function documentLocation(source: Document['source']): SourceLocation {
  return { file: source.file, ...(source.line ? { line: source.line } : {}) };
}

const where = (at: SourceLocation) => `${at.file}${at.line ? `:${at.line}` : ''}`;

/** A document id must be non-empty, without white space or a colon (segment ids are `<doc_id>:<unit><n>`). */
export function checkDocumentId(id: string, at: SourceLocation): Diagnostic[] {
  return id === '' || /[\s:]/u.test(id) ? [diag('QC309', `document id '${id}' is empty or has white space or a colon`, { at })] : [];
}

/** A document with only white space yields no segments: a warning, not an error. */
export function checkDocumentText(id: string, blank: boolean, at: SourceLocation): Diagnostic[] {
  return blank ? [warn('QC304', `document '${id}' is empty`, { at })] : [];
}

/** True when the text holds nothing but white space (what checkDocumentText is told). */
export function isBlankText(text: string): boolean {
  return text.trim() === '';
}

/**
 * Finds ids used twice. Remembers each id once with where it was first seen
 * (a number: the file's index among those seen, and the line), so memory
 * grows with the number of documents, never with their size.
 */
export class DocumentIdTracker {
  private readonly seen = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  /** The QC303 for a repeated id, or nothing. */
  see(id: string, at: SourceLocation): Diagnostic[] {
    const first = this.seen.get(id);
    if (first !== undefined) {
      const line = first % 2 ** 32;
      const firstAt = { file: this.files[Math.floor(first / 2 ** 32)]!, ...(line ? { line } : {}) };
      return [diag('QC303', `document id '${id}' is also used by ${where(firstAt)}`, { at })];
    }
    let f = this.fileIndex.get(at.file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(at.file);
      this.fileIndex.set(at.file, f);
    }
    this.seen.set(id, f * 2 ** 32 + (at.line ?? 0));
    return [];
  }

  get size(): number {
    return this.seen.size;
  }
}

/** Every per-document rule for one document: id, duplicate, empty text. */
export function checkDocument(id: string, blank: boolean, at: SourceLocation, ids: DocumentIdTracker): Diagnostic[] {
  return [...checkDocumentId(id, at), ...ids.see(id, at), ...checkDocumentText(id, blank, at)];
}

/** The corpus-wide rule: at least one document. */
export function checkDocumentCount(count: number, corpusPath: string): Diagnostic[] {
  return count === 0 ? [diag('QC310', 'the corpus holds no documents', { at: { file: corpusPath } })] : [];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One order for a corpus's diagnostics, whatever path found them: within a
 * file, by line (a diagnostic for a whole file last), keeping the order
 * found among equals (files in path order, the order a folder is read in). Invalid UTF-8 in a file stands alone for that file (its
 * text cannot be read, so nothing else said about it holds), and a missing
 * id or text column is reported for the first line it is missing from.
 */
export function orderCorpusDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unreadable = new Set<string>();
  for (const d of diagnostics) if (d.code === 'QC302' && d.location) unreadable.add(d.location.file);
  const missingSeen = new Set<string>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const file = d.location?.file;
    if (file !== undefined && unreadable.has(file)) {
      if (d.code !== 'QC302' || kept.some((k) => k.code === 'QC302' && k.location?.file === file)) continue;
    }
    kept.push(d);
  }
  // Files compare by name: a folder corpus is read in path order, so this is corpus order.
  const sorted = kept
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compareText(a.d.location?.file ?? '', b.d.location?.file ?? '') || (a.d.location?.line ?? Infinity) - (b.d.location?.line ?? Infinity) || a.i - b.i)
    .map(({ d }) => d);
  return sorted.filter((d) => {
    if (d.code !== 'QC306') return true;
    // One per file and column: the hint names the flag (--id-column or --text-column).
    const key = `${d.location?.file ?? ''}\0${d.hint ?? d.message}`;
    if (missingSeen.has(key)) return false;
    missingSeen.add(key);
    return true;
  });
}

/** Corpus-wide rules over documents held in memory: ids valid and unique, documents not empty, at least one document. */
export function validateCorpus(documents: readonly Document[], corpusPath: string): Diagnostic[] {
  const out: Diagnostic[] = [...checkDocumentCount(documents.length, corpusPath)];
  const ids = new DocumentIdTracker();
  for (const doc of documents) appendAll(out, checkDocument(doc.id, isBlankText(doc.text), documentLocation(doc.source), ids));
  return out;
}
