/**
 * An RFC 4180 CSV reader that keeps where each field starts, so diagnostics
 * about a cell can name its line and column. Used for the small, hand-edited
 * files (coding files, ratings, disagreements); corpora use csv-parse.
 */
export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
  /** 1-based line and column (UTF-16 units) where each field starts. */
  positions: { line: number; col: number }[];
}

export interface CsvParseResult {
  rows: CsvRow[];
  /** Where the text is not well-formed CSV (an unterminated quote). */
  errors: { line: number; col: number; message: string }[];
}

export function parseCsvWithPositions(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const errors: CsvParseResult['errors'] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  while (i < n) {
    const row: CsvRow = { fields: [], line, positions: [] };
    let endOfRow = false;
    while (!endOfRow) {
      row.positions.push({ line, col: i - lineStart + 1 });
      let value = '';
      if (text[i] === '"') {
        const qLine = line;
        const qCol = i - lineStart + 1;
        i++;
        let closed = false;
        // The field is sliced between quotes and joined once: adding a character at a time would make
        // a rope of a node per character, gigabytes for one cell holding a 200 MB document.
        const parts: string[] = [];
        while (i < n) {
          const q = text.indexOf('"', i);
          const end = q < 0 ? n : q;
          for (let k = i; k < end; k++) {
            if (text.charCodeAt(k) === 10) {
              line++;
              lineStart = k + 1;
            }
          }
          parts.push(text.slice(i, end));
          i = end;
          if (q < 0) break;
          if (text[q + 1] === '"') {
            parts.push('"');
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        value = parts.join('');
        if (!closed) errors.push({ line: qLine, col: qCol, message: 'a quoted field is never closed' });
        // Characters between a closing quote and the separator are kept, as spreadsheets do.
        const after = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        value += text.slice(after, i);
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(start, i);
      }
      row.fields.push(value);
      if (i >= n) endOfRow = true;
      else if (text[i] === ',') i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        lineStart = i;
        endOfRow = true;
      }
    }
    // A blank line is no row.
    if (!(row.fields.length === 1 && row.fields[0] === '')) rows.push(row);
  }
  return { rows, errors };
}
