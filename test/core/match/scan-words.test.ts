import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchText } from '../../../src/core/match/code-document.js';
import { compilePatterns } from '../../../src/core/match/compile-matcher.js';
import { TokenLog } from '../../../src/core/match/match-run.js';
import { logWords, scanWords } from '../../../src/core/match/scan-words.js';
import { parsePattern } from '../../../src/core/pattern/parse-pattern.js';

const words = (text: string) => scanWords(text).map((w) => [w.text, w.folded]);

describe('scanWords: the matcher’s definition of a word', () => {
  it('keeps hyphenated compounds and contractions whole, folding joiners to - and \'', () => {
    expect(words('non-tariff non\u2010tariff don’t')).toEqual([
      ['non-tariff', 'non-tariff'],
      ['non\u2010tariff', 'non-tariff'],
      ['don’t', "don't"],
    ]);
  });

  it('drops an English possessive, as a pattern does', () => {
    expect(words("FBI's FBI’s countries'")).toEqual([
      ['FBI', 'fbi'],
      ['FBI', 'fbi'],
      ['countries', 'countries'],
    ]);
  });

  it('folds case and diacritics, composed or not', () => {
    expect(words('México ME\u0301XICO soberanía')).toEqual([
      ['México', 'mexico'],
      ['ME\u0301XICO', 'mexico'],
      ['soberanía', 'soberania'],
    ]);
  });

  it('splits at dashes, punctuation and emoji, with UTF-16 offsets past astral characters', () => {
    const found = scanWords('\u{1F1F2}\u{1F1FD} tariff\u2014free (mid-1986)');
    expect(found.map((w) => [w.text, w.start, w.end])).toEqual([
      ['tariff', 5, 11],
      ['free', 12, 16],
      ['mid-1986', 18, 26],
    ]);
  });

  it('every word it lists is found at the same place by the word as a pattern (property)', () => {
    const fragments = ['tariff', 'Tariffs', 'non-tariff', 'non\u2010tariff', "FBI's", 'FBI’s', 'México', 'Me\u0301xico', 'don’t', 'mid-1986',
      'state-of-the-art', "'", '’', '-', '--', ' ', '\n', ',', '.', '(', '\u{1F600}', '\u{1D400}', '\u2014', '_', '3', 'ß', 'İ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const w of scanWords(text)) {
          if (parsePattern(w.text).kind !== 'tokens') continue;
          const hits = matchText(compilePatterns([w.text]), text);
          const units = [...text];
          const at = hits.map((h) => [units.slice(0, h.start).join('').length, units.slice(0, h.end).join('').length]);
          expect(at).toContainEqual([w.start, w.end]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('logWords', () => {
  const texts = (t: string) => {
    const log = new TokenLog();
    logWords(t, log);
    const units = [...t];
    const out: string[] = [];
    for (let k = 0; k < log.count; k++) {
      const word = new TextDecoder().decode(log.buf.subarray(log.startUnit[k]!, log.endUnit[k]!));
      // The code-point offsets and the bytes cut out the same word.
      expect(units.slice(log.startCp[k]!, log.endCp[k]!).join('')).toBe(word);
      out.push(word);
    }
    return out;
  };

  it('logs the words scanWords gives, as written, astral and decomposed text included', () => {
    for (const t of ["Me\u0301xico and 😀emoji😀word FBI's don’t non\u2010tariff", 'a\u0000b "q" \\back\nline', '𝒜bc déf 𝒜𝒜x 😀', '']) {
      expect(texts(t)).toEqual(scanWords(t).map((w) => w.text));
    }
    expect(texts("𝒜bc FBI's")).toEqual(['𝒜bc', 'FBI']);
  });

  it('agrees with scanWords on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (t) => {
      expect(texts(t)).toEqual(scanWords(t).map((w) => w.text));
    }), { numRuns: 300 });
  });
});
