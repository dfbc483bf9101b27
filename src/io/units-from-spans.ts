import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { formatCodingFile } from '../core/coding/format-coding-file.js';
import { validateCodings } from '../core/coding/validate-codings.js';
import { computeUnitsFromSpans, describeUnitRule, formatUnitRule, type ReviewedScope, type UnitRule } from '../core/spans/units-from-spans.js';
import { computeSha256 } from '../core/util/hash.js';
import { codingPath } from './coding-file.js';
import { manifestKey } from './manifest.js';
import type { Study } from './read-study.js';
import { readCoderSpans, spanPath } from './span-file.js';
import { writeOutputFiles } from './write-output-files.js';

export interface UnitsResult {
  coder: string;
  file: string;
  codings: number;
  reviewed: number;
  reviewedScope: ReviewedScope;
  methods: string;
  diagnostics: Diagnostic[];
}

/**
 * `qcode units --from-spans`: one coder's span file → the coder's unit coding
 * file, a derived output recorded in the manifest with the rule. Under the one
 * overwrite policy a rerun replaces it unless it was edited or holds other
 * work (a coder's imported or annotated file), which needs --force.
 */
export async function writeUnitsFromSpans(
  study: Study,
  coder: string,
  options: { rule: UnitRule; reviewed?: ReviewedScope | undefined; force: boolean; command: string; display: (p: string) => string },
): Promise<UnitsResult> {
  const { spans, diagnostics } = await readCoderSpans(study, coder, options.display);
  const reviewedScope = options.reviewed ?? (spans.some((s) => s.code === '') ? 'spans' : 'documents');
  const units = computeUnitsFromSpans(spans, study.segments, study.codebook, { coder, rule: options.rule, reviewed: reviewedScope });
  const checked = validateCodings(units.codings.map((coding) => ({ coding, at: { row: { file: '(spans)' } } })), study.codebook, study.segments, coder);
  if (checked.diagnostics.some((d) => d.severity === 'error')) throw new Error(`units from spans do not validate: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  const file = codingPath(study.project, coder);
  const spansFile = spanPath(study.project, coder);
  const methods = `Span codings of ${coder} were turned into ${study.unit} codings: ${describeUnitRule(options.rule, study.unit)} (qcode units, rule ${formatUnitRule(options.rule)}); the coder counts as having reviewed ${reviewedScope === 'spans' ? `the ${study.unit}s a span touches` : reviewedScope === 'documents' ? 'every segment of each document with a span' : 'the whole corpus'}.`;
  // Derived from the span file: the one overwrite policy lets a rerun replace it, unless someone edited it.
  await writeOutputFiles(
    study,
    [
      {
        file,
        content: formatCodingFile(file, checked.codings, study.codebook, study.segments),
        kind: 'derived',
        details: {
          coder,
          from_spans: manifestKey(study, spansFile),
          spans_sha256: computeSha256(await readFile(spansFile)),
          rule: formatUnitRule(options.rule),
          reviewed: reviewedScope,
          methods,
        },
      },
    ],
    { command: options.command, force: options.force, display: options.display },
  );
  return {
    coder,
    file,
    codings: checked.codings.filter((c) => c.code !== '').length,
    reviewed: units.reviewed,
    reviewedScope,
    methods,
    diagnostics: [...diagnostics, ...units.diagnostics],
  };
}
