import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/core/model/codebook.js';
import type { Document } from '../../../src/core/model/document.js';
import { computeSegments } from '../../../src/core/segment/compute-segments.js';
import type { Segment } from '../../../src/core/model/segment.js';
import { binaryUnit } from '../../helpers/binary-unit.js';

const UNITS: Unit[] = ['document', 'paragraph', 'sentence'];
const LANGUAGES = ['en', 'es', 'es-MX', 'de'];

function doc(text: string, id = 'doc-1'): Document {
  return { id, text, metadata: {}, source: { file: 'test.txt' } };
}

/** Pieces that exercise every rule: terminators, abbreviations, lines, blank lines, bullets, astral characters. */
const piece = fc.constantFrom(
  'word', 'Word', 'the', 'El', 'año', 'Árbol', 'U.S.', 'EE. UU.', 'Dr.', 'Sr.', 'e.g.', 'etc.', 'No. 7', '3.5',
  '2.0.1', 'a.m.', 'J.', 'https://example.com/A.b', 'ana@example.org', '.', '?', '!', '?!', '...', '…', '¿', '¡',
  '"', '”', '»', ')', '(', '—', ' ', ' ', ' ', '  ', '\t', '\n', '\n\n', '\n \n', '\n\n\n', '- ', '* ', '• ',
  '1. ', 'a) ', '# ', '😀', '𝒳', '🇲🇽', '。', '\u00a0', '\u3000',
);
const structuredText = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
/** Arbitrary code points, astral ones included, as the corpus reader leaves them: LF line ends, valid UTF-16. */
const randomText = fc
  .string({ unit: binaryUnit, maxLength: 80 })
  .map((s) => s.replace(/\r\n?/g, '\n').replace(/[\uD800-\uDFFF]/gu, 'x')); // with the u flag only lone surrogates match
const anyText = fc.oneof(structuredText, randomText);

function checkInvariants(text: string, unit: Unit, segments: Segment[]): void {
  const points = Array.from(text);
  const covered = new Uint8Array(points.length);
  let previousEnd = 0;
  segments.forEach((s, i) => {
    expect(s.index).toBe(i + 1);
    expect(s.segment_id).toBe(`doc-1:${unit[0]}${i + 1}`);
    expect(s.doc_id).toBe('doc-1');
    expect(s.unit).toBe(unit);
    expect(s.start).toBeLessThan(s.end);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(points.slice(s.start, s.end).join('')).toBe(s.text);
    expect(s.text.trim()).toBe(s.text);
    covered.fill(1, s.start, s.end);
    previousEnd = s.end;
  });
  points.forEach((p, i) => {
    if (!/\s/.test(p)) expect(covered[i], `code point ${i} ${JSON.stringify(p)} in no segment`).toBe(1);
  });
}

describe('computeSegments invariants', () => {
  for (const unit of UNITS) {
    it(`${unit}: slices give the text, in order, without overlap, covering every non-space character`, () => {
      fc.assert(
        fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
          checkInvariants(text, unit, computeSegments(doc(text), unit, language));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('document unit: one segment per non-blank document, none for a blank one', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const segments = computeSegments(doc(text), 'document', 'en');
        expect(segments).toHaveLength(text.trim() === '' ? 0 : 1);
        if (segments.length === 1) expect(segments[0]!.text).toBe(text.trim());
      }),
    );
  });

  it('paragraph unit: no paragraph holds a blank line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const s of computeSegments(doc(text), 'paragraph', 'en')) expect(s.text).not.toMatch(/\n[^\S\n]*\n/);
      }),
    );
  });

  it('sentence unit: every sentence lies inside one paragraph', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
        const paragraphs = computeSegments(doc(text), 'paragraph', language);
        for (const s of computeSegments(doc(text), 'sentence', language)) {
          expect(paragraphs.some((p) => p.start <= s.start && s.end <= p.end)).toBe(true);
        }
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(computeSegments(doc(text), 'sentence', 'en')).toEqual(computeSegments(doc(text), 'sentence', 'en'));
      }),
    );
  });
});

describe('computeSegments examples', () => {
  it('counts offsets in code points: an emoji before a sentence moves it by one, not two', () => {
    const text = '🎉 Hello. World.';
    const [first, second] = computeSegments(doc(text), 'sentence', 'en');
    expect(first).toMatchObject({ start: 0, end: 8, text: '🎉 Hello.' });
    expect(second).toMatchObject({ start: 9, end: 15, text: 'World.' });
    expect(text.indexOf('World.')).toBe(10); // the UTF-16 index differs
  });

  it('counts a flag (two astral code points) as two', () => {
    const [, second] = computeSegments(doc('🇲🇽 México. Bien.'), 'sentence', 'es');
    expect(second).toMatchObject({ start: 11, end: 16, text: 'Bien.' });
  });

  it('trims surrounding whitespace and moves the offsets with it', () => {
    expect(computeSegments(doc('  \n Hi there.  \n'), 'document', 'en')).toEqual([
      { segment_id: 'doc-1:d1', doc_id: 'doc-1', unit: 'document', index: 1, start: 4, end: 13, text: 'Hi there.' },
    ]);
  });

  it('numbers segments from 1 per document with the unit letter', () => {
    const text = 'First one. Second one.\n\nThird paragraph.';
    const ids = (unit: Unit) => computeSegments(doc(text, 'press-2026-01-27'), unit, 'en').map((s) => s.segment_id);
    expect(ids('document')).toEqual(['press-2026-01-27:d1']);
    expect(ids('paragraph')).toEqual(['press-2026-01-27:p1', 'press-2026-01-27:p2']);
    expect(ids('sentence')).toEqual(['press-2026-01-27:s1', 'press-2026-01-27:s2', 'press-2026-01-27:s3']);
  });

  it('splits paragraphs at blank lines, also lines of spaces, and runs of them count once', () => {
    const texts = computeSegments(doc('One\nstill one\n\nTwo\n \t \n\n\nThree'), 'paragraph', 'en').map((s) => s.text);
    expect(texts).toEqual(['One\nstill one', 'Two', 'Three']);
  });

  it('a blank document has no segments at any unit', () => {
    for (const unit of UNITS) expect(computeSegments(doc(' \n\n\t'), unit, 'en')).toEqual([]);
  });

  it('an unknown language falls back to the neutral rules instead of failing', () => {
    expect(computeSegments(doc('Un. Deux.'), 'sentence', 'fr').map((s) => s.text)).toEqual(['Un.', 'Deux.']);
  });
});
