import { describe, expect, it } from 'vitest';
import { explainRegexError, findRegexMatches, splitRegexPattern } from '../../../src/core/pattern/check-regex.js';
import { matchesGlob } from '../../../src/core/pattern/glob.js';
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
    expect(ok.kind === 'regex' && ok.regex.flags).toBe('iu');
  });

  it('explains regexes that do not compile, with the position in the pattern', () => {
    expect(explainRegexError('a(', '')).toMatch(/missing closing \)/);
    expect(explainRegexError('ab[', '')).toMatch(/missing closing \].*position 4/);
    expect(explainRegexError('a', 'g')).toMatch(/flag 'g'/);
    expect(explainRegexError('', '')).toMatch(/empty/);
    expect(explainRegexError('tariffs?', 'iu')).toBeUndefined();
  });

  it('builds every regex when judging it, so one too large to compile is a QC207 diagnostic, not a failure at first use', () => {
    expect(parsePattern('/((a{100}){100}){100}/')).toMatchObject({ kind: 'error', code: 'QC207' });
    expect(parsePattern('/a{1001}/')).toMatchObject({ kind: 'error', code: 'QC207', message: expect.stringMatching(/repeat count/) });
  });
});

describe('regexes run in linear time (RE2)', () => {
  // The audit's regexes that hung a backtracking engine: accepted, and each
  // finishes on the text that made it hang (a test that hung would time out).
  it.each([
    ['(a|a)*b', 'a'.repeat(31)],
    ['(a|aa)+b', 'a'.repeat(60)],
    ['(.*a){12}x', 'a'.repeat(200)],
    ['(a|a?)+b', 'a'.repeat(60)],
    ['\\s*\\s*\\s*\\s*$', `${' '.repeat(5000)}x`],
    ['(a+)+$', `${'a'.repeat(60)}!`],
    ['(\\w+\\s?)*$', `${'word '.repeat(200)}!`],
  ])('/%s/ is accepted and finds nothing on its hanging text', (source, text) => {
    const parsed = parsePattern(`/${source}/`);
    expect(parsed.kind).toBe('regex');
    if (parsed.kind === 'regex') expect(findRegexMatches(parsed.regex, text).filter((_, i) => i % 2 === 0).length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['/tariff(?= war)/', /a lookahead at position 8/],
    ['/tariff(?!s)/', /a lookahead at position 8/],
    ['/(a)\\1/', /a backreference at position 5/],
    ['/(?<x>a)\\k<x>/', /a backreference/],
  ])('%s needs backtracking: QC208 with its position and a hint', (pattern, message) => {
    expect(parsePattern(pattern)).toMatchObject({ kind: 'error', code: 'QC208', message: expect.stringMatching(message), hint: expect.stringMatching(/never backtracks/) });
  });

  it('lookbehind runs (RE2 has a linear-time form of it); a lookahead sign inside a class is just a character', () => {
    const behind = parsePattern('/(?<!non-)tariff/');
    expect(behind.kind === 'regex' && findRegexMatches(behind.regex, 'non-tariff tariff')).toEqual([11, 17]);
    expect(parsePattern('/[(?=]x/').kind).toBe('regex');
  });

  it('finds matches as UTF-16 offsets past astral characters, skipping empty ones', () => {
    const p = parsePattern('/x*/');
    expect(p.kind === 'regex' && findRegexMatches(p.regex, '\u{1F600}axxb')).toEqual([3, 5]);
  });
});

describe('wildcards match in linear time', () => {
  it.each([
    [['a', 'a', 'a', 'b'], `${'a'.repeat(20000)}`, false],
    [['a', 'a', 'a', 'b'], `${'a'.repeat(20000)}b`, true],
    [['t', 'ff'], 'tariff', true],
    [['t', 'ff'], 'tariffs', false],
    [['', 'traffick', ''], 'untrafficked', true],
    [['ab', 'ba'], 'aba', false],
    [['ab', 'ba'], 'abba', true],
  ])('%j on %s…: %s', (parts, text, expected) => expect(matchesGlob(parts, text)).toBe(expected));
});
