import type { Codebook } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import type { CodedSegment } from './coded-segments.js';
import { documentGroup, MISSING_GROUP } from './group-key.js';
import { computePresenceTest, type PresenceTest } from './presence-test.js';

/** Which rows a frequency table holds: categories, codes, or both. */
export const FREQUENCY_ROWS = ['category', 'code', 'all'] as const;
export type FrequencyRows = (typeof FREQUENCY_ROWS)[number];

/** One line of the FrequencyTable: a code (or a whole category when `code` is null) in a group. */
export interface FrequencyRow {
  /** Group value under `--by`, null for the whole corpus. */
  group: string | null;
  category: string;
  code: string | null;
  /** Reviewed segments carrying the code (for a category: any of its codes). */
  segments: number;
  /** segments / reviewed segments in the group: a proportion. */
  segment_share: number;
  /** Documents with at least one such segment. */
  documents: number;
  /** documents / documents with a reviewed segment in the group. */
  document_share: number;
}

export interface GroupSize {
  group: string | null;
  segments: number;
  documents: number;
}

/** What a presence test counts: segments (as drawn) or documents (the code anywhere in the document vs not). */
export type TestUnit = 'segment' | 'doc';

export interface FrequencyTable {
  by: string | null;
  testUnit: TestUnit;
  groups: GroupSize[];
  rows: FrequencyRow[];
  /** χ² tests of presence by group, one per row key; empty without `by`. */
  tests: PresenceTest[];
}

export interface FrequencyInput {
  codebook: Codebook;
  documents: readonly Document[];
  coded: readonly CodedSegment[];
  /** A metadata key, `doc`, or null for no grouping. */
  by: string | null;
  rows: FrequencyRows;
  /** Groups in corpus order of their first document (default), or sorted by name, (missing) last: periods in time order. */
  groupOrder?: 'corpus' | 'sorted';
  /** Default `segment`. */
  testUnit?: TestUnit;
}

interface RowKey {
  category: string;
  code: string | null;
  has(codes: ReadonlySet<string>): boolean;
}

function rowKeys(codebook: Codebook, rows: FrequencyRows): RowKey[] {
  const keys: RowKey[] = [];
  for (const category of codebook.categories) {
    const ids = category.codes.map((c) => c.id);
    if (rows !== 'code') keys.push({ category: category.id, code: null, has: (codes) => ids.some((id) => codes.has(id)) });
    if (rows !== 'category') {
      for (const id of ids) keys.push({ category: category.id, code: id, has: (codes) => codes.has(id) });
    }
  }
  return keys;
}

/**
 * Counts, for every code and category, the reviewed segments that carry it and
 * the documents that contain such a segment, overall or per group; with a
 * grouping, also tests presence against group by χ², counting segments
 * (`testUnit` segment) or documents (`doc`: a document has the code when any
 * of its reviewed segments does). Segments of one document are not
 * independent draws, so a segment-level test overstates the evidence when
 * codes cluster in documents; the document-level test does not.
 * Groups appear in corpus order of their first document.
 */
export function computeFrequencyTable(input: FrequencyInput): FrequencyTable {
  const docById = new Map(input.documents.map((d) => [d.id, d]));
  const groupOf = (docId: string): string | null => {
    if (input.by === null) return null;
    const doc = docById.get(docId);
    return doc ? documentGroup(doc, input.by) : docId;
  };
  const members = new Map<string | null, CodedSegment[]>();
  for (const s of input.coded) {
    const g = groupOf(s.segment.doc_id);
    let list = members.get(g);
    if (!list) members.set(g, (list = []));
    list.push(s);
  }
  const entries = [...members.entries()];
  if (input.groupOrder === 'sorted') {
    const rank = (g: string | null) => (g === MISSING_GROUP ? '\uffff' : (g ?? ''));
    entries.sort(([a], [b]) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  }
  const groups: GroupSize[] = entries.map(([group, list]) => ({
    group,
    segments: list.length,
    documents: new Set(list.map((s) => s.segment.doc_id)).size,
  }));
  const keys = rowKeys(input.codebook, input.rows);
  const rows: FrequencyRow[] = [];
  const presence = new Map<RowKey, number[][]>(keys.map((k) => [k, []]));
  for (const size of groups) {
    const list = members.get(size.group)!;
    for (const key of keys) {
      const hits = list.filter((s) => key.has(s.codes));
      const documents = new Set(hits.map((s) => s.segment.doc_id)).size;
      rows.push({
        group: size.group,
        category: key.category,
        code: key.code,
        segments: hits.length,
        segment_share: hits.length / size.segments,
        documents,
        document_share: documents / size.documents,
      });
      presence.get(key)!.push(input.testUnit === 'doc' ? [documents, size.documents - documents] : [hits.length, size.segments - hits.length]);
    }
  }
  const tests = input.by === null ? [] : keys.map((k) => computePresenceTest(k.category, k.code, presence.get(k)!));
  return { by: input.by, testUnit: input.testUnit ?? 'segment', groups, rows, tests };
}
