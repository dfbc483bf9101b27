import { defined, undefinedBecause, type Estimate } from '../agreement/estimate.js';
import { EPSILON, type Coincidences } from './continuum.js';
import { computeExpectedCoincidences } from './u-alpha.js';

/**
 * |uα: reliability of the binary distinction between units of any value and
 * the gaps between them — relevant against irrelevant matter, values ignored
 * (Krippendorff, Mathet, Bouvry & Widlöcher 2016, §5.2; Krippendorff 2019,
 * §12.6). From the coincidences of ∅ with every other value:
 *   |uα = 1 − Σ_{k≠∅} l_∅k / Σ_{k≠∅} e_∅k.
 * Undefined when there are no units, or no gaps, in anyone's unitizing.
 */
export function computeBarUAlpha(c: Coincidences, expected = computeExpectedCoincidences(c)): Estimate {
  let Do = 0;
  let De = 0;
  for (let k = 1; k < c.size; k++) {
    Do += c.observed[k]!;
    De += expected[k]!;
  }
  if (!(De > EPSILON * c.observed.reduce((a, b) => a + b, 0))) return undefinedBecause('relevant and irrelevant matter do not both occur: no units, or no gaps');
  return defined(1 - Do / De);
}
