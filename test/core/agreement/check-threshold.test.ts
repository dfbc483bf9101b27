import { describe, expect, it } from 'vitest';
import type { AgreementResult } from '../../../src/core/agreement/agreement-result.js';
import { checkThreshold } from '../../../src/core/agreement/check-threshold.js';

const result: AgreementResult = {
  coders: ['a', 'b'],
  units: 10,
  missing: 'available',
  results: [
    { scope: 'code', id: 'x', n: 10, metrics: { krippendorff_alpha: 0.9, cohen_kappa: 0.5 }, notes: [] },
    { scope: 'code', id: 'y', n: 10, metrics: { krippendorff_alpha: null }, notes: ['krippendorff_alpha: undefined, all alike'] },
    { scope: 'pooled', id: 'all', n: 20, metrics: { krippendorff_alpha: 0.85 }, notes: [] },
  ],
};

describe('checkThreshold', () => {
  it('checks the pooled value by default', () => {
    expect(checkThreshold(result, { threshold: 0.8, metric: 'krippendorff_alpha', each: false }).failures).toEqual([]);
    const low = checkThreshold(result, { threshold: 0.86, metric: 'krippendorff_alpha', each: false });
    expect(low.failures.map((d) => d.message)).toEqual(['pooled all: krippendorff_alpha = 0.850 is below 0.86']);
  });

  it('with each, checks every code, and an undefined value fails with its reason', () => {
    const r = checkThreshold(result, { threshold: 0.8, metric: 'krippendorff_alpha', each: true });
    expect(r.failures.map((d) => d.code)).toEqual(['QC606']);
    expect(r.failures[0]!.message).toContain('code y: krippendorff_alpha is undefined and cannot reach 0.8 (krippendorff_alpha: undefined, all alike)');
  });

  it('names a metric that is not a coefficient or not computed', () => {
    expect(checkThreshold(result, { threshold: 0.8, metric: 'cohen_kappa_se', each: false }).unknown?.code).toBe('QC607');
    expect(checkThreshold(result, { threshold: 0.8, metric: 'gwet_ac1', each: false }).unknown?.code).toBe('QC607');
  });
});
