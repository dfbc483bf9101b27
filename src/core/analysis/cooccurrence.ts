import { listCodes, type Codebook } from '../model/codebook.js';
import type { CodingTable } from '../coding/coding-table.js';
import type { CodedSegment } from './coded-segments.js';

/** How often two codes occur together, within segments and within documents. */
export interface CooccurrenceRow {
  code_a: string;
  code_b: string;
  segments_a: number;
  segments_b: number;
  segments_both: number;
  /** |A ∩ B| / |A ∪ B| over segments; null when neither code occurs. */
  segment_jaccard: number | null;
  documents_a: number;
  documents_b: number;
  documents_both: number;
  document_jaccard: number | null;
}

const jaccard = (a: number, b: number, both: number) => (a + b - both === 0 ? null : both / (a + b - both));

/**
 * Every pair of distinct codes in codebook order (a before b). Within
 * segments: both codes on one reviewed segment. Within documents: each code on
 * some reviewed segment of the document (not necessarily the same one).
 * Jaccard similarity J = |A ∩ B| / |A ∪ B| (P. Jaccard 1912).
 */
export function computeCooccurrence(codebook: Codebook, coded: readonly CodedSegment[]): CooccurrenceRow[] {
  const ids = listCodes(codebook).map((r) => r.code.id);
  const segSets = new Map(ids.map((id) => [id, new Set<string>()]));
  const docSets = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const s of coded) {
    for (const id of s.codes) {
      segSets.get(id)?.add(s.segment.segment_id);
      docSets.get(id)?.add(s.segment.doc_id);
    }
  }
  const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((v) => y.has(v)).length;
  const rows: CooccurrenceRow[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      const [sa, sb, da, db] = [segSets.get(a)!, segSets.get(b)!, docSets.get(a)!, docSets.get(b)!];
      const segBoth = overlap(sa, sb);
      const docBoth = overlap(da, db);
      rows.push({
        code_a: a,
        code_b: b,
        segments_a: sa.size,
        segments_b: sb.size,
        segments_both: segBoth,
        segment_jaccard: jaccard(sa.size, sb.size, segBoth),
        documents_a: da.size,
        documents_b: db.size,
        documents_both: docBoth,
        document_jaccard: jaccard(da.size, db.size, docBoth),
      });
    }
  }
  return rows;
}

/**
 * computeCooccurrence over a CodingTable, without a set per code: counts per
 * code and per pair of code numbers (a K × K matrix, K codes: the size of
 * the output), segments and documents walked in corpus order.
 */
export function computeTableCooccurrence(codebook: Codebook, codings: CodingTable): CooccurrenceRow[] {
  const ids = listCodes(codebook).map((r) => r.code.id);
  const k = ids.length + 1;
  const segCount = new Uint32Array(k);
  const docCount = new Uint32Array(k);
  const segPair = new Uint32Array(k * k);
  const docPair = new Uint32Array(k * k);
  const inDoc = new Uint8Array(k);
  const docCodes: number[] = [];
  const segCodes: number[] = [];
  const table = codings.segments;
  const flushDoc = () => {
    docCodes.sort((x, y) => x - y);
    for (let x = 0; x < docCodes.length; x++) {
      docCount[docCodes[x]!]!++;
      for (let y = x + 1; y < docCodes.length; y++) docPair[docCodes[x]! * k + docCodes[y]!]!++;
      inDoc[docCodes[x]!] = 0;
    }
    docCodes.length = 0;
  };
  let doc = -1;
  for (let r = 0; r < codings.length; ) {
    const end = codings.segmentEnd(r);
    const d = table.doc(codings.segment(r));
    if (d !== doc) {
      flushDoc();
      doc = d;
    }
    segCodes.length = 0;
    for (; r < end; r++) {
      const c = codings.code(r);
      if (c === 0) continue;
      segCodes.push(c);
      if (!inDoc[c]) {
        inDoc[c] = 1;
        docCodes.push(c);
      }
    }
    // Code numbers rise within a segment's rows.
    for (let x = 0; x < segCodes.length; x++) {
      segCount[segCodes[x]!]!++;
      for (let y = x + 1; y < segCodes.length; y++) segPair[segCodes[x]! * k + segCodes[y]!]!++;
    }
  }
  flushDoc();
  const rows: CooccurrenceRow[] = [];
  for (let i = 1; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const [sa, sb, da, db] = [segCount[i]!, segCount[j]!, docCount[i]!, docCount[j]!];
      const segBoth = segPair[i * k + j]!;
      const docBoth = docPair[i * k + j]!;
      rows.push({
        code_a: ids[i - 1]!,
        code_b: ids[j - 1]!,
        segments_a: sa,
        segments_b: sb,
        segments_both: segBoth,
        segment_jaccard: jaccard(sa, sb, segBoth),
        documents_a: da,
        documents_b: db,
        documents_both: docBoth,
        document_jaccard: jaccard(da, db, docBoth),
      });
    }
  }
  return rows;
}
