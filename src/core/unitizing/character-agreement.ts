import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';

/** Characters of a continuum by whether each of two coders coded them with one code. */
export interface CharacterTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/**
 * Per-code agreement over characters as NVivo's Coding Comparison query
 * computes it (NVivo help, "Run a Coding Comparison query"), for two coders:
 * percentage agreement is the share of characters both coded or both left
 * uncoded, (both + neither) / total, not corrected for chance.
 */
export function computeCharacterAgreement(t: CharacterTable): Estimate {
  const total = t.both + t.firstOnly + t.secondOnly + t.neither;
  if (total === 0) return undefinedBecause('no characters');
  return defined((t.both + t.neither) / total);
}

/**
 * NVivo's κ over characters: Cohen's κ with characters as units, coded or not
 * by each coder. With TU characters, agreement TA = both + neither and chance
 * agreement ΣEF = (coded_A · coded_B + uncoded_A · uncoded_B) / TU,
 *   κ = (TA − ΣEF) / (TU − ΣEF).
 * Where neither coder varies (all characters coded, or none) κ is undefined
 * and said so, never replaced by a number.
 */
export function computeCharacterKappa(t: CharacterTable): Estimate {
  const total = t.both + t.firstOnly + t.secondOnly + t.neither;
  if (total === 0) return undefinedBecause('no characters');
  const a = t.both + t.firstOnly;
  const b = t.both + t.secondOnly;
  const chance = (a * b + (total - a) * (total - b)) / total;
  if (!(total - chance > 0)) return undefinedBecause('no variation: both coders coded all characters or none');
  return defined((t.both + t.neither - chance) / (total - chance));
}
