import type { CodeTable } from '../code-table.js';

/** QC5xx: sampling, annotation, disagreements and adjudication. */
export const sampleCodes = {
  QC501: {
    title: 'invalid sample size',
    description: 'The sample fraction is not above 0 and at most 1, or the sample size is not a positive whole number.',
    hint: 'Give --fraction between 0 (exclusive) and 1, e.g. 0.2, or --size as a whole number of segments.',
  },
  QC502: {
    title: 'sample larger than the population',
    description: 'More segments were asked for than there are; the sample holds every segment.',
    hint: 'Lower --size, or use --fraction 1 to take every segment on purpose.',
  },
  QC503: {
    title: 'stratum smaller than the minimum',
    description: 'A stratum has fewer segments than --min-per-stratum; all of its segments are taken.',
    hint: 'Lower --min-per-stratum, or stratify by a coarser key.',
  },
  QC504: {
    title: 'unknown stratification key',
    description: 'No document has the metadata key given to --stratify.',
    hint: "Use a key from the documents' front matter or columns, or `doc` to stratify by document.",
  },
  QC505: {
    title: 'missing stratum value',
    description: 'Some documents lack the stratification key; their segments form a stratum of their own, named "".',
    hint: "Add the key to those documents' metadata if they belong to a stratum.",
  },
  QC506: {
    title: 'nothing to sample',
    description: 'The corpus has no segments to draw a sample from.',
    hint: 'Check the corpus path and the unit in qcode.yaml.',
  },
  QC507: {
    title: 'invalid sample file',
    description: 'A sample file lacks the segment_id column, or names a segment the corpus does not have.',
    hint: 'Draw the sample again with `qcode sample` from the current corpus and unit.',
  },
  QC508: {
    title: 'coder busy in another session',
    description: "Another running qcode session holds the coder's lock file, so this one may not write the same coding file.",
    hint: 'Finish the other session first, or code as another coder.',
  },
  QC509: {
    title: 'invalid coder pair',
    description: 'Disagreements and adjudication compare exactly two different coders.',
    hint: 'Name two coders, e.g. --coders alice,bob.',
  },
  QC510: {
    title: 'invalid decision',
    description: 'A row of a resolved disagreements file has a missing or unknown decision, or decisions that break the codebook.',
    hint: 'Write one of: a coder name, both, neither, or a ;-separated list of code ids of the row\'s category.',
  },
  QC511: {
    title: 'decision for no disagreement',
    description: 'A row of a resolved disagreements file names a segment and code the two coders do not disagree on; it is ignored.',
    hint: 'Regenerate the disagreements file with `qcode disagreements` and carry the decisions over.',
  },
  QC512: {
    title: 'no segments in common',
    description: 'The two coders have no reviewed segment in common, so there is nothing to compare.',
    hint: 'Check the coder names, and that both coded the same sample.',
  },
  QC513: {
    title: 'unreadable journal line',
    description: "A line of a coder's annotation journal could not be read (usually the last line of a session that was killed mid-write); it is skipped.",
    hint: 'The segment on that line was not confirmed; code it again.',
  },
} as const satisfies CodeTable;
