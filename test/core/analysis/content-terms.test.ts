import { describe, expect, it } from 'vitest';
import { computeContentTerms } from '../../../src/core/analysis/content-terms.js';

const shown = (texts: string[]) => {
  const { terms, display } = computeContentTerms(texts);
  return terms.map((t) => t.map((k) => display.get(k)));
};

describe('computeContentTerms', () => {
  it('drops stop words in English and Spanish, numbers and possessives', () => {
    expect(shown(["The FBI's agents and los aranceles de 2026 on non-tariff barriers"])).toEqual([
      ['fbi', 'agents', 'aranceles', 'non-tariff', 'barriers'],
    ]);
  });

  it('drops stop words written without their accents or with a curly apostrophe', () => {
    expect(shown(['Mas aun, tambien esta aqui; we don’t know'])).toEqual([['know']]);
  });

  it('counts México, Mexico and MEXICO as one term, shown in the spelling used most', () => {
    const { terms, display } = computeContentTerms(['México and Mexico', 'MEXICO, México', 'Me\u0301xico']);
    expect(terms.flat()).toEqual(['mexico', 'mexico', 'mexico', 'mexico', 'mexico']);
    expect(display.get('mexico')).toBe('méxico');
  });

  it('counts a compound with any in-word hyphen as one term', () => {
    const { terms, display } = computeContentTerms(['non\u2010tariff', 'non-tariff', 'non\u2011tariff']);
    expect(new Set(terms.flat())).toEqual(new Set(['non-tariff']));
    expect(display.get('non-tariff')).toBe('non-tariff');
  });

  it('breaks a tie between spellings by code-unit order, so the display is stable', () => {
    expect(computeContentTerms(['Soberanía soberania']).display.get('soberania')).toBe('soberania');
  });
});
