import type { Document } from '../model/document.js';
import { codePointCursor } from '../util/code-point-cursor.js';
import { codePointIndex } from '../util/code-point-index.js';
import { countCodePoints } from '../util/count-code-points.js';
import { detachString } from '../util/detach-string.js';

/** What the span checks ask of the documents: a DocumentSlicer over documents at hand, PreslicedDocuments over a compact study's. */
export interface SpanDocuments {
  has(docId: string): boolean;
  /** The document ids in corpus order. */
  ids(): string[];
  /** Code points in the document. */
  length(docId: string): number;
  slice(docId: string, start: number, end: number): string;
}

/**
 * Slices documents by code-point offsets, building each document's index
 * once: span files hold thousands of spans over a few long documents.
 */
export class DocumentSlicer implements SpanDocuments {
  private readonly docs: Map<string, Document>;
  private readonly indexes = new Map<string, Int32Array>();

  constructor(documents: readonly Document[]) {
    this.docs = new Map(documents.map((d) => [d.id, d]));
  }

  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  private index(docId: string): Int32Array {
    let index = this.indexes.get(docId);
    if (!index) {
      index = codePointIndex(this.docs.get(docId)!.text);
      this.indexes.set(docId, index);
    }
    return index;
  }

  /** Code points in the document. */
  length(docId: string): number {
    return this.index(docId).length - 1;
  }

  slice(docId: string, start: number, end: number): string {
    const index = this.index(docId);
    return this.docs.get(docId)!.text.slice(index[start], index[end]);
  }
}

/**
 * The documents as the span checks need them, without holding their text:
 * each document's length in code points and the slices its spans ask for,
 * taken (`take`) from its text in a pass over the corpus, a document at a
 * time, by a cursor (no index per character: a document may be 200 MB).
 */
export class PreslicedDocuments implements SpanDocuments {
  private readonly known: Set<string>;
  private readonly lengths = new Map<string, number>();
  private readonly slices = new Map<string, string>();

  constructor(docIds: readonly string[]) {
    this.known = new Set(docIds);
  }

  has(docId: string): boolean {
    return this.known.has(docId);
  }

  ids(): string[] {
    return [...this.known];
  }

  /** Takes what the spans of a document need from its text: its length, and its slices at `ranges` ([start, end) in code points). */
  take(docId: string, text: string, ranges: readonly (readonly [number, number])[]): void {
    const length = countCodePoints(text);
    this.lengths.set(docId, length);
    const at = codePointCursor(text);
    const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [start, end] of sorted) {
      if (start >= end || end > length || start < 0) continue;
      const from = at(start);
      // Detached: a slice would keep its whole document alive.
      this.slices.set(`${docId}\u0000${start}\u0000${end}`, detachString(text.slice(from, at(end))));
    }
  }

  length(docId: string): number {
    return this.lengths.get(docId) ?? 0;
  }

  slice(docId: string, start: number, end: number): string {
    return this.slices.get(`${docId}\u0000${start}\u0000${end}`) ?? '';
  }
}
