import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvBytesNeedQuotes, csvFieldNeedsQuotes, formatCsvField, formatCsvRow } from '../../../src/core/format/format-csv-field.js';
import { formatCsv } from '../../../src/core/format/format-csv.js';
import { csvText } from '../../helpers/csv-text.js';
import { binaryUnit } from '../../helpers/binary-unit.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the CSV quoting rule', () => {
  it('quotes a field with a CR, LF, quote or comma, or white space at either end, and nothing else', () => {
    for (const s of ['a\rb', 'a\nb', 'a\r\nb', 'say "hi"', 'a,b', ' a', 'a ', '\ta', 'a\u00a0', '\u3000a', '\uFEFFa']) {
      expect(csvFieldNeedsQuotes(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ['', 'a b', 'a\u0000b', '😀', 'e\u0301', '\u202Eabc', "it's", '=1+1', '-5']) {
      expect(csvFieldNeedsQuotes(s), JSON.stringify(s)).toBe(false);
    }
  });

  it('writes quotes doubled inside quotes, numbers as they are, and a lone empty field as ""', () => {
    expect(formatCsvRow(['a,b', 'say "hi"', 3, 'x\ry'])).toBe('"a,b","say ""hi""",3,"x\ry"\n');
    expect(formatCsvField(-0.25)).toBe('-0.25');
    expect(formatCsvRow([''])).toBe('""\n');
    expect(formatCsvRow(['', ''])).toBe(',\n');
  });

  it('is the rule as written, [",\\r\\n] anywhere or \\s at an edge, for any text (every white space, lone surrogates)', () => {
    const rule = (s: string) => /[",\r\n]/.test(s) || /^\s|\s$/u.test(s);
    const spaces = fc.constantFrom(' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u202f', '\u3000', '\ufeff', '\ud800', '\udc00', '😀', 'x');
    fc.assert(
      fc.property(spaces, csvText, spaces, (pre, s, post) => {
        for (const v of [s, pre + s, s + post, pre + s + post]) expect(csvFieldNeedsQuotes(v), JSON.stringify(v)).toBe(rule(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides the same on UTF-8 bytes as on the string, for any text', () => {
    fc.assert(
      fc.property(csvText, fc.string({ unit: binaryUnit, maxLength: 3 }), fc.string({ unit: binaryUnit, maxLength: 3 }), (s, pre, post) => {
        // The text sits inside a larger buffer, as a match inside a corpus line does.
        const whole = utf8(pre + s + post);
        const from = utf8(pre).length;
        expect(csvBytesNeedQuotes(whole, from, from + utf8(s).length)).toBe(csvFieldNeedsQuotes(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatCsv --excel', () => {
  const excel = (cells: string[]) => formatCsv(['v'], cells.map((c) => [c]), { excel: true });

  it('keeps numbers written as text as numbers', () => {
    expect(excel(['-5', '-0.3', '+1', '1e-3', '.5'])).toBe('\uFEFFv\n-5\n-0.3\n+1\n1e-3\n.5\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(excel(['=1+1', '@SUM(A1)', "+cmd|' /C calc'!A0", '-2+3', '\t=1'])).toBe(
      `\uFEFFv\n'=1+1\n'@SUM(A1)\n'+cmd|' /C calc'!A0\n'-2+3\n'\t=1\n`,
    );
  });

  it('neutralises every line start inside a cell, and quotes the cell', () => {
    expect(excel(["\r=cmd|' /C calc'!A0"])).toBe(`\uFEFFv\n"\r'=cmd|' /C calc'!A0"\n`);
    expect(excel(['note\n@x\r\n-1\r+y'])).toBe(`\uFEFFv\n"note\n'@x\r\n-1\r'+y"\n`);
  });

  it('writes text unchanged without --excel', () => {
    expect(formatCsv(['v'], [['=1+1'], ['-2+3']])).toBe('v\n=1+1\n-2+3\n');
  });
});
