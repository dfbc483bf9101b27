import { parseRatings, type ParsedRatings, type ParseRatingsOptions } from '../core/agreement/parse-ratings.js';
import { readTextFile } from './read-text-file.js';

/** Reads and parses a `--ratings` file (wide or long CSV); problems are thrown as diagnostics. */
export async function readRatingsFile(
  file: string,
  options: Omit<ParseRatingsOptions, 'file'> & { display?: (p: string) => string },
): Promise<ParsedRatings> {
  const shown = options.display ? options.display(file) : file;
  const text = await readTextFile(file, shown);
  return parseRatings(text, { file: shown, level: options.level, ...(options.categories ? { categories: options.categories } : {}) });
}
