import { RatingsBuilder, type ParsedRatings, type ParseRatingsOptions } from '../core/agreement/ratings-builder.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { statSync } from 'node:fs';
import { readCsvRecords } from './csv-byte-reader.js';

/**
 * Reads a `--ratings` file (wide or long CSV) by streaming its bytes into
 * typed arrays: a million units × 2 coders cost a few megabytes and no object
 * per row. Problems are thrown as diagnostics.
 */
export async function readRatingsFile(
  file: string,
  options: Omit<ParseRatingsOptions, 'file'> & { display?: (p: string) => string },
): Promise<ParsedRatings> {
  const shown = options.display ? options.display(file) : file;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // Reported below when the file is opened.
  }
  const builder = new RatingsBuilder({
    file: shown,
    level: options.level,
    // A guess from the size (a short row is about a dozen bytes): room for the units at once.
    expectedUnits: Math.ceil(size / 12),
    ...(options.categories ? { categories: options.categories } : {}),
  });
  let error;
  try {
    error = readCsvRecords(file, (record) => builder.add(record));
  } catch (e) {
    if (e instanceof QcodeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new QcodeError([diag('QC002', `${shown} does not exist`, { at: { file: shown } })]);
    throw new QcodeError([diag('QC003', `cannot read ${shown}: ${(e as Error).message}`, { at: { file: shown } })]);
  }
  if (error) throw new QcodeError([diag('QC601', `not valid CSV: ${error.message}`, { at: { file: shown, line: error.line, col: error.col } })]);
  return builder.finish();
}
