import type { AgreementResult } from '../agreement/agreement-result.js';
import type { CoderCoverage } from '../analysis/coder-coverage.js';
import type { CooccurrenceRow } from '../analysis/cooccurrence.js';
import type { FrequencyTable } from '../analysis/frequency-table.js';
import type { CodeTheme } from '../analysis/themes.js';
import type { Evaluation } from '../coding/compute-evaluation.js';
import type { DisagreementsSummary } from '../disagreements/format-disagreements.js';
import type { Codebook } from '../model/codebook.js';
import type { DocumentHead } from '../segment/segment-table.js';
import type { Manifest } from '../provenance/manifest.js';

/** The double-coding sample as `qcode sample` recorded it in the manifest. */
export interface SampleFacts {
  population: number;
  sampled: number;
  seed: number | string | null;
  stratify: string | null;
  strata: Record<string, { segments: number; sampled: number }>;
}

/**
 * Everything the study report shows, read and computed by the command. A part
 * the project does not have yet is null with the reason, and its section says
 * what would produce it.
 */
export interface ReportInput {
  codebook: Codebook;
  unit: string;
  /** The documents' ids and metadata, in corpus order. */
  documents: readonly DocumentHead[];
  segmentCount: number;
  /** The coder of the frequency, co-occurrence and theme sections. */
  coder: string;
  /** How many of the segments that coder reviewed: the tables' captions say so. */
  coverage: CoderCoverage;
  sample: SampleFacts | { missing: string };
  /** With two coders, how many segment × code decisions differ: the rows, with their text, are written by the command. */
  reliability: { result: AgreementResult; disagreements: DisagreementsSummary | null } | { missing: string };
  evaluation: Evaluation | { missing: string };
  frequencies: FrequencyTable;
  byGroup: FrequencyTable | null;
  overTime: { table: FrequencyTable; bin: string } | null;
  cooccurrence: CooccurrenceRow[];
  themes: CodeTheme[];
  manifest: Manifest;
  colours: ReadonlyMap<string, string>;
}

export const isMissing = (x: object): x is { missing: string } => 'missing' in x;
