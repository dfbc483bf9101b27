import { describe, expect, it } from 'vitest';
import { boundDiagnostics, countDiagnostics, DiagnosticCollector } from '../../../src/core/diagnostics/diagnostic-bounds.js';
import { countSummary, formatDiagnostic } from '../../../src/core/diagnostics/format-diagnostic.js';
import { diag, warn } from '../../../src/core/diagnostics/qcode-error.js';

const rowError = (line: number) => diag('QC601', 'expected 3 fields', { at: { file: 'r.csv', line } });

describe('bounded diagnostics', () => {
  it('shows 50 of each kind in file order, then one line with how many more', () => {
    const many = [...Array.from({ length: 120 }, (_, i) => rowError(120 - i)), warn('QC610', 'w', { at: { file: 'r.csv' } })];
    const shown = boundDiagnostics(many);
    expect(shown).toHaveLength(52);
    expect(shown.slice(0, 51).filter((d) => d.code === 'QC601').map((d) => d.location?.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(formatDiagnostic(shown.at(-1)!)).toBe('… and 70 more errors QC601 like these, not shown');
    expect(countSummary(shown)).toBe('120 errors, 1 warning');
  });

  it('a collector keeps 50 of each kind, counts the rest, and is full after 1,000 errors', () => {
    const c = new DiagnosticCollector();
    for (let line = 1; line <= 999; line++) c.push(rowError(line));
    c.push(warn('QC610', 'w'));
    expect(c.full).toBe(false);
    c.push(diag('QC603', 'twice'));
    expect(c.full).toBe(true);
    const list = c.list();
    expect(list).toHaveLength(53);
    expect(countDiagnostics(list)).toEqual({ errors: 1000, warnings: 1 });
    // A collector's summary and the printer's cap add up to one line.
    const shown = boundDiagnostics([...list, rowError(2000)]);
    expect(shown.filter((d) => d.omitted !== undefined).map((d) => [d.code, d.omitted])).toEqual([['QC601', 950]]);
  });
});
