import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { validateCodings } from '../core/coding/validate-codings.js';
import { computeUnitsFromSpans, describeUnitRule, formatUnitRule, type ReviewedScope, type UnitRule } from '../core/spans/units-from-spans.js';
import { computeSha256 } from '../core/util/hash.js';
import { codingPath, writeCodingFile } from './coding-file.js';
import { manifestKey, readManifest, recordOutput } from './manifest.js';
import type { Study } from './read-study.js';
import { readCoderSpans, spanPath } from './span-file.js';

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
 * file, recorded in the manifest with the rule. The coding file is replaced
 * only when it is absent, unchanged, or itself made from spans by this
 * command (the manifest says so); a coding file with other work needs --force.
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
  const previous = await readFile(file, 'utf8').catch(() => undefined);
  const entry = (await readManifest(study.project.outDir)).outputs[manifestKey(study, file)];
  const derived = entry?.details?.from_spans !== undefined;
  if (previous !== undefined && !derived && !options.force) {
    throw new QcodeError([
      diag('QC004', `${options.display(file)} exists and was not made from spans`, { at: { file: options.display(file) }, hint: 'it may hold a coder’s work: pass --force to replace it' }),
    ]);
  }
  const content = await writeCodingFile(file, checked.codings, { codebook: study.codebook, segments: study.segments, force: true, display: options.display });
  const spansFile = spanPath(study.project, coder);
  const methods = `Span codings of ${coder} were turned into ${study.unit} codings: ${describeUnitRule(options.rule, study.unit)} (qcode units, rule ${formatUnitRule(options.rule)}); the coder counts as having reviewed ${reviewedScope === 'spans' ? `the ${study.unit}s a span touches` : reviewedScope === 'documents' ? 'every segment of each document with a span' : 'the whole corpus'}.`;
  await recordOutput(study, {
    file,
    command: options.command,
    content,
    details: {
      coder,
      from_spans: manifestKey(study, spansFile),
      spans_sha256: computeSha256(await readFile(spansFile)),
      rule: formatUnitRule(options.rule),
      reviewed: reviewedScope,
      methods,
    },
  });
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
