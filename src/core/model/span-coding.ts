/**
 * A SpanCoding is one code a coder applied to a free span of a document, as
 * QDA tools code: [start, end) in code points of the normalised document,
 * `text` the slice itself (checked on every read, so a span never lands on
 * text its coder did not see). An empty `code` marks a span the coder
 * reviewed and found no code for.
 */
export interface SpanCoding {
  doc_id: string;
  start: number;
  end: number;
  code: string;
  text: string;
  memo: string;
}

export const SPAN_COLUMNS = ['doc_id', 'start', 'end', 'code', 'text', 'memo'] as const;

/** Span files live beside coding files: `<out>/codings/spans/<coder>.csv`. */
export const SPANS_DIR = 'spans';
