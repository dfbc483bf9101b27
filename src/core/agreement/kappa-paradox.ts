export interface ParadoxInput {
  percentAgreement: number | null;
  kappa: number | null;
  kappaName: string;
  ac1: number | null;
  bp: number | null;
  prevalenceIndex: number | null;
  biasIndex: number | null;
  /** Category shares of all values. */
  shares: Float64Array;
  labels: readonly string[];
}

/** Thresholds of "high agreement, low κ": p_a at least .80 with κ below .60. */
export const PARADOX_AGREEMENT = 0.8;
export const PARADOX_KAPPA = 0.6;

const r2 = (x: number) => x.toFixed(2);

/**
 * A plain-language note when the κ paradoxes are at work (Feinstein &
 * Cicchetti 1990): agreement is high (p_a ≥ .80) but κ is low (< .60). The
 * cause is named from the indices of Byrt, Bishop & Carlin (1993) — a large
 * |prevalence index| (one category dominates, the first paradox) or a large
 * |bias index| (the coders use the categories at different rates, the
 * second) — or, beyond two coders and two categories, from the largest
 * category share; AC1 (Gwet 2008) and Brennan–Prediger (PABAK), whose chance
 * agreement does not grow with prevalence, are set beside κ. Null otherwise.
 */
export function kappaParadoxNote(x: ParadoxInput): string | null {
  const { percentAgreement: pa, kappa } = x;
  if (pa === null || kappa === null || pa < PARADOX_AGREEMENT || kappa >= PARADOX_KAPPA) return null;
  let cause: string;
  if (x.prevalenceIndex !== null && x.biasIndex !== null && Math.abs(x.biasIndex) > Math.abs(x.prevalenceIndex)) {
    cause = `the coders use the categories at different rates (bias index ${r2(x.biasIndex)})`;
  } else {
    let top = 0;
    for (let c = 1; c < x.shares.length; c++) if (x.shares[c]! > x.shares[top]!) top = c;
    const pi = x.prevalenceIndex !== null ? `, prevalence index ${r2(x.prevalenceIndex)}` : '';
    cause = `one category dominates ('${x.labels[top]}' is ${(100 * x.shares[top]!).toFixed(0)}% of the values${pi}), so chance agreement is high`;
  }
  const others = [x.ac1 !== null ? `Gwet’s AC1 = ${r2(x.ac1)}` : null, x.bp !== null ? `Brennan–Prediger (PABAK) = ${r2(x.bp)}` : null]
    .filter((s) => s !== null)
    .join(' and ');
  return (
    `κ paradox: agreement is high (${r2(pa)}) but ${x.kappaName} is ${r2(kappa)} because ${cause}` +
    (others ? `; ${others}, whose chance agreement does not rise with prevalence, show the agreement κ discounts` : '') +
    ' (Feinstein & Cicchetti 1990; Byrt, Bishop & Carlin 1993). Report κ with these, not instead of them.'
  );
}
