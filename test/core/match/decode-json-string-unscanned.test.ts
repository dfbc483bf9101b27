import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsonString, isJsonStringContent } from '../../../src/core/match/decode-json-slice.js';

// An unscanned long text field is checked and decoded from its bytes in one
// pass (here every text, checkedAbove 0): the same string JSON.parse gives
// for the quoted bytes, and a SyntaxError exactly where JSON.parse throws one.
const utf8 = new TextEncoder();
const pieces = ['a', ' ', 'é', '“', '😀', '\\', '\\\\', '\\"', '\\n', '\\r', '\\t', '\\/', '\\b', '\\f', '\\u00e9', '\\u0041', '\\uD83D', '\\uDE00', '\\ud83d\\ude00', '\\uZZ12', '\\u12', '\\x', '"', '\u0001', '\t', '\n', '\ufeff', '\u007f'];
const content = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));

function both(body: string, checkedAbove = 0): { parsed: string | 'throws'; decoded: string | 'throws' } {
  const bytes = utf8.encode(`{"text":"${body}"}`);
  const from = 9;
  const to = bytes.length - 2;
  let parsed: string | 'throws';
  let decoded: string | 'throws';
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(from - 1, to + 1))) as string;
  } catch {
    parsed = 'throws';
  }
  try {
    decoded = decodeJsonString(bytes, from, to, false, checkedAbove);
  } catch (e) {
    expect(e).toBeInstanceOf(SyntaxError);
    decoded = 'throws';
  }
  return { parsed, decoded };
}

describe('decodeJsonString of unscanned bytes', () => {
  it('gives what JSON.parse gives, and throws where it throws, checked by itself or by JSON.parse', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(0, 1 << 20), (body, checkedAbove) => {
        const { parsed, decoded } = both(body, checkedAbove);
        expect(decoded).toBe(parsed);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps a leading U+FEFF and a lone surrogate escape, as JSON.parse does', () => {
    expect(both('\ufeffx').decoded).toBe('\ufeffx');
    expect(both('a\\ud800b').decoded).toBe('a\ud800b');
  });

  it('refuses a raw control byte, a raw quote, a cut escape and an unknown one', () => {
    for (const bad of ['a\u0000', 'a\nb', 'a"b', 'a\\', 'a\\u00', 'a\\q']) expect(isJsonStringContent(utf8.encode(bad), 0, utf8.encode(bad).length)).toBe(false);
    expect(isJsonStringContent(utf8.encode('a\\u00e9\\n\\"'), 0, 12)).toBe(true);
  });
});
