import { listCodes, type Codebook } from '../model/codebook.js';
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
  /** Whether each test gets Cramér's V's bootstrap interval (1,000 resamples a test); false for a page that does not show it. Default true. */
  intervals?: boolean;
}

/**
 * What the counts need of the reviewed segments, without an object per
 * segment: `visit` calls back once per reviewed segment in corpus order with
 * its document's number in `documents` and its code numbers (1-based in
 * codebook order, listCodes; none for a "reviewed, none" segment).
 */
export interface CompactFrequencyInput extends Omit<FrequencyInput, 'documents' | 'coded'> {
  documents: readonly Pick<Document, 'id' | 'metadata'>[];
  reviewed: (visit: (doc: number, codes: readonly number[]) => void) => void;
}

interface RowKey {
  category: string;
  code: string | null;
  /** Code numbers (1-based, codebook order) any of which puts a segment in the row. */
  codes: readonly number[];
}

function rowKeys(codebook: Codebook, rows: FrequencyRows): RowKey[] {
  const keys: RowKey[] = [];
  let next = 1;
  for (const category of codebook.categories) {
    const numbers = category.codes.map(() => next++);
    if (rows !== 'code') keys.push({ category: category.id, code: null, codes: numbers });
    if (rows !== 'category') category.codes.forEach((c, i) => keys.push({ category: category.id, code: c.id, codes: [numbers[i]!] }));
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
  const documents: Pick<Document, 'id' | 'metadata'>[] = [...input.documents];
  const docNumber = new Map(input.documents.map((d, i) => [d.id, i]));
  const codeNumber = new Map(listCodes(input.codebook).map((r) => [r.code.id, r.order + 1]));
  return computeCompactFrequencyTable({
    ...input,
    documents,
    reviewed(visit) {
      // A document's segments together, documents in order of first appearance (what corpus order gives).
      const firstSeen = new Map<string, number>();
      input.coded.forEach((s, i) => firstSeen.has(s.segment.doc_id) || firstSeen.set(s.segment.doc_id, i));
      const coded = input.coded.map((s, i) => ({ s, i })).sort((a, b) => firstSeen.get(a.s.segment.doc_id)! - firstSeen.get(b.s.segment.doc_id)! || a.i - b.i);
      for (const { s } of coded) {
        let d = docNumber.get(s.segment.doc_id);
        if (d === undefined) {
          d = documents.length;
          docNumber.set(s.segment.doc_id, d);
          documents.push({ id: s.segment.doc_id, metadata: {} });
        }
        const codes: number[] = [];
        for (const id of s.codes) {
          const k = codeNumber.get(id);
          if (k !== undefined) codes.push(k);
        }
        visit(d, codes);
      }
    },
  });
}

/** computeFrequencyTable over reviewed segments given compactly (a CodingTable's rows): the one way frequencies are counted. */
export function computeCompactFrequencyTable(input: CompactFrequencyInput): FrequencyTable {
  const keys = rowKeys(input.codebook, input.rows);
  const codeCount = listCodes(input.codebook).length;
  // The keys each code number puts a segment in.
  const keysOfCode: number[][] = Array.from({ length: codeCount + 1 }, () => []);
  keys.forEach((k, i) => {
    for (const c of k.codes) keysOfCode[c]!.push(i);
  });
  const groupNumber = new Map<string | null, number>();
  const groupOfDoc = new Int32Array(input.documents.length).fill(-1);
  const groupsInOrder: (string | null)[] = [];
  const size: { segments: number; documents: number; lastDoc: number }[] = [];
  const hits: number[][] = [];
  const docHits: number[][] = [];
  const lastDoc: number[][] = [];
  const seenKey = new Int32Array(keys.length).fill(-1);
  let segmentNo = 0;
  input.reviewed((doc, codes) => {
    let g = groupOfDoc[doc]!;
    if (g < 0) {
      const name = input.by === null ? null : documentGroup(input.documents[doc]!, input.by);
      let known = groupNumber.get(name);
      if (known === undefined) {
        known = groupsInOrder.length;
        groupNumber.set(name, known);
        groupsInOrder.push(name);
        size.push({ segments: 0, documents: 0, lastDoc: -1 });
        hits.push(new Array<number>(keys.length).fill(0));
        docHits.push(new Array<number>(keys.length).fill(0));
        lastDoc.push(new Array<number>(keys.length).fill(-1));
      }
      g = groupOfDoc[doc] = known;
    }
    const sz = size[g]!;
    sz.segments++;
    // Segments come in corpus order, so a document's segments are together: a new document is one not seen last.
    if (sz.lastDoc !== doc) {
      sz.documents++;
      sz.lastDoc = doc;
    }
    segmentNo++;
    const h = hits[g]!;
    const dh = docHits[g]!;
    const ld = lastDoc[g]!;
    for (const c of codes) {
      for (const k of keysOfCode[c] ?? []) {
        // A category row counts a segment once, however many of its codes it has.
        if (seenKey[k] === segmentNo) continue;
        seenKey[k] = segmentNo;
        h[k]!++;
        if (ld[k] !== doc) {
          dh[k]!++;
          ld[k] = doc;
        }
      }
    }
  });
  const order = groupsInOrder.map((group, g) => ({ group, g }));
  if (input.groupOrder === 'sorted') {
    const rank = (g: string | null) => (g === MISSING_GROUP ? '\uffff' : (g ?? ''));
    order.sort((a, b) => (rank(a.group) < rank(b.group) ? -1 : rank(a.group) > rank(b.group) ? 1 : 0));
  }
  const groups: GroupSize[] = order.map(({ group, g }) => ({ group, segments: size[g]!.segments, documents: size[g]!.documents }));
  const rows: FrequencyRow[] = [];
  const presence: number[][][] = keys.map(() => []);
  order.forEach(({ group, g }, gi) => {
    const sz = groups[gi]!;
    keys.forEach((key, k) => {
      const segments = hits[g]![k]!;
      const documents = docHits[g]![k]!;
      rows.push({
        group,
        category: key.category,
        code: key.code,
        segments,
        segment_share: segments / sz.segments,
        documents,
        document_share: documents / sz.documents,
      });
      presence[k]!.push(input.testUnit === 'doc' ? [documents, sz.documents - documents] : [segments, sz.segments - segments]);
    });
  });
  const tests = input.by === null ? [] : keys.map((k, i) => computePresenceTest(k.category, k.code, presence[i]!, input.intervals ?? true));
  return { by: input.by, testUnit: input.testUnit ?? 'segment', groups, rows, tests };
}
