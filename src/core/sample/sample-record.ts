import type { SampleCounts, Stratify } from './compute-sample.js';

/** `--stratify`: a metadata key, `doc` for one stratum per document, or none. */
export function parseStratify(value: string | undefined): Stratify {
  if (value === undefined) return { by: 'none' };
  return value === 'doc' ? { by: 'doc' } : { by: 'metadata', key: value };
}

/** The seed as the manifest records it: a number where it is a plain integer, else the text given. */
export function formatSeedRecord(seed: string): number | string {
  return /^(0|[1-9]\d{0,8})$/.test(seed) ? Number(seed) : seed;
}

/** Per stratum: its segments and how many were drawn, as the manifest and --json give them. */
export function computeStrataRecord(sample: SampleCounts): Record<string, { segments: number; sampled: number }> {
  return Object.fromEntries(sample.strata.map((s) => [s.stratum, { segments: s.population, sampled: s.allocated }]));
}

/** What the manifest records about a draw besides its seed: the options and every stratum's size. */
export function computeSampleDetails(
  sample: SampleCounts,
  options: { fraction?: number | undefined; size?: number | undefined; minPerStratum?: number | undefined; stratify?: string | undefined },
): Record<string, unknown> {
  return {
    fraction: options.fraction ?? null,
    size: options.size ?? null,
    stratify: options.stratify ?? null,
    min_per_stratum: options.minPerStratum ?? 0,
    population: sample.population,
    sampled: sample.rows.length,
    strata: computeStrataRecord(sample),
  };
}
