import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/**
 * Reads the segment ids of a sample file (any CSV with a `segment_id` column,
 * so a hand-made list works too), checks them against the corpus' segments
 * (`positionOf`: a segment's place in the corpus, -1 for none), and returns
 * them in the corpus order with duplicates dropped, with their places.
 */
export function parseSampleCsv(
  text: string,
  file: string,
  positionOf: (id: string) => number,
): { segmentIds: string[]; positions: number[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      segmentIds: [],
      positions: [],
      diagnostics: [diag('QC507', `not a readable CSV file: ${(err as Error).message}`, { at: line ? { file, line } : { file } })],
    };
  }
  const header = records[0] ?? [];
  const col = header.indexOf('segment_id');
  if (col < 0) {
    return { segmentIds: [], positions: [], diagnostics: [diag('QC507', 'the sample file has no segment_id column', { at: { file, line: 1 } })] };
  }
  const found = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const id = rec[col] ?? '';
    const at = found.get(id) ?? positionOf(id);
    if (at < 0) {
      diagnostics.push(diag('QC507', `unknown segment '${id}'`, { at: { file, line: i + 2 } }));
    } else found.set(id, at);
  });
  const ordered = [...found].sort((a, b) => a[1] - b[1]);
  return { segmentIds: ordered.map(([id]) => id), positions: ordered.map(([, at]) => at), diagnostics };
}
