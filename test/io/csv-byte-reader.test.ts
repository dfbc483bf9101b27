import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvWithPositions } from '../../src/core/util/parse-csv-positions.js';
import { readCsvRecords } from '../../src/io/csv-byte-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qcode-csv-'));
let n = 0;
function records(content: string | Buffer): { rows: string[][]; lines: number[]; error: unknown; ascii: boolean[] } {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, content);
  const rows: string[][] = [];
  const lines: number[] = [];
  const ascii: boolean[] = [];
  const error = readCsvRecords(file, (r) => {
    const text = new TextDecoder();
    rows.push(Array.from({ length: r.count }, (_, i) => text.decode(r.bytes.subarray(r.starts[i], r.ends[i]))));
    lines.push(r.line);
    ascii.push(r.ascii);
  });
  return { rows, lines, error, ascii };
}

describe('readCsvRecords (streaming byte-level CSV)', () => {
  it('reads quoted fields, "" escapes, line breaks inside quotes, CRLF, a BOM and UTF-8, skipping empty lines', () => {
    const r = records('\ufeffunit,a\r\n"u,1","say ""hi"""\r\n\r\nu2,"two\nlines"\nü3,é\n');
    expect(r.rows).toEqual([['unit', 'a'], ['u,1', 'say "hi"'], ['u2', 'two\nlines'], ['ü3', 'é']]);
    expect(r.lines).toEqual([1, 2, 4, 6]);
    expect(r.error).toBeNull();
    // ASCII is vouched for only where it was seen: a quoted record is read the careful way and says false.
    expect(r.ascii).toEqual([true, false, false, false]);
    expect(records('a,b\nü,c\nd,e\n').ascii).toEqual([true, false, true]);
  });

  it('reads a last record without a newline, and empty fields', () => {
    expect(records('a,,b\n,x,').rows).toEqual([['a', '', 'b'], ['', 'x', '']]);
  });

  it('reports an unterminated quote with its place', () => {
    expect(records('a,b\n1,"open\n').error).toEqual({ line: 2, col: 3, message: 'a quoted field is not closed before the end of the file' });
  });

  it('reads records that straddle its 1 MiB chunks', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`unit-${i}`, i % 7 === 0 ? `"q,${i}"` : String(i % 5), 'x'.repeat(i % 13)]);
    const text = rows.map((r) => r.join(',')).join('\n') + '\n';
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const got = records(text).rows;
    expect(got).toHaveLength(rows.length);
    expect(got[59_999]).toEqual(['unit-59999', '4', 'x'.repeat(59_999 % 13)]);
    expect(got[7 * 3000]![1]).toBe(`q,${7 * 3000}`);
  });

  it('agrees with the in-memory CSV parser on generated files', () => {
    const field = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', 'é', ' ') , maxLength: 6 }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (table) => {
        const quote = (s: string) => (/[",\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
        const text = table.map((r) => r.map(quote).join(',')).join('\n') + '\n';
        // A row of one empty field is a blank line to both readers' callers (the ratings builder skips it).
        const blank = (r: string[]) => r.length === 1 && r[0] === '';
        const expected = parseCsvWithPositions(text).rows.map((r) => r.fields).filter((r) => !blank(r));
        expect(records(text).rows.filter((r) => !blank(r))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
