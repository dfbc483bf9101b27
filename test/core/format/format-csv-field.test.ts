import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvRow } from '../../../src/core/format/format-csv-field.js';

describe('formatCsvRow', () => {
  it('writes exactly what csv-stringify writes', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '\u{1F600}', "'", '=', '-', '\t') }),
      fc.integer({ min: 0, max: 1e9 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const same = rows.map((r) => Array.from({ length: width }, (_, i) => r[i % r.length]!));
        expect(same.map(formatCsvRow).join('')).toBe(stringify(same, { record_delimiter: '\n' }));
      }),
      { numRuns: 500 },
    );
  });

  it('quotes a field with a comma and doubles quotes', () => {
    expect(formatCsvRow(['a,b', 'say "hi"', 3])).toBe('"a,b","say ""hi""",3\n');
  });
});
