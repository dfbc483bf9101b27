import { csvImportTable, type ImportTable } from '../core/coding/parse-import.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { decodeWindows1252 } from '../core/util/decode-windows-1252.js';
import { readBytes, decodeUtf8 } from './read-text-file.js';
import { readXlsx } from './xlsx.js';

/** Character encodings a coder's CSV may come in: UTF-8, or the Windows/Latin-1 one Excel writes on Windows. */
export const IMPORT_ENCODINGS = ['utf8', 'windows-1252', 'latin1'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/**
 * A coder's spreadsheet as an import table: an .xlsx worksheet (`sheet` by
 * name, else `coding`, else the first), or a CSV in `encoding` (default
 * UTF-8, a BOM dropped). CSV bytes that are not UTF-8 are an error whose
 * hint names --encoding, never mojibake.
 */
export async function readImportTable(file: string, shown: string, options: { encoding?: ImportEncoding; sheet?: string }): Promise<ImportTable> {
  const bytes = await readBytes(file, shown);
  if (/\.xlsx$/i.test(file)) {
    if (options.encoding !== undefined) throw new QcodeError([diag('QC001', 'option --encoding: an .xlsx file carries its own encoding; --encoding is for CSV files')]);
    const sheet = await readXlsx(bytes, shown, options.sheet);
    const rows = sheet.rows.map(({ row, cells }) => ({ fields: cells.map((c) => c.text), line: row, positions: cells.map((_, i) => ({ line: row, col: i + 1 })) }));
    return { file: shown, sheet: sheet.name, rows, diagnostics: [] };
  }
  if (options.sheet !== undefined) throw new QcodeError([diag('QC001', 'option --sheet: only an .xlsx workbook has sheets')]);
  const encoding = options.encoding ?? 'utf8';
  if (encoding !== 'utf8') return csvImportTable(decodeWindows1252(bytes), shown);
  try {
    return csvImportTable(decodeUtf8(bytes, shown), shown);
  } catch (e) {
    if (!(e instanceof QcodeError)) throw e;
    const hint = 'a CSV saved by Excel on Windows is often Windows-1252 (Latin-1): import it with --encoding windows-1252, or save it as "CSV UTF-8"';
    throw new QcodeError(e.diagnostics.map((d) => ({ ...d, hint })));
  }
}
