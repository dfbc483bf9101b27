import { listCodes, type Codebook } from '../model/codebook.js';
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
