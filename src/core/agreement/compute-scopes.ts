import type { Codebook } from '../model/codebook.js';
import type { CoderCodings } from '../model/coder.js';
import type { AgreementResult, Metrics, ScopeResult } from './agreement-result.js';
import { COEFFICIENT_KEYS } from './agreement-result.js';
import { computeAgreementMetrics, type AgreementOptions, type BootstrapOptions } from './compute-agreement.js';
import type { MissingConvention } from './agreement-result.js';
import { buildRatingsTable, type RatingsTable } from './ratings-table.js';
import { appendAll } from '../util/bulk-array.js';

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
  const names = coders.map((c) => c.coder);
  const reviewed = coders.map((c) => new Map<string, Set<string>>());
  const unknownCodes = new Set<string>();
  const known = new Set(codebook.categories.flatMap((cat) => cat.codes.map((c) => c.id)));
  coders.forEach((c, i) => {
    for (const row of c.codings) {
      const codes = reviewed[i]!.get(row.segment_id) ?? new Set<string>();
      reviewed[i]!.set(row.segment_id, codes);
      if (row.code === '') continue;
      if (known.has(row.code)) codes.add(row.code);
      else unknownCodes.add(row.code);
    }
  });
  const units = orderUnits(new Set(reviewed.flatMap((r) => [...r.keys()])), options.segmentOrder);
  const missing = options.missing ?? 'available';
  const opts: AgreementOptions = { level: 'nominal', missing, ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}) };

  const results: ScopeResult[] = [];
  const perCode: ScopeResult[] = [];
  const pooledRows: (number | null)[][] = [];
  for (const category of codebook.categories) {
    for (const code of category.codes) {
      const rows = units.map((seg) =>
        reviewed.map((r) => {
          const codes = r.get(seg);
          return codes === undefined ? null : codes.has(code.id) ? 0 : 1;
        }),
      );
      appendAll(pooledRows, rows);
      const result = scope('code', code.id, buildRatingsTable(names, PRESENCE, rows), opts);
      perCode.push(result);
      results.push(result);
    }
  }

  for (const category of codebook.categories) {
    if (!category.exclusive) continue;
    const ids = category.codes.map((c) => c.id);
    const doubled = names.map(() => 0);
    const rows = units.map((seg) =>
      reviewed.map((r, i) => {
        const codes = r.get(seg);
        if (codes === undefined) return null;
        const given = ids.flatMap((id, j) => (codes.has(id) ? [j] : []));
        if (given.length > 1) {
          doubled[i]!++;
          return null;
        }
        return given.length === 1 ? given[0]! : ids.length;
      }),
    );
    const result = scope('category', category.id, buildRatingsTable(names, [...ids, NO_CODE], rows), opts);
    doubled.forEach((count, i) => {
      if (count > 0) {
        result.notes.push(
          `${count} segment${count === 1 ? '' : 's'} where ${names[i]} gave more than one code of this exclusive category count as missing for ${names[i]}`,
        );
      }
    });
    results.push(result);
  }

  const pooled = scope('pooled', 'all', buildRatingsTable(names, PRESENCE, pooledRows), opts);
  if (unknownCodes.size > 0) {
    pooled.notes.push(`codes not in the codebook were ignored: ${[...unknownCodes].sort().join(', ')}`);
  }
  results.push(pooled);
  results.push(meanOfCodes(perCode));
  return { coders: names, units: units.length, missing, results };
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
