import { describe, expect, it } from 'vitest';
import { explainRegexError, hasNestedQuantifier, splitRegexPattern } from '../../../src/core/pattern/check-regex.js';
import { parsePattern } from '../../../src/core/pattern/parse-pattern.js';

describe('the /source/flags form (one definition)', () => {
  it.each([
    ['/tariff/i', { source: 'tariff', flags: 'i' }],
    ['/a b/', { source: 'a b', flags: '' }],
    ['/a/b/', { source: 'a/b', flags: '' }],
    ['/x/G', { source: 'x', flags: 'G' }],
    ['/line\nbreak/s', { source: 'line\nbreak', flags: 's' }],
    ['//', { source: '', flags: '' }],
    ['tariff', undefined],
    ['and/or', undefined],
    ['/', undefined],
    ['/tariff', undefined],
    ['/tariff/1', undefined],
  ])('%s splits as %j', (pattern, expected) => expect(splitRegexPattern(pattern)).toEqual(expected));

  it('the empty regex // is a QC207 error saying it is empty, not a word pattern', () => {
    expect(parsePattern('//')).toEqual({ kind: 'error', code: 'QC207', message: expect.stringMatching(/^pattern \/\/: the regular expression is empty/) });
    expect(parsePattern('//i')).toMatchObject({ kind: 'error', code: 'QC207' });
  });

  it('a wrong or repeated flag is named, upper case included; g is added by qcode, not written', () => {
    expect(parsePattern('/x/G')).toMatchObject({ code: 'QC207', message: expect.stringContaining("flag 'G' is not allowed") });
    expect(parsePattern('/x/g')).toMatchObject({ code: 'QC207', message: expect.stringContaining("flag 'g' is not allowed") });
    expect(parsePattern('/x/ii')).toMatchObject({ code: 'QC207', message: expect.stringContaining('repeat') });
    const ok = parsePattern('/tariffs?/iu');
    expect(ok.kind === 'regex' && ok.regex.flags).toBe('giu');
  });

  it('the parser refuses nested repetition as QC208, as codebook validation does', () => {
    expect(parsePattern('/(a+)+/')).toMatchObject({ kind: 'error', code: 'QC208' });
  });

  it('explains regexes that do not compile and flags that are not allowed', () => {
    expect(explainRegexError('a(', '')).toMatch(/Unterminated group/);
    expect(explainRegexError('a', 'g')).toMatch(/flag 'g'/);
    expect(explainRegexError('', '')).toMatch(/empty/);
    expect(explainRegexError('tariffs?', 'iu')).toBeUndefined();
  });

  it.each([
    ['(a+)+', true],
    ['(a*)*b', true],
    ['(\\w+\\s?)*', true],
    ['((ab)+c)+', true],
    ['(a+){2,}', true],
    ['(?:x+y)+', true],
    ['(a+)?', false],
    ['(ab)+', false],
    ['a+b+c*', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
    ['(a{2})+', false],
    ['(a+){1}', false],
  ])('nested quantifier in %s: %s', (source, expected) => {
    expect(hasNestedQuantifier(source)).toBe(expected);
  });
});
