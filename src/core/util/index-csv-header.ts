import type { ErrorCode } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { CsvRow } from './parse-csv-positions.js';
import { didYouMean } from './suggest.js';

/**
 * Maps the header of a file with named columns (any order) to column indexes,
 * reporting under `code` every unknown column (with a did-you-mean), every
 * column given twice and every required column missing. `index` is complete
 * only when no diagnostic was added.
 */
export function indexCsvHeader<K extends string>(
  header: CsvRow,
  spec: { file: string; code: ErrorCode; columns: readonly K[]; required: readonly K[] },
): { index: Map<K, number>; diagnostics: Diagnostic[] } {
  const { file, code, columns, required } = spec;
  const index = new Map<K, number>();
  const diagnostics: Diagnostic[] = [];
  header.fields.forEach((name, i) => {
    const at = { file, ...header.positions[i]! };
    const key = name.trim();
    if (!(columns as readonly string[]).includes(key)) diagnostics.push(diag(code, `unknown column '${key}'${didYouMean(key, columns)}`, { at }));
    else if (index.has(key as K)) diagnostics.push(diag(code, `column '${key}' appears twice`, { at }));
    else index.set(key as K, i);
  });
  for (const col of required) if (!index.has(col)) diagnostics.push(diag(code, `missing column '${col}'`, { at: { file, line: 1, col: 1 } }));
  return { index, diagnostics };
}
