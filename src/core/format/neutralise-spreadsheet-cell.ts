/** A plain decimal number as spreadsheets read one: `-5`, `+1`, `-0.3`, `.5`, `1e-3`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What makes a spreadsheet run a cell as a formula when it starts one (some importers strip a tab or CR first). */
const TRIGGER = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet may take it from `--excel` CSV: every line that
 * a spreadsheet could see start (the cell's start, and the start of each line
 * after a CR, LF or CRLF inside it, since some importers split records there
 * even inside quotes) gets a leading apostrophe when it starts like a formula
 * (`=`, `+`, `-`, `@`, tab, CR), which spreadsheets show as text. A number
 * written as text (`-5`, `+1`, `-0.3`) stays as it is: a spreadsheet reads it as
 * the number, never as a formula. Source: OWASP, "CSV Injection".
 */
export function neutraliseSpreadsheetCell(text: string): string {
  if (!/[=+\-@\t\r]/.test(text)) return text;
  // Split keeping the line ends (odd indexes), then neutralise each line.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((piece, i) => (i % 2 === 0 && TRIGGER.test(piece) && !NUMBER.test(piece) ? `'${piece}` : piece))
    .join('');
}
