import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/**
 * Reads the segment ids of a sample file (any CSV with a `segment_id` column,
 * so a hand-made list works too), checks them against the corpus' segments,
 * and returns them in the corpus order with duplicates dropped.
 */
export function parseSampleCsv(
  text: string,
  file: string,
  corpusOrder: readonly string[],
): { segmentIds: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      segmentIds: [],
      diagnostics: [diag('QC507', `not a readable CSV file: ${(err as Error).message}`, { at: line ? { file, line } : { file } })],
    };
  }
  const header = records[0] ?? [];
  const col = header.indexOf('segment_id');
  if (col < 0) {
    return { segmentIds: [], diagnostics: [diag('QC507', 'the sample file has no segment_id column', { at: { file, line: 1 } })] };
  }
  const position = new Map(corpusOrder.map((id, i) => [id, i]));
  const found = new Set<string>();
  records.slice(1).forEach((rec, i) => {
    const id = rec[col] ?? '';
    if (!position.has(id)) {
      diagnostics.push(diag('QC507', `unknown segment '${id}'`, { at: { file, line: i + 2 } }));
    } else found.add(id);
  });
  const segmentIds = [...found].sort((a, b) => position.get(a)! - position.get(b)!);
  return { segmentIds, diagnostics };
}
