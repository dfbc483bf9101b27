import { QcodeError, diag } from '../diagnostics/qcode-error.js';
import { parseCsvWithPositions } from '../util/parse-csv-positions.js';
import { RatingsBuilder, type ParsedRatings, type ParseRatingsOptions } from './ratings-builder.js';

export type { ParsedRatings, ParseRatingsOptions } from './ratings-builder.js';

/**
 * Parses a ratings table held in memory (wide or long CSV; see
 * RatingsBuilder). Files are read by src/io/read-ratings.ts, which streams
 * their bytes into the same builder.
 */
export function parseRatings(text: string, options: ParseRatingsOptions): ParsedRatings {
  const { rows, errors } = parseCsvWithPositions(text);
  if (errors.length > 0) {
    throw new QcodeError(errors.map((e) => diag('QC601', `not valid CSV: ${e.message}`, { at: { file: options.file, line: e.line, col: e.col } })));
  }
  const builder = new RatingsBuilder(options);
  const encoder = new TextEncoder();
  for (const row of rows) {
    if (row.fields.length === 1 && row.fields[0] === '') continue;
    const parts = row.fields.map((f) => encoder.encode(f));
    const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    const starts = new Int32Array(parts.length);
    const ends = new Int32Array(parts.length);
    let at = 0;
    parts.forEach((p, i) => {
      bytes.set(p, at);
      starts[i] = at;
      at += p.length;
      ends[i] = at;
    });
    if (!builder.add({ count: parts.length, line: row.line, bytes, starts, ends })) break;
  }
  return builder.finish();
}
