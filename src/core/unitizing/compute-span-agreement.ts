import type { Estimate } from '../agreement/estimate.js';
import { undefinedBecause } from '../agreement/estimate.js';
import { listCodes, type Codebook } from '../model/codebook.js';
import type { SpanCoding } from '../model/span-coding.js';
import { computeAlphaU2004, computeAlphaU2004Disagreement, type AlphaU2004Disagreement } from './alpha-u-2004.js';
import { computeBarUAlpha } from './bar-u-alpha.js';
import { computeCharacterAgreement, computeCharacterKappa, type CharacterTable } from './character-agreement.js';
import { buildUnitizingData, computeCoincidences, type UnitInput, type UnitizingData } from './continuum.js';
import { computeCuAlpha, computeCuCoverage, computeIntersectCoincidences } from './cu-alpha.js';
import { computeKUAlpha } from './k-u-alpha.js';
import { computeExpectedCoincidences, computeUAlpha } from './u-alpha.js';

export interface SpanCoderInput {
  coder: string;
  spans: readonly SpanCoding[];
}

export type SpanMetricKey = 'u_alpha' | 'bar_u_alpha' | 'cu_alpha' | 'cu_coverage' | 'k_u_alpha' | 'percent_characters' | 'kappa_characters' | 'alpha_u_2004';

export interface SpanScopeResult {
  scope: 'all' | 'category' | 'code';
  id: string;
  /** Metric → value, null when undefined (its reason in `notes` as "key: reason"). */
  metrics: Partial<Record<SpanMetricKey, number | null>>;
  notes: string[];
}

export interface SpanAgreementResult {
  coders: string[];
  documents: string[];
  /** Length of the continuum: code points of the documents, end to end. */
  length: number;
  results: SpanScopeResult[];
  /** Codes no coder applied (their rows hold no information). */
  unused: string[];
}

function put(result: SpanScopeResult, key: SpanMetricKey, e: Estimate): void {
  result.metrics[key] = e.value;
  if (e.value === null) result.notes.push(`${key}: ${e.reason}`);
}

/**
 * Agreement on free spans over the text continuum: the documents at least one
 * coder put a span in (or marked reviewed), end to end (a unit never crosses a
 * document's end).
 *  - all codes, and each category: uα, |uα, cuα (with the share of the
 *    continuum it covers) and, per code, (k)uα — where each coder's spans of
 *    different codes in the scope exclude each other, as the family requires;
 *    otherwise undefined, with where they overlap;
 *  - each code alone (its spans against the rest of the text): uα, which for
 *    one value is |uα; and for two coders the percentage of characters agreed
 *    and κ over characters, the figures NVivo's coding comparison shows;
 *  - in every scope, last, Krippendorff's earlier αU (2004), which takes one
 *    code at a time and so needs no exclusive codes.
 */
export function computeSpanAgreement(codebook: Codebook, coders: readonly SpanCoderInput[], documents: readonly { id: string; length: number }[]): SpanAgreementResult {
  // A document is in the continuum when any coder put a span in it, a "reviewed, no code" mark included.
  const used = new Set(coders.flatMap((c) => c.spans.map((s) => s.doc_id)));
  const docs = documents.filter((d) => used.has(d.id));
  const offset = new Map<string, number>();
  let length = 0;
  for (const d of docs) {
    offset.set(d.id, length);
    length += d.length;
  }
  const names = coders.map((c) => c.coder);
  const unitsOf = (codes: ReadonlySet<string>) =>
    coders.map((c) =>
      c.spans.filter((s) => codes.has(s.code)).map((s): UnitInput => ({ start: offset.get(s.doc_id)! + s.start, end: offset.get(s.doc_id)! + s.end, value: s.code })),
    );
  const results: SpanScopeResult[] = [];
  const kByCode = new Map<string, Estimate>();
  const refs = listCodes(codebook);
  const byCode = new Map<string, UnitizingData>();
  const uByCode = new Map<string, AlphaU2004Disagreement>();
  for (const ref of refs) {
    const built = buildUnitizingData(length, names, unitsOf(new Set([ref.code.id])), [ref.code.id]);
    if ('overlap' in built) throw new Error('spans of one code always merge');
    byCode.set(ref.code.id, built.data);
    uByCode.set(ref.code.id, computeAlphaU2004Disagreement(built.data));
  }
  const alphaU2004 = (codes: readonly string[]) => computeAlphaU2004(codes.map((code) => uByCode.get(code)!));
  const family = (scope: 'all' | 'category', id: string, codes: string[]) => {
    const result: SpanScopeResult = { scope, id, metrics: {}, notes: [] };
    results.push(result);
    const built = buildUnitizingData(length, names, unitsOf(new Set(codes)), codes);
    if ('overlap' in built) {
      const { coder, at, values } = built.overlap;
      const where = docs.find((d) => offset.get(d.id)! + d.length > at)!;
      const reason = `${coder}'s spans of ${values[0]} and ${values[1]} overlap (${where.id} at ${at - offset.get(where.id)!}); the family needs each coder's units in a scope to exclude each other`;
      for (const key of ['u_alpha', 'bar_u_alpha', 'cu_alpha'] as const) put(result, key, undefinedBecause(reason));
      if (scope === 'category') for (const code of codes) kByCode.set(code, undefinedBecause(`in category ${id}: ${reason}`));
    } else {
      const c = computeCoincidences(built.data);
      const expected = computeExpectedCoincidences(c);
      const star = computeIntersectCoincidences(c);
      put(result, 'u_alpha', computeUAlpha(c, expected));
      put(result, 'bar_u_alpha', computeBarUAlpha(c, expected));
      put(result, 'cu_alpha', computeCuAlpha(c, star));
      result.metrics.cu_coverage = computeCuCoverage(c, star);
      if (scope === 'category') codes.forEach((code, i) => kByCode.set(code, computeKUAlpha(c, i + 1, star)));
    }
    put(result, 'alpha_u_2004', alphaU2004(codes));
  };
  family('all', 'all codes', refs.map((r) => r.code.id));
  for (const category of codebook.categories) family('category', category.id, category.codes.map((c) => c.id));
  for (const ref of refs) {
    const code = ref.code.id;
    const result: SpanScopeResult = { scope: 'code', id: code, metrics: {}, notes: [] };
    results.push(result);
    const data = byCode.get(code)!;
    put(result, 'u_alpha', computeUAlpha(computeCoincidences(data)));
    put(result, 'k_u_alpha', kByCode.get(code) ?? undefinedBecause('not computed'));
    if (coders.length === 2) {
      const table = characterTable(data.sections[0]!, data.sections[1]!, length);
      put(result, 'percent_characters', computeCharacterAgreement(table));
      put(result, 'kappa_characters', computeCharacterKappa(table));
    }
    put(result, 'alpha_u_2004', alphaU2004([code]));
  }
  const applied = new Set(coders.flatMap((c) => c.spans.map((s) => s.code)));
  return { coders: names, documents: docs.map((d) => d.id), length, results, unused: refs.map((r) => r.code.id).filter((c) => !applied.has(c)) };
}

function characterTable(a: readonly { start: number; end: number; value: number }[], b: readonly { start: number; end: number; value: number }[], length: number): CharacterTable {
  const t: CharacterTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    const overlap = Math.min(a[x]!.end, b[y]!.end) - Math.max(a[x]!.start, b[y]!.start);
    if (overlap > 0) {
      const key = a[x]!.value ? (b[y]!.value ? 'both' : 'firstOnly') : b[y]!.value ? 'secondOnly' : 'neither';
      t[key] += overlap;
    }
    if (a[x]!.end <= b[y]!.end) x++;
    else y++;
  }
  return t;
}
