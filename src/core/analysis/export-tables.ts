import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
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

/** A metadata key and the column it is written in. */
export interface MetadataColumn {
  key: string;
  column: string;
}

/**
 * Metadata columns in the given key order (first appearance in the corpus);
 * a key that would clash with a fixed column or a code id is written `meta_<key>`.
 */
function metadataColumns(keys: readonly string[], taken: readonly string[]): MetadataColumn[] {
  const reserved = new Set(taken);
  return keys.map((key) => ({ key, column: reserved.has(key) ? `meta_${key}` : key }));
}

const metadataCells = (meta: readonly MetadataColumn[], metadata: Readonly<Record<string, string>> | undefined) =>
  meta.map((m) => (metadata ? (metadata[m.key] ?? '') : ''));

/** The columns of the long table: the coding, the metadata keys (in corpus order), the text. */
export function longExportColumns(metadataKeys: readonly string[]): { header: string[]; meta: MetadataColumn[] } {
  const meta = metadataColumns(metadataKeys, [...LONG_FIXED, 'text']);
  return { header: [...LONG_FIXED, ...meta.map((m) => m.column), 'text'], meta };
}

/** One row of the long table: a coding row, its document's metadata (undefined: no such document) and its segment's text. */
export function longExportRow(c: Coding, meta: readonly MetadataColumn[], metadata: Readonly<Record<string, string>> | undefined, text: string): Cell[] {
  return [c.segment_id, c.doc_id, c.coder, c.category, c.code, c.memo, ...metadataCells(meta, metadata), text];
}

/** The columns of the wide table: the segment, the metadata keys (in corpus order), a 0/1 column per code id. */
export function wideExportColumns(metadataKeys: readonly string[], codeIds: readonly string[]): { header: string[]; meta: MetadataColumn[] } {
  const meta = metadataColumns(metadataKeys, [...WIDE_FIXED, ...codeIds]);
  return { header: [...WIDE_FIXED, ...meta.map((m) => m.column), ...codeIds], meta };
}

/** One row of the wide table: a reviewed segment, its document's metadata and the codes the coder applied. */
export function wideExportRow(
  segment: Pick<Segment, 'segment_id' | 'doc_id' | 'index'>,
  meta: readonly MetadataColumn[],
  metadata: Readonly<Record<string, string>> | undefined,
  codeIds: readonly string[],
  codes: ReadonlySet<string>,
): Cell[] {
  return [segment.segment_id, segment.doc_id, segment.index, ...metadataCells(meta, metadata), ...codeIds.map((id) => (codes.has(id) ? 1 : 0))];
}

/** The codes of a segment in codebook order (unknown ids last, by text), as the JSON Lines export lists them. */
export function orderCodes(codes: Iterable<string>, order: ReadonlyMap<string, number>): string[] {
  return [...codes].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1));
}

/** One object of the JSON Lines export: a reviewed segment with its codes, its document's metadata (as text, as read) and its text. */
export function jsonlExportObject(
  segment: Pick<Segment, 'segment_id' | 'doc_id' | 'index' | 'start' | 'end'>,
  coder: string,
  codes: readonly string[],
  metadata: Readonly<Record<string, string>> | undefined,
  text: string,
): Record<string, unknown> {
  return {
    segment_id: segment.segment_id,
    doc_id: segment.doc_id,
    index: segment.index,
    start: segment.start,
    end: segment.end,
    coder,
    codes,
    metadata: metadata ? { ...metadata } : {},
    text,
  };
}

/**
 * Long format: one row per coding row of the coder (a "reviewed, none" row
 * keeps an empty code), in corpus then codebook order as in the coding file,
 * then the document's metadata and the segment text.
 */
export function computeLongExport(input: ExportInput): ExportTable {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const text = new Map(input.segments.map((s) => [s.segment_id, s.text]));
  const { header, meta } = longExportColumns(listMetadataKeys(input.documents));
  return { header, rows: input.codings.map((c) => longExportRow(c, meta, docs.get(c.doc_id)?.metadata, text.get(c.segment_id) ?? '')) };
}

/**
 * Wide format: one row per reviewed segment, its document's metadata, and a
 * 0/1 column per code id in codebook order (for R, pandas, SPSS, Stata).
 */
export function computeWideExport(input: ExportInput): ExportTable {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const codeIds = listCodes(input.codebook).map((r) => r.code.id);
  const { header, meta } = wideExportColumns(listMetadataKeys(input.documents), codeIds);
  return { header, rows: input.coded.map(({ segment, codes }) => wideExportRow(segment, meta, docs.get(segment.doc_id)?.metadata, codeIds, codes)) };
}

/**
 * JSON Lines: one object per reviewed segment with its codes (codebook order),
 * its document's metadata (as text, as read) and its text.
 */
export function computeJsonlExport(input: ExportInput, coder: string): Record<string, unknown>[] {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const order = new Map(listCodes(input.codebook).map((r) => [r.code.id, r.order]));
  return input.coded.map(({ segment, codes }) => jsonlExportObject(segment, coder, orderCodes(codes, order), docs.get(segment.doc_id)?.metadata, segment.text));
}
