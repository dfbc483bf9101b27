/**
 * An independent reference for every coefficient, written from the published
 * definitions with exact rational arithmetic (BigInt fractions) and the most
 * literal loops: pairs of values, not coincidence matrices; raw units, not
 * contingency tables. Standard errors are returned as exact variances.
 * null means "undefined" (a division by zero in the definition).
 */
import { F, Fraction, ONE, ZERO } from './fraction.js';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type Row = (number | null)[];

export interface Reference {
  percent_agreement: Fraction | null;
  cohen_kappa?: Fraction | null;
  cohen_kappa_var?: Fraction | null;
  cohen_kappa_var0?: Fraction | null;
  kappa_linear?: Fraction | null;
  kappa_quadratic?: Fraction | null;
  scott_pi?: Fraction | null;
  fleiss_kappa: Fraction | null;
  fleiss_kappa_var0: Fraction | null;
  krippendorff_alpha: Fraction | null;
  gwet_ac1: Fraction | null;
  gwet_ac1_var: Fraction | null;
  brennan_prediger: Fraction | null;
  mean_pairwise_cohen_kappa?: Fraction | null;
  prevalence_index?: Fraction | null;
  bias_index?: Fraction | null;
}

const sum = (xs: Fraction[]) => xs.reduce((a, b) => a.add(b), ZERO);
const safeDiv = (a: Fraction, b: Fraction): Fraction | null => (b.isZero() ? null : a.div(b));

function complete(rows: Row[]): number[][] {
  return rows.filter((r) => r.every((v) => v !== null)) as number[][];
}

function agreeShare(values: number[]): Fraction {
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < values.length; j++) {
      if (i === j) continue;
      pairs++;
      if (values[i] === values[j]) agree++;
    }
  return new Fraction(BigInt(agree), BigInt(pairs));
}

function cohen(pairs: [number, number][], k: number) {
  const n = pairs.length;
  if (n === 0) return { kappa: null, v: null, v0: null };
  const N = F(n);
  const p = (i: number, j: number) => F(pairs.filter(([a, b]) => a === i && b === j).length).div(N);
  const row = (i: number) => F(pairs.filter(([a]) => a === i).length).div(N);
  const col = (j: number) => F(pairs.filter(([, b]) => b === j).length).div(N);
  let po = ZERO;
  let pe = ZERO;
  for (let i = 0; i < k; i++) {
    po = po.add(p(i, i));
    pe = pe.add(row(i).mul(col(i)));
  }
  const kappa = safeDiv(po.sub(pe), ONE.sub(pe));
  if (kappa === null) return { kappa: null, v: null, v0: null };
  const omk = ONE.sub(kappa);
  let a = ZERO;
  let b = ZERO;
  let c0 = ZERO;
  for (let i = 0; i < k; i++) {
    const t = ONE.sub(row(i).add(col(i)).mul(omk));
    a = a.add(p(i, i).mul(t).mul(t));
    c0 = c0.add(row(i).mul(col(i)).mul(row(i).add(col(i))));
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      const s = col(i).add(row(j));
      b = b.add(p(i, j).mul(s).mul(s));
    }
  }
  b = b.mul(omk).mul(omk);
  const c = kappa.sub(pe.mul(omk));
  const den = N.mul(ONE.sub(pe)).mul(ONE.sub(pe));
  return { kappa, v: a.add(b).sub(c.mul(c)).div(den), v0: pe.add(pe.mul(pe)).sub(c0).div(den) };
}

function weighted(pairs: [number, number][], k: number, quadratic: boolean): Fraction | null {
  if (pairs.length === 0 || k < 2) return null;
  const N = F(pairs.length);
  const w = (i: number, j: number) => {
    const d = new Fraction(BigInt(Math.abs(i - j)), BigInt(k - 1));
    return ONE.sub(quadratic ? d.mul(d) : d);
  };
  let po = ZERO;
  for (const [a, b] of pairs) po = po.add(w(a, b).div(N));
  let pe = ZERO;
  for (const [a] of pairs) for (const [, b] of pairs) pe = pe.add(w(a, b).div(N.mul(N)));
  return safeDiv(po.sub(pe), ONE.sub(pe));
}

function delta(level: Level, a: number, b: number, values: number[], margin: number[]): Fraction {
  if (a === b) return ZERO;
  if (level === 'nominal') return ONE;
  if (level === 'ordinal') {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let s = ZERO;
    for (let g = lo; g <= hi; g++) s = s.add(F(margin[g]!));
    s = s.sub(F(margin[a]! + margin[b]!).div(F(2)));
    return s.mul(s);
  }
  const va = F(values[a]!);
  const vb = F(values[b]!);
  if (level === 'interval') return va.sub(vb).mul(va.sub(vb));
  const s = va.add(vb);
  if (s.isZero()) return ZERO;
  const r = va.sub(vb).div(s);
  return r.mul(r);
}

/** Krippendorff (2011) from the definition: pairs of values within units vs all pairs of pairable values. */
function alpha(rows: Row[], k: number, level: Level, values: number[]): Fraction | null {
  const units = rows.map((r) => r.filter((v): v is number => v !== null)).filter((r) => r.length >= 2);
  const all = units.flat();
  const margin = Array.from({ length: k }, (_, c) => all.filter((v) => v === c).length);
  let doSum = ZERO;
  for (const u of units) {
    const w = new Fraction(1n, BigInt(u.length - 1));
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) doSum = doSum.add(delta(level, u[i]!, u[j]!, values, margin).mul(w));
  }
  // Σ over ordered pairs of distinct value positions = Σ_c Σ_k n_c n_k δ_ck (δ_cc = 0).
  let deSum = ZERO;
  for (let c = 0; c < k; c++)
    for (let e = 0; e < k; e++) deSum = deSum.add(F(margin[c]! * margin[e]!).mul(delta(level, c, e, values, margin)));
  const n = all.length;
  if (n < 2 || deSum.isZero()) return null;
  return ONE.sub(F(n - 1).mul(doSum).div(deSum));
}

function fleiss(rows: Row[], k: number) {
  const units = rows.map((r) => r.filter((v): v is number => v !== null)).filter((r) => r.length >= 1);
  const two = units.filter((u) => u.length >= 2);
  if (two.length === 0) return { kappa: null, v0: null };
  const pbar = sum(two.map(agreeShare)).div(F(two.length));
  const p = Array.from({ length: k }, (_, c) =>
    sum(units.map((u) => new Fraction(BigInt(u.filter((v) => v === c).length), BigInt(u.length)))).div(F(units.length)),
  );
  const pe = sum(p.map((x) => x.mul(x)));
  const kappa = safeDiv(pbar.sub(pe), ONE.sub(pe));
  if (kappa === null) return { kappa: null, v0: null };
  const m = units[0]!.length;
  if (!units.every((u) => u.length === m)) return { kappa, v0: null };
  const spq = sum(p.map((x) => x.mul(ONE.sub(x))));
  const spqqp = sum(p.map((x) => x.mul(ONE.sub(x)).mul(ONE.sub(x).sub(x))));
  const v0 = F(2).mul(spq.mul(spq).sub(spqqp)).div(F(units.length * m * (m - 1)).mul(spq).mul(spq));
  return { kappa, v0 };
}

/** Units as their lists of values (missing ratings dropped), units with no value left out. */
function rated(rows: Row[]): number[][] {
  return rows.map((r) => r.filter((v): v is number => v !== null)).filter((u) => u.length >= 1);
}

/** Percent agreement over units with two or more values (Gwet 2014; irrCAC pa.coeff.raw; ReCal3). */
function percentAgreement(rows: Row[]): Fraction | null {
  const two = rated(rows).filter((u) => u.length >= 2);
  return two.length === 0 ? null : sum(two.map(agreeShare)).div(F(two.length));
}

/**
 * Gwet's AC1 with missing ratings as irrCAC's gwet.ac1.raw: π_c the mean of
 * n_uc/r_u over units with a value, p_a over units with two or more.
 * Variance: two coders on every unit, Gwet (2008) eq. 27 (gwet.ac1.table);
 * otherwise the linearised variance of gwet.ac1.raw.
 */
function gwet(rows: Row[], k: number, m: number) {
  const units = rated(rows);
  const n = units.length;
  const pa = percentAgreement(rows);
  if (pa === null || k < 2) return { ac1: null, v: null };
  const q1 = F(k - 1);
  const share = (u: number[], c: number) => new Fraction(BigInt(u.filter((v) => v === c).length), BigInt(u.length));
  const pi = Array.from({ length: k }, (_, c) => sum(units.map((u) => share(u, c))).div(F(n)));
  const pe = sum(pi.map((x) => x.mul(ONE.sub(x)))).div(q1);
  const ac1 = pa.sub(pe).div(ONE.sub(pe));
  const two = F(2).mul(ONE.sub(ac1));
  if (m === 2 && units.every((u) => u.length === 2)) {
    let s = ZERO;
    for (const [a, b] of units as [number, number][]) {
      const t = (a === b ? ONE : ZERO).sub(two.mul(ONE.sub(pi[a]!.add(pi[b]!).div(F(2)))).div(q1));
      s = s.add(t.mul(t).div(F(n)));
    }
    const c = pa.sub(two.mul(pe));
    return { ac1, v: s.sub(c.mul(c)).div(F(n).mul(ONE.sub(pe)).mul(ONE.sub(pe))) };
  }
  if (n < 2) return { ac1, v: null };
  const n2 = units.filter((u) => u.length >= 2).length;
  let s = ZERO;
  for (const u of units) {
    let peU = ZERO;
    for (let c = 0; c < k; c++) peU = peU.add(share(u, c).mul(ONE.sub(pi[c]!)));
    peU = peU.div(q1);
    const paU = u.length >= 2 ? agreeShare(u).sub(pe) : ZERO;
    const a = F(n).div(F(n2)).mul(paU).div(ONE.sub(pe)).sub(two.mul(peU.sub(pe)).div(ONE.sub(pe)));
    s = s.add(a.sub(ac1).mul(a.sub(ac1)));
  }
  return { ac1, v: s.div(F(n * (n - 1))) };
}

export function referenceMetrics(rows: Row[], k: number, level: Level, values: number[]): Reference {
  const full = complete(rows);
  const m = rows[0]?.length ?? 0;
  const pa = percentAgreement(rows);
  const f = fleiss(rows, k);
  const g = gwet(rows, k, m);
  const ref: Reference = {
    percent_agreement: pa,
    fleiss_kappa: f.kappa,
    fleiss_kappa_var0: f.v0,
    krippendorff_alpha: alpha(rows, k, level, values),
    gwet_ac1: g.ac1,
    gwet_ac1_var: g.v,
    brennan_prediger: pa === null || k < 2 ? null : pa.sub(new Fraction(1n, BigInt(k))).div(ONE.sub(new Fraction(1n, BigInt(k)))),
  };
  if (m === 2) {
    const pairs = full as [number, number][];
    const c = cohen(pairs, k);
    ref.cohen_kappa = c.kappa;
    ref.cohen_kappa_var = c.v;
    ref.cohen_kappa_var0 = c.v0;
    if (level !== 'nominal') {
      ref.kappa_linear = weighted(pairs, k, false);
      ref.kappa_quadratic = weighted(pairs, k, true);
    }
    if (pairs.length > 0) {
      const N = F(pairs.length);
      const pi = Array.from({ length: k }, (_, i) =>
        F(pairs.filter(([a]) => a === i).length + pairs.filter(([, b]) => b === i).length).div(F(2 * pairs.length)),
      );
      const po = F(pairs.filter(([a, b]) => a === b).length).div(N);
      const pe = sum(pi.map((x) => x.mul(x)));
      ref.scott_pi = safeDiv(po.sub(pe), ONE.sub(pe));
      if (k === 2) {
        const cnt = (i: number, j: number) => pairs.filter(([a, b]) => a === i && b === j).length;
        ref.prevalence_index = F(cnt(0, 0) - cnt(1, 1)).div(N);
        ref.bias_index = F(cnt(0, 1) - cnt(1, 0)).div(N);
      }
    } else {
      ref.scott_pi = null;
      if (k === 2) ref.prevalence_index = ref.bias_index = null;
    }
  } else {
    // Light (1971) as ReCal3: each pair over the units both coded; undefined if any pair's κ is.
    const kappas: (Fraction | null)[] = [];
    for (let a = 0; a < m; a++)
      for (let b = a + 1; b < m; b++) {
        const joint = rows.filter((u) => u[a] !== null && u[b] !== null).map((u) => [u[a]!, u[b]!] as [number, number]);
        kappas.push(cohen(joint, k).kappa);
      }
    ref.mean_pairwise_cohen_kappa = kappas.some((x) => x === null) ? null : sum(kappas as Fraction[]).div(F(kappas.length));
  }
  return ref;
}
