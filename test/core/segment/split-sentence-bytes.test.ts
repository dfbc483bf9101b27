import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENTENCE_FIELDS, splitSentenceBytes, splitSentences } from '../../../src/core/segment/split-sentences.js';
import { referenceSplitSentences } from './reference-split-sentences.js';

const encoder = new TextEncoder();

// Pieces that reach every rule: terminators (ASCII, spaced and Unicode ellipses, full-width), closers and
// openers, cased letters in and beyond Latin-1 and beyond the BMP (𝐀 is upper case), non-ASCII spaces, line
// and paragraph breaks, list markers and headings, abbreviations of both languages, initials, numbers,
// URLs and addresses, a missing space, and a lone surrogate (encoded as U+FFFD).
const pieces = [
  ...['the', 'word', 'and', 'said', 'it', 'x', 'ab', 'www', 'etc', 'el', 'de'],
  ...['The', 'It', 'He', 'Smith', 'A', 'B', 'J', 'El', 'La', 'Eastern', 'Friday', 'Officials', 'CEO'],
  ...['1', '7', '12', '2026', '3.5', '2.0.1', '$5', '€5', '40°C'],
  ...['.', '.', '.', '?', '!', '?!', '...', '. . .', '…', '‼', '⁉', '。', '！', '？', ',', ':', ';', '-', '/', '@', '#'],
  ...['“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '"', "'", '*', '¿', '¡', '—', '「', '」'],
  ...['é', 'Á', 'ñ', 'Ñ', 'ß', 'Ω', 'Ж', 'ж', 'σ', 'İ', 'ǅ', '中', '😀', '𝐀', '𝐚', '\u0301', '\ud800'],
  ...[' ', ' ', ' ', '\u00a0', '\u2003', '\u3000', '\ufeff', '\t', '\n', '\n\n', '\n \n', '\n\u00a0\n'],
  ...['\n1. ', '\n- ', '\n* ', '\n+ ', '\n• ', '\n(a) ', '\n2) ', '\n  ', '\n# ', '\n## ', '#tag'],
  ...['Mr.', 'Dr.', 'Sra.', 'Sr.', 'etc.', 'U.S.', 'U.K.', 'EE. UU.', 'EE.UU.', 'p.m.', 'a.m.', 'No.', 'Art.', 'pp.', 'Inc.', 'Jan.', 'núm.', 'Dña.', 'e.g.', 'v.'],
  ...['J. F.', 'Ph.D.', 'U.S.The', 'failed.The', 'www.example.com', 'http://a.b/c', 'ana@mail.es', 'x.Y', 'é.Ñu'],
];

const textOf = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).chain((words) =>
  fc.array(fc.constantFrom('', ' ', ''), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
);

const languages = ['en', 'es-MX', 'de'];

describe('splitSentenceBytes', () => {
  it('gives the spans the string splitter gave, through splitSentences and on bytes, with byte offsets of the same text', () => {
    const found: number[] = [];
    fc.assert(
      fc.property(textOf, fc.constantFrom(...languages), (text, language) => {
        const want = referenceSplitSentences(text, language);
        expect(splitSentences(text, language)).toEqual(want);
        const bytes = encoder.encode(text);
        splitSentenceBytes(bytes, language, found);
        expect(found.length).toBe(want.length * SENTENCE_FIELDS);
        want.forEach((span, i) => {
          const [bs, be, cs, ce, us, ue] = found.slice(i * SENTENCE_FIELDS, (i + 1) * SENTENCE_FIELDS);
          expect([cs, ce, us, ue]).toEqual([span.cpStart, span.cpEnd, span.start, span.end]);
          expect(bytes.subarray(bs, be)).toEqual(encoder.encode(text.slice(span.start, span.end)));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference where the look-around bounds fall (255 UTF-16 units for URLs, 64 characters of a dotted word) and where it read half a pair', () => {
    // After a capital beyond the BMP the string scanner read the pair's low half, a character without case.
    const texts = ['failed.𝐀the end', 'Sra.𝐀the', 'x.𝐀B', 'ab.😀The', 'It rained.𝐀 Then', '10 p.m. 𝐀ast'];
    const near = (bound: number) => [bound - 4, bound - 3, bound - 2, bound - 1, bound, bound + 1, bound + 2];
    for (const k of [...near(24), ...near(64), ...near(128), ...near(255)]) {
      for (const fill of ['x', 'é', '😀x', 'ñ😀']) {
        const run = fill.repeat(k).slice(0, k);
        texts.push(`x 9b${'.ab'.repeat(k / 3)}. Next`, `x 9${'.aé'.repeat(k / 3)}. Next`, `/${run}.Then more`, `failed.Th${run}/x`, `See ${run}.Th${run}.ab`, `at 10 p.m. ${run} x`, `in the U.S. Th${run} x`);
      }
    }
    for (const text of texts) for (const language of languages) expect(splitSentences(text, language)).toEqual(referenceSplitSentences(text, language));
  });
});
