import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { SpanCoding } from '../model/span-coding.js';
import { didYouMean } from '../util/suggest.js';
import type { SpanDocuments } from './document-slicer.js';
import type { LocatedSpan } from './parse-span-file.js';

const excerpt = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Checks spans against the corpus and codebook: the document exists, the
 * offsets are whole code points inside it with start before end, the text is
 * exactly the slice, the code exists (empty: reviewed, none), no row twice.
 * Returns the valid spans in canonical order and a diagnostic per problem.
 */
export function validateSpans(rows: readonly LocatedSpan[], slicer: SpanDocuments, codebook: Codebook): { spans: SpanCoding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const codes = new Set(listCodes(codebook).map((r) => r.code.id));
  const seen = new Map<string, number>();
  const spans: SpanCoding[] = [];
  for (const { span, at, badOffsets } of rows) {
    if (!slicer.has(span.doc_id)) {
      diagnostics.push(diag('QC821', `unknown document '${span.doc_id}'${didYouMean(span.doc_id, slicer.ids())}`, { at: at.doc_id ?? at.row }));
      continue;
    }
    const length = slicer.length(span.doc_id);
    if (badOffsets !== undefined) {
      diagnostics.push(diag('QC822', `offsets ${badOffsets} are not whole numbers`, { at: at.start ?? at.row }));
      continue;
    }
    if (span.start >= span.end || span.end > length) {
      const why = span.start >= span.end ? 'start is not before end' : `end is beyond the document's ${length} code points`;
      diagnostics.push(diag('QC822', `span [${span.start}, ${span.end}) of '${span.doc_id}': ${why}`, { at: at.start ?? at.row }));
      continue;
    }
    const actual = slicer.slice(span.doc_id, span.start, span.end);
    if (actual !== span.text) {
      diagnostics.push(diag('QC823', `span [${span.start}, ${span.end}) of '${span.doc_id}' says ${excerpt(span.text)} but the document has ${excerpt(actual)}`, { at: at.text ?? at.row }));
      continue;
    }
    if (span.code !== '' && !codes.has(span.code)) {
      diagnostics.push(diag('QC402', `unknown code '${span.code}'${didYouMean(span.code, [...codes])}`, { at: at.code ?? at.row }));
      continue;
    }
    const key = `${span.doc_id}\u0000${span.start}\u0000${span.end}\u0000${span.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(diag('QC824', `span [${span.start}, ${span.end}) of '${span.doc_id}' with code '${span.code}' is also on line ${first}`, { at: at.row }));
      continue;
    }
    seen.set(key, at.row.line ?? 0);
    spans.push(span);
  }
  return { spans: sortSpans(spans, codebook, slicer.ids()), diagnostics };
}

/** Canonical order: corpus order of documents, start, end, codebook order of codes ('' first), memo. */
export function sortSpans(spans: readonly SpanCoding[], codebook: Codebook, docOrder: readonly string[]): SpanCoding[] {
  const docRank = new Map(docOrder.map((d, i) => [d, i]));
  const codeRank = new Map(listCodes(codebook).map((r) => [r.code.id, r.order]));
  const rank = (m: Map<string, number>, k: string) => (k === '' ? -1 : (m.get(k) ?? Number.MAX_SAFE_INTEGER));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...spans].sort(
    (a, b) =>
      rank(docRank, a.doc_id) - rank(docRank, b.doc_id) ||
      cmp(a.doc_id, b.doc_id) ||
      a.start - b.start ||
      a.end - b.end ||
      rank(codeRank, a.code) - rank(codeRank, b.code) ||
      cmp(a.code, b.code) ||
      cmp(a.memo, b.memo),
  );
}
