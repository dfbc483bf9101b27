import { formatRecordsCsv } from '../format/format-records.js';
import { parseCsvWithPositions } from '../util/parse-csv-positions.js';
import { ORPHAN_COLUMNS, type OrphanReason, type OrphanRow } from './rebase-codings.js';

/**
 * The orphans file after a rebase: the rows it held before, then the new
 * ones it did not hold yet. Orphans only accumulate; the coder redoes them
 * and deletes the file (or rows) when done.
 */
export function formatOrphansCsv(existing: string | undefined, added: readonly OrphanRow[]): string {
  const rows: OrphanRow[] = existing === undefined ? [] : parseOrphans(existing);
  const key = (r: OrphanRow) => ORPHAN_COLUMNS.map((k) => r[k]).join('\u0000');
  const seen = new Set(rows.map(key));
  for (const r of added) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    rows.push(r);
  }
  return formatRecordsCsv(ORPHAN_COLUMNS, rows);
}

/** The rows of an orphans file, by column name (a column missing reads as empty). */
function parseOrphans(text: string): OrphanRow[] {
  const [header, ...body] = parseCsvWithPositions(text).rows;
  if (!header) return [];
  const col = new Map(header.fields.map((f, i) => [f.trim(), i]));
  const get = (fields: string[], k: string) => fields[col.get(k) ?? -1] ?? '';
  return body.map(({ fields }) => ({
    segment_id: get(fields, 'segment_id'),
    doc_id: get(fields, 'doc_id'),
    text_sha: get(fields, 'text_sha'),
    coder: get(fields, 'coder'),
    category: get(fields, 'category'),
    code: get(fields, 'code'),
    memo: get(fields, 'memo'),
    reason: get(fields, 'reason') as OrphanReason,
    text: get(fields, 'text'),
  }));
}
