import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * A CSV with one column taken out, for tests about other columns of a file
 * (the text fingerprints of a coding file have tests of their own:
 * test/e2e/rebase.test.ts, test/core/coding/anchor-codings.test.ts).
 */
export function withoutColumn(csv: string, column: string): string {
  const rows = parse(csv) as string[][];
  const k = rows[0]?.indexOf(column) ?? -1;
  if (k < 0) throw new Error(`no column ${column}`);
  return stringify(rows.map((r) => r.filter((_, i) => i !== k)), { record_delimiter: 'unix' });
}
