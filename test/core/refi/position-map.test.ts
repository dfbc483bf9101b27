import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { buildPositionMap, type PositionUnit } from '../../../src/core/refi/position-map.js';
import { codePointIndex } from '../../../src/core/util/code-point-index.js';

// Pieces that exercise every mapping rule: CRLF, lone CR, astral characters
// (surrogate pairs), decomposed sequences NFC composes, Hangul jamo.
const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', 'é', 'e\u0301', 'A\u030a', '😀', '\u1100\u1161', '\u1100\u1161\u11a8', '教', 'x\u0301\u0323');
const rawText = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 30 })).map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

const cpLength = (s: string) => [...s].length;

/** A character a tool would never start a selection at: it combines with the one before. */
const combining = (ch: string | undefined) => ch !== undefined && /^[\p{M}\u1161-\u1175\u11a8-\u11c2]/u.test(ch);

/**
 * Raw positions in a unit at which the text can be cut cleanly: not before a
 * combining character, and normalising the halves apart gives the whole.
 */
function cleanCuts(raw: string, unit: PositionUnit): { position: number; utf16: number }[] {
  const from = raw.startsWith('\uFEFF') ? 1 : 0;
  const out: { position: number; utf16: number }[] = [];
  let position = 0;
  for (let i = from; i <= raw.length; ) {
    const left = normalizeText(raw.slice(0, i));
    if (!combining(raw[i]) && left + normalizeText(raw.slice(i)) === normalizeText(raw)) out.push({ position, utf16: i });
    if (i === raw.length) break;
    const width = raw.codePointAt(i)! > 0xffff ? 2 : 1;
    position += unit === 'utf16' ? width : 1;
    i += width;
  }
  return out;
}

describe('position map', () => {
  it('normalises exactly as every corpus document is normalised', () => {
    fc.assert(
      fc.property(rawText, fc.constantFrom<PositionUnit>('codepoint', 'utf16'), (raw, unit) => {
        expect(buildPositionMap(raw, unit).normalized).toBe(normalizeText(raw));
      }),
    );
  });

  it('maps every clean cut to the code-point length of the normalised text before it', () => {
    fc.assert(
      fc.property(rawText, fc.constantFrom<PositionUnit>('codepoint', 'utf16'), (raw, unit) => {
        const map = buildPositionMap(raw, unit);
        for (const cut of cleanCuts(raw, unit)) {
          const expected = cpLength(normalizeText(raw.slice(0, cut.utf16)));
          expect(map.toStart(cut.position)).toBe(expected);
          expect(map.toEnd(cut.position)).toBe(expected);
        }
      }),
    );
  });

  it('gives a span whose text is the normalised slice the tool showed', () => {
    fc.assert(
      fc.property(rawText, fc.constantFrom<PositionUnit>('codepoint', 'utf16'), (raw, unit) => {
        const map = buildPositionMap(raw, unit);
        const cuts = cleanCuts(raw, unit);
        const index = codePointIndex(map.normalized);
        for (const a of cuts) {
          for (const b of cuts) {
            if (b.position <= a.position) continue;
            const shown = normalizeText(raw.slice(a.utf16, b.utf16).replace(/^\uFEFF/, ''));
            const text = map.normalized.slice(index[map.toStart(a.position)!], index[map.toEnd(b.position)!]);
            expect(text).toBe(shown);
          }
        }
      }),
    );
  });

  it('never maps a start after an end, and stays within the text', () => {
    fc.assert(
      fc.property(rawText, fc.constantFrom<PositionUnit>('codepoint', 'utf16'), (raw, unit) => {
        const map = buildPositionMap(raw, unit);
        for (let p = 0; p <= map.rawLength; p++) {
          const s = map.toStart(p)!;
          const e = map.toEnd(p)!;
          expect(s).toBeLessThanOrEqual(e);
          expect(e).toBeLessThanOrEqual(map.normalizedLength);
          if (p > 0) expect(s).toBeGreaterThanOrEqual(map.toStart(p - 1)!);
        }
        expect(map.toStart(map.rawLength + 1)).toBeUndefined();
        expect(map.toStart(-1)).toBeUndefined();
      }),
    );
  });

  it('counts UTF-16 units with CRLF as two and the BOM as none, as NVivo 12 does', () => {
    const raw = '\uFEFFab\r\n😀c';
    const u = buildPositionMap(raw, 'utf16');
    const c = buildPositionMap(raw, 'codepoint');
    expect(u.normalized).toBe('ab\n😀c');
    // "c" is at UTF-16 unit 6 (a b CR LF hi lo) and code point 5 of the raw text.
    expect(u.toStart(6)).toBe(4);
    expect(c.toStart(5)).toBe(4);
    // Inside the surrogate pair: a start snaps back, an end forward.
    expect(u.toStart(5)).toBe(3);
    expect(u.toEnd(5)).toBe(4);
    // Between CR and LF: before the LF.
    expect(u.toStart(3)).toBe(2);
  });
});
