import type { Table } from '../format/table.js';
import { ALPHA_TABLE, computeAlphaSampleSize, type AlphaSampleSizeInput } from './alpha-sample-size.js';
import type { IntervalPlanInput } from './interval-sample-size.js';
import { planIntervalSampleSize } from './interval-sample-size.js';

const ALPHA_SOURCE =
  'Krippendorff (2019), Content Analysis, 4th ed.; Bloch & Kraemer (1989): N = 2z²[(1 + α_min)(3 − α_min)/(4(1 − α_min)p_c(1 − p_c)) − α_min], z one-sided at p; two coders.';

/** One answer: units to double-code for α ≥ α_min at p with the rarest category at p_c. */
export function alphaPlanTable(input: AlphaSampleSizeInput): Table {
  return {
    title: 'Units to double-code for Krippendorff’s α',
    columns: [
      { key: 'alpha_min', label: 'α_min', kind: 'number', digits: 3 },
      { key: 'p', label: 'p', kind: 'number', digits: 3 },
      { key: 'smallest_share', label: 'p_c (smallest category)', kind: 'number', digits: 3 },
      { key: 'units', label: 'Units', kind: 'integer' },
    ],
    rows: [[input.alphaMin, input.p, input.smallestShare, computeAlphaSampleSize(input)]],
    footnotes: [ALPHA_SOURCE],
  };
}

/** Krippendorff's table: rows p_c = 1/2 … 1/10, columns α_min × p. */
export function alphaPlanFullTable(): Table {
  const pairs = ALPHA_TABLE.alphaMin.flatMap((a) => ALPHA_TABLE.p.map((p) => [a, p] as const));
  return {
    title: 'Units to double-code for Krippendorff’s α (Krippendorff 2019’s table)',
    columns: [
      { key: 'smallest_share', label: 'p_c', kind: 'number', digits: 3 },
      ...pairs.map(([a, p]) => ({ key: `alpha_${a}_p_${p}`, label: `α ${a.toFixed(3)}, p ${p.toFixed(3)}`, kind: 'integer' as const })),
    ],
    rows: ALPHA_TABLE.categories.map((k) => [1 / k, ...pairs.map(([alphaMin, p]) => computeAlphaSampleSize({ alphaMin, p, smallestShare: 1 / k }))]),
    footnotes: [ALPHA_SOURCE, 'p_c = 1/q for q equally used categories.'],
  };
}

const NAMES: Record<string, string> = {
  cohen_kappa: 'Cohen’s κ',
  scott_pi: 'Scott’s π',
  gwet_ac1: 'Gwet’s AC1',
  brennan_prediger: 'Brennan–Prediger (PABAK)',
  krippendorff_alpha: 'Krippendorff’s α',
  percent_agreement: 'Percent agreement',
};

/** Units two coders need for a 95% interval of ± E, per coefficient, for an expected κ and prevalence. */
export function intervalPlanTable(input: IntervalPlanInput): Table {
  const plan = planIntervalSampleSize(input);
  return {
    title: `Units to double-code for a 95% interval of ±${input.halfWidth} (expected κ ${input.kappa}, prevalence ${input.prevalence})`,
    columns: [
      { key: 'coefficient', label: 'Coefficient' },
      { key: 'expected', label: 'Expected value', kind: 'number', digits: 3 },
      { key: 'units', label: 'Units', kind: 'integer' },
    ],
    rows: [
      ...plan.rows.map((r) => [NAMES[r.coefficient] ?? r.coefficient, r.value, r.units]),
      ['Gwet’s rule of thumb (from percent agreement)', null, plan.gwetRule],
    ],
    footnotes: [
      'Binary coding; both coders use the first category at the given prevalence and agree κ beyond chance: p₁₁ = π² + κπ(1−π), p₁₂ = p₂₁ = π(1−π)(1−κ) (Fleiss 1981, §13.2).',
      'Units = ⌈(1.96·SE₁/E)²⌉ with the large-sample SE qcode agree reports (Fleiss, Cohen & Everitt 1969 for κ, as Cantor 1996; Gwet 2014 for the others); Gwet’s rule (2014, pp. 158–160): ⌈1.96²·p_a(1 − p_a)/E²⌉.',
    ],
  };
}
