import type { Table } from '../format/table.js';
import type { Document } from '../model/document.js';
import { createRng } from '../random/create-rng.js';
import type { CodingTable } from '../coding/coding-table.js';
import type { DocumentHead } from '../segment/segment-table.js';
import type { CodedSegment } from './coded-segments.js';

export type SaturationOrder = 'doc' | 'date' | 'random';

export interface SaturationStep {
  step: number;
  document: string;
  /** Codes first seen in this document, alphabetically. */
  new_codes: string[];
  /** Distinct codes seen so far. */
  distinct_codes: number;
}

export interface Saturation {
  order: SaturationOrder;
  seed: number | string | null;
  steps: SaturationStep[];
  /** The step of the last new code: no new code appeared in the documents after it (null when no code was used). */
  saturated_at: number | null;
  documents_after: number;
}

/**
 * Code saturation: documents are added one at a time in the given order (the
 * corpus order, the documents' `date` metadata — undated last, ties in corpus
 * order — or a seeded random order, a Fisher–Yates shuffle with qcode's own
 * generator), and after each the number of distinct codes the coder has
 * applied so far is counted with the codes new in that document. The last
 * step with a new code is the point after which no new code appeared — the
 * "did we code enough documents" check (Guest, Bunce & Johnson 2006; Saunders
 * et al. 2018 call it code saturation). Only documents with a reviewed
 * segment count.
 */
export function computeSaturation(documents: readonly Document[], coded: readonly CodedSegment[], order: SaturationOrder, seed: number | string | null): Saturation {
  const codesByDoc = new Map<string, string[]>();
  for (const s of coded) {
    let list = codesByDoc.get(s.segment.doc_id);
    if (!list) codesByDoc.set(s.segment.doc_id, (list = []));
    for (const c of [...s.codes].sort()) list.push(c);
  }
  return saturationOf(documents, codesByDoc, order, seed);
}

/**
 * computeSaturation over a CodingTable: per document with a reviewed
 * segment, its codes in the order computeSaturation meets them (segment by
 * segment, each segment's alphabetically), each once.
 */
export function computeTableSaturation(codings: CodingTable, order: SaturationOrder, seed: number | string | null): Saturation {
  const table = codings.segments;
  const codesByDoc = new Map<string, string[]>();
  let list: string[] = [];
  let doc = -1;
  for (let r = 0; r < codings.length; ) {
    const d = table.doc(codings.segment(r));
    if (d !== doc) codesByDoc.set(table.documents[(doc = d)]!.id, (list = []));
    const end = codings.segmentEnd(r);
    const codes: string[] = [];
    for (; r < end; r++) if (codings.code(r) !== 0) codes.push(codings.codeId(r));
    for (const c of codes.sort()) if (!list.includes(c)) list.push(c);
  }
  return saturationOf(table.documents, codesByDoc, order, seed);
}

function saturationOf(documents: readonly DocumentHead[], codesByDoc: ReadonlyMap<string, readonly string[]>, order: SaturationOrder, seed: number | string | null): Saturation {
  let docs = documents.filter((d) => codesByDoc.has(d.id));
  if (order === 'date') {
    const rank = new Map(docs.map((d, i) => [d.id, i]));
    docs = [...docs].sort((a, b) => {
      const da = a.metadata.date ?? '';
      const db = b.metadata.date ?? '';
      if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? -1 : 1;
      return rank.get(a.id)! - rank.get(b.id)!;
    });
  } else if (order === 'random') {
    const rng = createRng(seed ?? 1);
    docs = [...docs];
    for (let i = docs.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [docs[i], docs[j]] = [docs[j]!, docs[i]!];
    }
  }
  const seen = new Set<string>();
  let saturatedAt: number | null = null;
  const steps = docs.map((d, i): SaturationStep => {
    const fresh: string[] = [];
    for (const c of codesByDoc.get(d.id)!) {
      if (seen.has(c)) continue;
      seen.add(c);
      fresh.push(c);
    }
    if (fresh.length > 0) saturatedAt = i + 1;
    return { step: i + 1, document: d.id, new_codes: fresh, distinct_codes: seen.size };
  });
  return { order, seed: order === 'random' ? (seed ?? 1) : null, steps, saturated_at: saturatedAt, documents_after: saturatedAt === null ? 0 : steps.length - saturatedAt };
}

/** One row per document: a table to read and, as CSV, a curve to plot (step against distinct codes). */
export function saturationTable(s: Saturation, coder: string): Table {
  const how = s.order === 'random' ? `random order, seed ${s.seed}` : s.order === 'date' ? 'by date' : 'in corpus order';
  return {
    title: `Code saturation (coder ${coder}, documents ${how})`,
    columns: [
      { key: 'step', label: 'Step', kind: 'integer' },
      { key: 'document', label: 'Document' },
      { key: 'new_count', label: 'New codes', kind: 'integer' },
      { key: 'distinct_codes', label: 'Distinct codes', kind: 'integer' },
      { key: 'new_codes', label: 'Codes first seen' },
    ],
    rows: s.steps.map((r) => [r.step, r.document, r.new_codes.length, r.distinct_codes, r.new_codes.join(' ')]),
    footnotes: [
      s.saturated_at === null
        ? 'No code was applied.'
        : `The last new code appeared at step ${s.saturated_at} of ${s.steps.length}; no new code in the ${s.documents_after} document(s) after it.`,
      'Saturation depends on the order: compare --order random with a few seeds before reading much into one curve.',
    ],
  };
}
