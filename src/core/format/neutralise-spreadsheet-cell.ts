/**
 * A text cell that a spreadsheet would run as a formula (it starts with `=`,
 * `+`, `-` or `@`, or with a tab or carriage return that some importers strip
 * before looking) gets a leading apostrophe, which spreadsheets show as text.
 * Numbers are left alone: they are written as numbers and never evaluated.
 * Source: OWASP, "CSV Injection".
 */
export function neutraliseSpreadsheetCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
