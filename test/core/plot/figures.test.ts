import { describe, expect, it } from 'vitest';
import type { AgreementResult } from '../../../src/core/agreement/agreement-result.js';
import { intervalOf } from '../../../src/core/agreement/metric-interval.js';
import { binDate } from '../../../src/core/analysis/date-bins.js';
import { OKABE_ITO } from '../../../src/core/plot/chart-style.js';
import { reliabilityFigure } from '../../../src/core/plot/reliability-figure.js';

const result = (metrics: Record<string, unknown>[]): AgreementResult => ({
  coders: ['a', 'b'],
  units: 10,
  missing: 'available',
  results: metrics.map((m, i) => ({ scope: 'code' as const, id: `c${i}`, n: 10, metrics: m as never, notes: [] })),
});

describe('intervalOf', () => {
  it('reads a <coefficient>_boot_ci (asked for), else its _ci; null when undefined, undefined when absent', () => {
    const r = result([{ gwet_ac1: 0.5, gwet_ac1_ci: [0.1, 0.9], cohen_kappa: null, cohen_kappa_ci: null }]).results[0]!;
    expect(intervalOf(r, 'gwet_ac1')).toEqual([0.1, 0.9]);
    const both = result([{ gwet_ac1: 0.5, gwet_ac1_ci: [0.1, 0.9], gwet_ac1_boot_ci: [0.2, 0.8] }]).results[0]!;
    expect(intervalOf(both, 'gwet_ac1')).toEqual([0.2, 0.8]);
    expect(intervalOf(r, 'cohen_kappa')).toBeNull();
    expect(intervalOf(r, 'krippendorff_alpha')).toBeUndefined();
  });
});

describe('reliabilityFigure', () => {
  it('draws an interval for every coefficient that has one, including ones added later (AC1)', () => {
    const fig = reliabilityFigure(
      result([
        { cohen_kappa: 0.8, cohen_kappa_ci: [0.6, 1], krippendorff_alpha: 0.79, gwet_ac1: 0.9, gwet_ac1_ci: [0.85, 0.95] },
        { cohen_kappa: null, krippendorff_alpha: 0.5, krippendorff_alpha_ci: [0.2, 0.7], gwet_ac1: 0.6 },
      ]),
    );
    expect(fig.data.rows.filter((r) => r[3] !== null)).toEqual([
      ['c0', 'Cohen’s κ', 0.8, 0.6, 1],
      ['c0', 'Gwet’s AC1', 0.9, 0.85, 0.95],
      ['c1', 'Krippendorff’s α', 0.5, 0.2, 0.7],
    ]);
    expect(fig.data.rows).toHaveLength(5);
    expect(fig.description).toContain('Undefined, not drawn: Cohen’s κ for c1');
    expect(JSON.stringify(fig.spec)).toContain(OKABE_ITO[0]);
  });
});

describe('binDate', () => {
  it('reads ISO dates and their prefixes into months, quarters and years', () => {
    expect(binDate('2026-01-29', 'month')).toBe('2026-01');
    expect(binDate('2026-2', 'quarter')).toBe('2026-Q1');
    expect(binDate('2026-11-03T10:00:00Z', 'quarter')).toBe('2026-Q4');
    expect(binDate('2026', 'year')).toBe('2026');
    expect(binDate('2026', 'month')).toBeNull();
    expect(binDate('29/01/2026', 'month')).toBeNull();
    expect(binDate('2026-13-01', 'month')).toBeNull();
  });
});
