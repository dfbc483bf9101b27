import { describe, expect, it } from 'vitest';
import { explainRegexError, hasNestedQuantifier, isRegexPattern } from '../../../src/core/pattern/check-regex.js';

describe('regex patterns', () => {
  it('recognises /source/flags', () => {
    expect(isRegexPattern('/tariff/i')).toBe(true);
    expect(isRegexPattern('/a b/')).toBe(true);
    expect(isRegexPattern('tariff')).toBe(false);
    expect(isRegexPattern('and/or')).toBe(false);
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
