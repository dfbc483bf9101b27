import type { Document } from '../model/document.js';
import { codePointIndex } from '../util/code-point-index.js';

/**
 * Slices documents by code-point offsets, building each document's index
 * once: span files hold thousands of spans over a few long documents.
 */
export class DocumentSlicer {
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
