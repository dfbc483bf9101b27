import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { metadataString, type Document } from '../model/document.js';
import type { Cell } from '../format/table.js';
import type { Segment } from '../model/segment.js';
import type { CodedSegment } from './coded-segments.js';
import { listMetadataKeys } from './group-key.js';

export interface ExportTable {
  header: string[];
  rows: Cell[][];
}

export interface ExportInput {
  codebook: Codebook;
  documents: readonly Document[];
  segments: readonly Segment[];
  codings: readonly Coding[];
  coded: readonly CodedSegment[];
}

const LONG_FIXED = ['segment_id', 'doc_id', 'coder', 'category', 'code', 'memo'];
const WIDE_FIXED = ['segment_id', 'doc_id', 'index'];

/**
 * Metadata columns in order of first appearance; a key that would clash with
 * a fixed column or a code id is written `meta_<key>`.
 */
function metadataColumns(documents: readonly Document[], taken: readonly string[]): { key: string; column: string }[] {
  const reserved = new Set(taken);
  return listMetadataKeys(documents).map((key) => ({ key, column: reserved.has(key) ? `meta_${key}` : key }));
}

/**
 * Long format: one row per coding row of the coder (a "reviewed, none" row
 * keeps an empty code), in corpus then codebook order as in the coding file,
 * then the document's metadata and the segment text.
 */
export function computeLongExport(input: ExportInput): ExportTable {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const text = new Map(input.segments.map((s) => [s.segment_id, s.text]));
  const meta = metadataColumns(input.documents, [...LONG_FIXED, 'text']);
  return {
    header: [...LONG_FIXED, ...meta.map((m) => m.column), 'text'],
    rows: input.codings.map((c) => {
      const doc = docs.get(c.doc_id);
      return [
        c.segment_id,
        c.doc_id,
        c.coder,
        c.category,
        c.code,
        c.memo,
        ...meta.map((m) => (doc ? metadataString(doc, m.key) : '')),
        text.get(c.segment_id) ?? '',
      ];
    }),
  };
}

/**
 * Wide format: one row per reviewed segment, its document's metadata, and a
 * 0/1 column per code id in codebook order (for R, pandas, SPSS, Stata).
 */
export function computeWideExport(input: ExportInput): ExportTable {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const codeIds = listCodes(input.codebook).map((r) => r.code.id);
  const meta = metadataColumns(input.documents, [...WIDE_FIXED, ...codeIds]);
  return {
    header: [...WIDE_FIXED, ...meta.map((m) => m.column), ...codeIds],
    rows: input.coded.map(({ segment, codes }) => {
      const doc = docs.get(segment.doc_id);
      return [
        segment.segment_id,
        segment.doc_id,
        segment.index,
        ...meta.map((m) => (doc ? metadataString(doc, m.key) : '')),
        ...codeIds.map((id) => (codes.has(id) ? 1 : 0)),
      ];
    }),
  };
}

/**
 * JSON Lines: one object per reviewed segment with its codes (codebook order),
 * its document's metadata (as text, as read) and its text.
 */
export function computeJsonlExport(input: ExportInput, coder: string): Record<string, unknown>[] {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const order = new Map(listCodes(input.codebook).map((r) => [r.code.id, r.order]));
  return input.coded.map(({ segment, codes }) => {
    const doc = docs.get(segment.doc_id);
    return {
      segment_id: segment.segment_id,
      doc_id: segment.doc_id,
      index: segment.index,
      start: segment.start,
      end: segment.end,
      coder,
      codes: [...codes].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1)),
      metadata: doc ? { ...doc.metadata } : {},
      text: segment.text,
    };
  });
}
