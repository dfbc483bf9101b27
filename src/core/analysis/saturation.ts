import type { Table } from '../format/table.js';
import type { Document } from '../model/document.js';
import { createRng } from '../random/create-rng.js';
import type { CodingTable } from '../coding/coding-table.js';
import type { DocumentHead } from '../segment/segment-table.js';
import type { CodedSegment } from './coded-segments.js';
import { ChunkedUint32 } from '../util/chunked-uint32.js';

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
  const position = new Map(documents.map((d, i) => [d.id, i]));
  const per = new DocumentCodes(documents.length);
  const numbers = new Map<string, number>();
  let doc = -1;
  for (const s of coded) {
    const d = position.get(s.segment.doc_id)!;
    if (d !== doc) per.open((doc = d));
    for (const c of [...s.codes].sort()) per.add(numbers.get(c) ?? (numbers.set(c, numbers.size), numbers.size - 1));
  }
  return saturationOf(documents, per, [...numbers.keys()], order, seed);
}

/**
 * computeSaturation over a CodingTable: per document with a reviewed
 * segment, its codes in the order computeSaturation meets them (segment by
 * segment, each segment's alphabetically), each once. Held as code numbers
 * in typed arrays, not a list of strings per document: a 1 GB corpus has
 * hundreds of thousands of documents.
 */
export function computeTableSaturation(codings: CodingTable, order: SaturationOrder, seed: number | string | null): Saturation {
  const table = codings.segments;
  const per = new DocumentCodes(table.documents.length);
  const byName = (a: number, b: number) => (codings.codeIds[a - 1]! < codings.codeIds[b - 1]! ? -1 : 1);
  const codes: number[] = [];
  let doc = -1;
  for (let r = 0; r < codings.length; ) {
    const d = table.doc(codings.segment(r));
    if (d !== doc) per.open((doc = d));
    const end = codings.segmentEnd(r);
    codes.length = 0;
    for (; r < end; r++) if (codings.code(r) !== 0) codes.push(codings.code(r));
    for (const k of codes.sort(byName)) per.add(k - 1);
  }
  return saturationOf(table.documents, per, codings.codeIds, order, seed);
}

/** Each document's codes, each once in the order added, as numbers: document d's are list[start[d]] up to list[end[d]]; opened: it has a reviewed segment. */
class DocumentCodes {
  readonly opened: Uint8Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly list = new ChunkedUint32();
  private d = -1;

  constructor(documents: number) {
    this.opened = new Uint8Array(documents);
    this.start = new Uint32Array(documents);
    this.end = new Uint32Array(documents);
  }

  open(d: number): void {
    this.d = d;
    this.opened[d] = 1;
    this.start[d] = this.end[d] = this.list.length;
  }

  add(code: number): void {
    for (let i = this.start[this.d]!; i < this.list.length; i++) if (this.list.get(i) === code) return;
    this.list.push(code);
    this.end[this.d] = this.list.length;
  }
}

function saturationOf(documents: readonly DocumentHead[], per: DocumentCodes, names: readonly string[], order: SaturationOrder, seed: number | string | null): Saturation {
  const docs: number[] = [];
  for (let d = 0; d < documents.length; d++) if (per.opened[d]) docs.push(d);
  if (order === 'date') {
    docs.sort((a, b) => {
      const da = documents[a]!.metadata.date ?? '';
      const db = documents[b]!.metadata.date ?? '';
      if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? -1 : 1;
      return a - b;
    });
  } else if (order === 'random') {
    const rng = createRng(seed ?? 1);
    for (let i = docs.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [docs[i], docs[j]] = [docs[j]!, docs[i]!];
    }
  }
  const seen = new Uint8Array(names.length);
  let distinct = 0;
  let saturatedAt: number | null = null;
  const steps = docs.map((d, i): SaturationStep => {
    const fresh: string[] = [];
    for (let j = per.start[d]!; j < per.end[d]!; j++) {
      const k = per.list.get(j);
      if (seen[k]) continue;
      seen[k] = 1;
      distinct++;
      fresh.push(names[k]!);
    }
    if (fresh.length > 0) saturatedAt = i + 1;
    return { step: i + 1, document: documents[d]!.id, new_codes: fresh, distinct_codes: distinct };
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
