import type { Document } from '../model/document.js';
import { metadataString } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import { createRng, normalizeSeed } from '../random/create-rng.js';
import { computeAllocation, type StratumAllocation } from './compute-allocation.js';
import { appendAll } from '../util/bulk-array.js';

/** How segments are grouped before drawing: by a metadata key, by document, or not at all. */
export type Stratify = { by: 'metadata'; key: string } | { by: 'doc' } | { by: 'none' };

export interface SampleOptions {
  /** Share of the segments, in (0, 1]; exactly one of fraction and size. */
  fraction?: number;
  /** Number of segments, a whole number ≥ 1. */
  size?: number;
  seed: number | string;
  stratify: Stratify;
  /** Each stratum gets at least min(K, its size). */
  minPerStratum?: number;
}

export interface SampleRow {
  segment_id: string;
  doc_id: string;
  stratum: string;
  text: string;
}

export interface Sample {
  /** Drawn segments in corpus order. */
  rows: SampleRow[];
  /** Strata in code-point order of their names. */
  strata: StratumAllocation[];
  population: number;
  /** Sample size asked for before minimums per stratum. */
  requested: number;
  /** The 32-bit seed the generator ran on. */
  seed: number;
  diagnostics: Diagnostic[];
}

/** Tolerance so that e.g. 0.1 · 30 (= 3.0000000000000004 in floating point) asks for 3, not 4. */
const EPSILON = 1e-9;

/**
 * The number of segments a fraction asks for: ⌈F · N⌉, so the sample is never
 * smaller than the share asked for (20% of 7 segments is 2, not 1).
 */
export function computeRequestedSize(fraction: number, population: number): number {
  return Math.min(population, Math.ceil(fraction * population - EPSILON));
}

function stratumOf(stratify: Stratify, doc: Document | undefined, segment: Segment): string {
  if (stratify.by === 'doc') return segment.doc_id;
  if (stratify.by === 'metadata') return doc ? metadataString(doc, stratify.key) : '';
  return '';
}

function checkOptions(options: SampleOptions, population: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { fraction, size, minPerStratum } = options;
  if ((fraction === undefined) === (size === undefined)) {
    out.push(diag('QC501', 'give exactly one of --fraction and --size'));
  }
  if (fraction !== undefined && !(Number.isFinite(fraction) && fraction > 0 && fraction <= 1)) {
    out.push(diag('QC501', `--fraction must be above 0 and at most 1, got ${fraction}`));
  }
  if (size !== undefined && !(Number.isInteger(size) && size >= 1)) {
    out.push(diag('QC501', `--size must be a whole number of at least 1, got ${size}`));
  }
  if (minPerStratum !== undefined && !(Number.isInteger(minPerStratum) && minPerStratum >= 0)) {
    out.push(diag('QC501', `--min-per-stratum must be a whole number of at least 0, got ${minPerStratum}`));
  }
  if (population === 0) out.push(diag('QC506', 'the corpus has no segments'));
  return out;
}

/**
 * Draws a reproducible random sample of segments.
 *
 * Segments are grouped into strata, the sample size is spread across them by
 * proportional allocation (largest remainder, see compute-allocation.ts), and
 * inside each stratum, taken in code-point order of the stratum names, the
 * segments (in corpus order) are shuffled by a partial Fisher–Yates driven by
 * one sfc32 stream: for i = 0 … k−1, swap position i with a uniform position in
 * [i, N_h). The first k are the stratum's sample. The result is listed in
 * corpus order. Same segments, options and seed → same sample, everywhere.
 */
export function computeSample(segments: readonly Segment[], docs: readonly Document[], options: SampleOptions): Sample {
  const seed = normalizeSeed(options.seed);
  const empty = (diagnostics: Diagnostic[]): Sample => ({
    rows: [],
    strata: [],
    population: segments.length,
    requested: 0,
    seed,
    diagnostics,
  });
  const diagnostics = checkOptions(options, segments.length);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const { stratify } = options;
  if (stratify.by === 'metadata' && docs.length > 0) {
    const key = stratify.key;
    if (!docs.some((d) => d.metadata[key] !== undefined)) {
      const known = [...new Set(docs.flatMap((d) => Object.keys(d.metadata)))].sort();
      diagnostics.push(
        diag('QC504', `no document has the metadata key '${key}'`, { hint: known.length > 0 ? `keys in this corpus: ${known.join(', ')}; or use --stratify doc` : undefined }),
      );
    }
  }
  if (hasErrors(diagnostics)) return empty(diagnostics);
  if (stratify.by === 'metadata') {
    const key = stratify.key;
    const missing = docs.filter((d) => metadataString(d, key) === '');
    if (missing.length > 0) {
      const ids = missing.map((d) => d.id);
      const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
      diagnostics.push(
        warn('QC505', `${ids.length} document${ids.length === 1 ? '' : 's'} without '${key}' form the stratum "": ${shown}`),
      );
    }
  }

  // Positions in corpus order, grouped by stratum.
  const members = new Map<string, number[]>();
  segments.forEach((seg, pos) => {
    const s = stratumOf(stratify, docById.get(seg.doc_id), seg);
    const list = members.get(s);
    if (list) list.push(pos);
    else members.set(s, [pos]);
  });
  const names = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const population = segments.length;
  let requested: number;
  if (options.size !== undefined) {
    requested = options.size;
    if (requested > population) {
      diagnostics.push(
        warn('QC502', `--size ${requested} is more than the ${population} segments; the sample holds every segment`),
      );
      requested = population;
    }
  } else {
    requested = computeRequestedSize(options.fraction!, population);
  }

  const minPerStratum = options.minPerStratum ?? 0;
  const strata = computeAllocation(
    names.map((stratum) => ({ stratum, population: members.get(stratum)!.length })),
    requested,
    minPerStratum,
  );
  for (const s of strata) {
    if (s.population < minPerStratum) {
      diagnostics.push(
        warn(
          'QC503',
          `stratum "${s.stratum}" has ${s.population} segment${s.population === 1 ? '' : 's'}, fewer than --min-per-stratum ${minPerStratum}; all are taken`,
        ),
      );
    }
  }

  const rng = createRng(seed);
  const chosen: number[] = [];
  for (const s of strata) {
    const pool = [...members.get(s.stratum)!];
    for (let i = 0; i < s.allocated; i++) {
      const j = i + rng.nextInt(pool.length - i);
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
    appendAll(chosen, pool.slice(0, s.allocated));
  }
  chosen.sort((a, b) => a - b);

  const stratumByPos = new Map<number, string>();
  for (const [name, list] of members) for (const p of list) stratumByPos.set(p, name);
  const rows = chosen.map((p) => {
    const seg = segments[p]!;
    return { segment_id: seg.segment_id, doc_id: seg.doc_id, stratum: stratumByPos.get(p)!, text: seg.text };
  });
  return { rows, strata, population, requested, seed, diagnostics };
}
