import type { Codebook } from '../model/codebook.js';
import type { CoderCodings } from '../model/coder.js';
import type { AgreementResult, Metrics, ScopeResult } from './agreement-result.js';
import { COEFFICIENT_KEYS } from './agreement-result.js';
import { computeAgreementMetrics, type AgreementOptions, type BootstrapOptions } from './compute-agreement.js';
import type { MissingConvention } from './agreement-result.js';
import { categoryValues, MISSING, type RatingsTable } from './ratings-table.js';
import { listCodes } from '../model/codebook.js';
import type { CodingTable } from '../coding/coding-table.js';


/** The two values of a per-code unit; 'present' first so Byrt's a is "both applied it". */
export const PRESENCE = ['present', 'absent'] as const;
/** The value of an exclusive category when no code of it applies (not a valid code id). */
export const NO_CODE = '(none)';

/**
 * Reliability of coding files, scope by scope (docs/reliability.md):
 * - code: per code, each segment a coder reviewed is 'present' (the coder
 *   applied the code) or 'absent';
 * - category: per exclusive category, which of its codes the coder applied,
 *   or '(none)'; a segment given two codes of one exclusive category is
 *   missing for that coder (and named in a note);
 * - pooled: every segment × code decision stacked into one two-category table;
 * - mean: the mean over codes of each per-code coefficient, codes where it is
 *   undefined left out and named.
 * A segment counts as reviewed by a coder when the coder's file has any row
 * for it (a row with an empty code means "reviewed, no code"). Segments no
 * row mentions are not reviewed and are missing for that coder.
 */
export function computeScopes(
  codebook: Codebook,
  coders: readonly CoderCodings[],
  options: { bootstrap?: BootstrapOptions; segmentOrder?: readonly string[]; missing?: MissingConvention } = {},
): AgreementResult {
  const reviewed = coders.map(() => new Map<string, number[]>());
  const unknownCodes = new Set<string>();
  const number = new Map(listCodes(codebook).map((r) => [r.code.id, r.order + 1]));
  coders.forEach((c, i) => {
    for (const row of c.codings) {
      let codes = reviewed[i]!.get(row.segment_id);
      if (!codes) reviewed[i]!.set(row.segment_id, (codes = []));
      if (row.code === '') continue;
      const k = number.get(row.code);
      if (k === undefined) unknownCodes.add(row.code);
      else if (!codes.includes(k)) codes.push(k);
    }
  });
  const units = orderUnits(new Set(reviewed.flatMap((r) => [...r.keys()])), options.segmentOrder);
  return computeReviewedScopes(
    codebook,
    {
      coders: coders.map((c) => c.coder),
      forEachUnit(visit) {
        for (const seg of units) visit(reviewed.map((r) => r.get(seg) ?? null));
      },
    },
    { ...options, unknownCodes: [...unknownCodes] },
  );
}

/**
 * The units (segments) reviewed by any coder, without an object per unit:
 * `forEachUnit` calls back once per unit with, for each coder, null (not
 * reviewed) or the code numbers it applied (1-based in codebook order,
 * listCodes; empty for "reviewed, none"). A CodingTable per coder gives it
 * by a merge over their rows.
 */
export interface ReviewedUnits {
  coders: readonly string[];
  forEachUnit(visit: (codes: readonly (readonly number[] | null)[]) => void): void;
}

/** Counts of distinct rows of cells (a cell: MISSING or a category index), kept by a numeric key as compressRatings builds it. */
class RowCounts {
  readonly counts = new Map<number, number>();
  constructor(
    private readonly categories: number,
    private readonly coders: number,
  ) {}

  key(cells: ArrayLike<number>): number {
    let key = 0;
    for (let c = 0; c < this.coders; c++) key = key * (this.categories + 1) + cells[c]! + 1;
    return key;
  }

  add(key: number, n: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  /** The weighted table of these rows: what compressRatings makes of the units they stand for. */
  table(coders: readonly string[], categories: readonly string[]): RatingsTable {
    const m = this.coders;
    const base = this.categories + 1;
    const rows = [...this.counts].filter(([, n]) => n > 0);
    const data = new Int32Array(rows.length * m);
    const weights = new Float64Array(rows.length);
    rows.forEach(([key, n], u) => {
      let k = key;
      for (let c = m - 1; c >= 0; c--) {
        data[u * m + c] = (k % base) - 1;
        k = Math.floor(k / base);
      }
      weights[u] = n;
    });
    return { coders, categories, values: categoryValues(categories), unitCount: rows.length, data, weights };
  }
}

/**
 * computeScopes over ReviewedUnits: the one computation. Every coefficient
 * depends on the units only through how often each row of cells occurs
 * (compressRatings), so each scope's table is built as those counts: a
 * million units cost nothing per unit but the visit. Per code, a unit's row
 * is the "absent" row of the coders who reviewed it unless a coder applied
 * the code, so only applied codes are counted one by one.
 */
export function computeReviewedScopes(
  codebook: Codebook,
  units: ReviewedUnits,
  options: { bootstrap?: BootstrapOptions; missing?: MissingConvention; unknownCodes?: readonly string[] } = {},
): AgreementResult {
  const names = units.coders;
  const m = names.length;
  const missing = options.missing ?? 'available';
  const opts: AgreementOptions = { level: 'nominal', missing, ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}) };
  const refs = listCodes(codebook);
  const exclusive = codebook.categories.filter((c) => c.exclusive);
  const firstCode = new Map<string, number>();
  for (const r of refs) if (!firstCode.has(r.category.id)) firstCode.set(r.category.id, r.order + 1);

  const absentRows = new RowCounts(2, m);
  const perCode = refs.map(() => new RowCounts(2, m));
  const perCategory = exclusive.map((c) => new RowCounts(c.codes.length + 1, m));
  const doubled = exclusive.map(() => names.map(() => 0));
  const cells = new Int32Array(m);
  const applied: number[] = [];
  let unitCount = 0;
  units.forEachUnit((codes) => {
    unitCount++;
    for (let c = 0; c < m; c++) cells[c] = codes[c] === null ? MISSING : 1;
    const absent = absentRows.key(cells);
    absentRows.add(absent, 1);
    applied.length = 0;
    for (const list of codes) for (const k of list ?? []) if (!applied.includes(k)) applied.push(k);
    for (const k of applied) {
      for (let c = 0; c < m; c++) cells[c] = codes[c] === null ? MISSING : codes[c]!.includes(k) ? 0 : 1;
      perCode[k - 1]!.add(absent, -1);
      perCode[k - 1]!.add(perCode[k - 1]!.key(cells), 1);
    }
    exclusive.forEach((category, e) => {
      const first = firstCode.get(category.id)!;
      const size = category.codes.length;
      for (let c = 0; c < m; c++) {
        const list = codes[c] ?? null;
        if (list === null) {
          cells[c] = MISSING;
          continue;
        }
        let given = -1;
        let count = 0;
        for (const k of list) {
          if (k >= first && k < first + size) {
            count++;
            if (given < 0 || k - first < given) given = k - first;
          }
        }
        if (count > 1) {
          doubled[e]![c]!++;
          cells[c] = MISSING;
        } else cells[c] = count === 1 ? given : size;
      }
      perCategory[e]!.add(perCategory[e]!.key(cells), 1);
    });
  });

  const results: ScopeResult[] = [];
  const codeResults: ScopeResult[] = [];
  const pooled = new RowCounts(2, m);
  refs.forEach((r, i) => {
    const rows = perCode[i]!;
    for (const [key, n] of absentRows.counts) rows.add(key, n);
    for (const [key, n] of rows.counts) pooled.add(key, n);
    const result = scope('code', r.code.id, rows.table(names, PRESENCE), opts);
    codeResults.push(result);
    results.push(result);
  });
  exclusive.forEach((category, e) => {
    const ids = category.codes.map((c) => c.id);
    const result = scope('category', category.id, perCategory[e]!.table(names, [...ids, NO_CODE]), opts);
    doubled[e]!.forEach((count, i) => {
      if (count > 0) {
        result.notes.push(
          `${count} segment${count === 1 ? '' : 's'} where ${names[i]} gave more than one code of this exclusive category count as missing for ${names[i]}`,
        );
      }
    });
    results.push(result);
  });
  const pooledResult = scope('pooled', 'all', pooled.table(names, PRESENCE), opts);
  const unknown = options.unknownCodes ?? [];
  if (unknown.length > 0) pooledResult.notes.push(`codes not in the codebook were ignored: ${[...unknown].sort().join(', ')}`);
  results.push(pooledResult);
  results.push(meanOfCodes(codeResults));
  return { coders: [...names], units: unitCount, missing, results };
}

function scope(
  kind: ScopeResult['scope'],
  id: string,
  table: RatingsTable,
  opts: AgreementOptions,
): ScopeResult {
  return { scope: kind, id, ...computeAgreementMetrics(table, opts) };
}

function orderUnits(ids: Set<string>, order: readonly string[] | undefined): string[] {
  const position = new Map((order ?? []).map((id, i) => [id, i]));
  return [...ids].sort((a, b) => {
    const pa = position.get(a) ?? Number.MAX_SAFE_INTEGER;
    const pb = position.get(b) ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Why the mean of codes has no SE or interval. */
export const MEAN_NO_INTERVAL =
  'a mean over codes has no standard error here: the codes are coded on the same segments by the same coders, so their coefficients are not independent; see the per-code and pooled intervals';

/**
 * Mean over codes of each coefficient. Standard errors and intervals do not
 * average: they are null with the reason (MEAN_NO_INTERVAL).
 */
export function meanOfCodes(perCode: readonly ScopeResult[]): ScopeResult {
  const metrics: Metrics = {};
  const notes: string[] = [];
  const noInterval: string[] = [];
  for (const key of COEFFICIENT_KEYS) {
    const having = perCode.filter((r) => key in r.metrics);
    if (having.length === 0) continue;
    metrics[`${key}_se`] = null;
    metrics[`${key}_ci`] = null;
    noInterval.push(`${key}_se`, `${key}_ci`);
    const values = having.flatMap((r) => {
      const v = r.metrics[key];
      return typeof v === 'number' ? [v] : [];
    });
    const left = having.filter((r) => typeof r.metrics[key] !== 'number').map((r) => r.id);
    if (values.length === 0) {
      metrics[key] = null;
      notes.push(`${key}: undefined, it is undefined for every code`);
      continue;
    }
    metrics[key] = values.reduce((s, v) => s + v, 0) / values.length;
    if (left.length > 0) notes.push(`${key}: mean of ${values.length} codes; left out (undefined): ${left.join(', ')}`);
  }
  if (noInterval.length > 0) notes.push(`${noInterval.join(', ')}: undefined, ${MEAN_NO_INTERVAL}`);
  return { scope: 'mean', id: 'all', n: perCode.length, metrics, notes };
}

/**
 * The ReviewedUnits of coders' CodingTables (over one SegmentTable): a merge
 * of their rows, which are in segment order, so a unit is the next segment
 * any coder has rows for.
 */
export function reviewedUnitsOf(coders: readonly { coder: string; codings: CodingTable }[]): ReviewedUnits {
  return {
    coders: coders.map((c) => c.coder),
    forEachUnit(visit) {
      const tables = coders.map((c) => c.codings);
      const next = tables.map(() => 0);
      const codes: (number[] | null)[] = tables.map(() => null);
      const lists: number[][] = tables.map(() => []);
      for (;;) {
        let unit = Infinity;
        tables.forEach((t, i) => {
          if (next[i]! < t.length) unit = Math.min(unit, t.segment(next[i]!));
        });
        if (unit === Infinity) return;
        tables.forEach((t, i) => {
          codes[i] = null;
          if (next[i]! >= t.length || t.segment(next[i]!) !== unit) return;
          const list = lists[i]!;
          list.length = 0;
          for (; next[i]! < t.length && t.segment(next[i]!) === unit; next[i]!++) if (t.code(next[i]!) !== 0) list.push(t.code(next[i]!));
          codes[i] = list;
        });
        visit(codes);
      }
    },
  };
}
