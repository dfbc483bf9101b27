import { describe, expect, it } from 'vitest';
import { QcodeError, diag, throwErrors, warn } from '../../../src/core/diagnostics/qcode-error.js';

describe('throwErrors', () => {
  it('returns warnings untouched', () => {
    const warnings = [warn('QC410', 'made from another corpus')];
    expect(throwErrors(warnings)).toEqual(warnings);
    expect(throwErrors([])).toEqual([]);
  });

  it('throws every diagnostic, warnings included, when any is an error', () => {
    const all = [warn('QC410', 'made from another corpus'), diag('QC402', 'unknown code')];
    expect(() => throwErrors(all)).toThrow(QcodeError);
    try {
      throwErrors(all);
    } catch (e) {
      expect((e as QcodeError).diagnostics).toEqual(all);
    }
  });
});
