/**
 * One CSV field as csv-stringify writes it with qcode's settings (RFC 4180,
 * LF records): quoted only when it holds a comma, a quote or a line feed,
 * quotes doubled. The streamed coder formats millions of rows with it; a
 * test holds it byte-identical to csv-stringify.
 */
export function formatCsvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** A CSV record with its LF. */
export function formatCsvRow(values: readonly (string | number)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + formatCsvField(values[i]!);
  return `${line}\n`;
}
