import type { Document } from '../model/document.js';
import { metadataString } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import { createRng, normalizeSeed } from '../random/create-rng.js';
import { computeAllocation, type StratumAllocation } from './compute-allocation.js';

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

/** What a sample's summaries need: a Sample, or a draw whose rows are only counted. */
export type SampleCounts = Omit<Sample, 'rows'> & { rows: { readonly length: number } };

/** Tolerance so that e.g. 0.1 · 30 (= 3.0000000000000004 in floating point) asks for 3, not 4. */
const EPSILON = 1e-9;

/**
 * The number of segments a fraction asks for: ⌈F · N⌉, so the sample is never
 * smaller than the share asked for (20% of 7 segments is 2, not 1).
 */
export function computeRequestedSize(fraction: number, population: number): number {
  return Math.min(population, Math.ceil(fraction * population - EPSILON));
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
  const docNumber = new Map<string, number>();
  docs.forEach((d, i) => docNumber.has(d.id) || docNumber.set(d.id, i));
  const draw = computeSampleDraw({ population: segments.length, documents: docs, docOf: (p) => docNumber.get(segments[p]!.doc_id) ?? -1, docIdOf: (p) => segments[p]!.doc_id }, options);
  const rows = Array.from(draw.chosen, (p, i) => {
    const seg = segments[p]!;
    return { segment_id: seg.segment_id, doc_id: seg.doc_id, stratum: draw.stratumNames[draw.chosenStratum[i]!]!, text: seg.text };
  });
  return { rows, strata: draw.strata, population: draw.population, requested: draw.requested, seed: draw.seed, diagnostics: draw.diagnostics };
}

/** The segments a sample draws, as positions: what computeSample lists, before the segments' text is looked up. */
export interface SampleDraw extends Omit<Sample, 'rows'> {
  /** Positions of the drawn segments (0-based, corpus order), ascending. */
  chosen: Uint32Array;
  /** The stratum (index into stratumNames) of each chosen segment. */
  chosenStratum: Uint32Array;
  stratumNames: readonly string[];
}

/**
 * The draw of computeSample over segments known only by position and
 * document (a compact table's): `docOf(p)` numbers the document of segment p
 * in `documents` (-1: none), `docIdOf(p)` names it. Memory: a few bytes a
 * segment, no object or string per segment.
 */
export function computeSampleDraw(
  input: { population: number; documents: readonly Pick<Document, 'id' | 'metadata'>[]; docOf: (p: number) => number; docIdOf: (p: number) => string },
  options: SampleOptions,
): SampleDraw {
  const seed = normalizeSeed(options.seed);
  const { population, documents: docs } = input;
  const none = new Uint32Array(0);
  const empty = (diagnostics: Diagnostic[]): SampleDraw => ({ chosen: none, chosenStratum: none, stratumNames: [], strata: [], population, requested: 0, seed, diagnostics });
  const diagnostics = checkOptions(options, population);
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

  // Each segment's stratum by number (strata named once), then positions grouped by stratum, corpus order within.
  const stratumNumber = new Map<string, number>();
  const names: string[] = [];
  const stratumOfSegment = new Uint32Array(population);
  const byDoc = new Map<number, number>();
  for (let p = 0; p < population; p++) {
    const d = input.docOf(p);
    let s = stratify.by === 'doc' ? undefined : byDoc.get(d);
    if (s === undefined) {
      const name = stratify.by === 'doc' ? input.docIdOf(p) : stratify.by === 'metadata' ? (d >= 0 ? metadataString(docs[d]!, stratify.key) : '') : '';
      s = stratumNumber.get(name);
      if (s === undefined) {
        s = names.length;
        stratumNumber.set(name, s);
        names.push(name);
      }
      if (stratify.by !== 'doc') byDoc.set(d, s);
    }
    stratumOfSegment[p] = s;
  }
  const start = new Uint32Array(names.length + 1);
  for (let p = 0; p < population; p++) start[stratumOfSegment[p]! + 1]!++;
  for (let s = 0; s < names.length; s++) start[s + 1]! += start[s]!;
  const pools = new Uint32Array(population);
  const fill = start.slice(0, names.length);
  for (let p = 0; p < population; p++) pools[fill[stratumOfSegment[p]!]!++] = p;
  const sortedNames = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

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
  const sizeOf = (name: string) => start[stratumNumber.get(name)! + 1]! - start[stratumNumber.get(name)!]!;
  const strata = computeAllocation(
    sortedNames.map((stratum) => ({ stratum, population: sizeOf(stratum) })),
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
  let total = 0;
  for (const s of strata) total += s.allocated;
  const chosen = new Uint32Array(total);
  let at = 0;
  for (const s of strata) {
    const k = stratumNumber.get(s.stratum)!;
    // The stratum's positions in corpus order, shuffled in place (each stratum's part of `pools` is used once).
    const pool = pools.subarray(start[k]!, start[k + 1]!);
    for (let i = 0; i < s.allocated; i++) {
      const j = i + rng.nextInt(pool.length - i);
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
    for (let i = 0; i < s.allocated; i++) chosen[at++] = pool[i]!;
  }
  chosen.sort();
  const chosenStratum = chosen.map((p) => stratumOfSegment[p]!);
  return { chosen, chosenStratum, stratumNames: names, strata, population, requested, seed, diagnostics };
}
