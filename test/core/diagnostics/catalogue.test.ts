import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEntry, isErrorCode } from '../../../src/core/diagnostics/catalogue.js';
import { QcodeError, diag, fail, warn } from '../../../src/core/diagnostics/qcode-error.js';

describe('error catalogue', () => {
  it('codes are QC and three digits, each with a title, a description and a hint', () => {
    expect(catalogue.size).toBeGreaterThan(50);
    for (const [code, e] of catalogue) {
      expect(code).toMatch(/^QC\d{3}$/);
      expect(e.code).toBe(code);
      for (const text of [e.title, e.description, e.hint]) expect(text.trim(), code).not.toBe('');
    }
  });

  it('tells codes from strings that only look like them', () => {
    expect(isErrorCode('QC210')).toBe(true);
    expect(isErrorCode('QC450')).toBe(false);
    expect(isErrorCode('QC2l0')).toBe(false);
  });

  it('a misspelt code is a type error (checked by tsc in npm test and npm run typecheck)', () => {
    // If 'QC2l0' were accepted, tsc would fail on the unused directive.
    // @ts-expect-error QC2l0 is not in the catalogue
    const d = diag('QC2l0', 'typo');
    expect(isErrorCode(d.code)).toBe(false);
  });

  it('diag takes its position, hint and severity as named options', () => {
    const at = { file: 'codebook.yaml', line: 3, col: 5 };
    expect(diag('QC210', 'bad', { at, hint: 'write it as /regex/' })).toEqual({
      code: 'QC210',
      severity: 'error',
      message: 'bad',
      location: at,
      hint: 'write it as /regex/',
    });
    expect(warn('QC209', 'no definition')).toEqual({ code: 'QC209', severity: 'warning', message: 'no definition' });
    expect(catalogueEntry('QC209').title).toBe('empty definition');
    expect(() => fail('QC002', 'gone')).toThrow(QcodeError);
  });
});
