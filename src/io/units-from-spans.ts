import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { Coding } from '../core/model/coding.js';
import type { LocatedSpan } from '../core/spans/parse-span-file.js';
import { CodingTableBuilder } from '../core/coding/coding-table.js';
import { formatCodingTablePieces } from '../core/coding/format-coding-file.js';
import { computeUnitsFromSpans, describeUnitRule, formatUnitRule, type ReviewedScope, type UnitRule } from '../core/spans/units-from-spans.js';
import { computeSha256 } from '../core/util/hash.js';
import { codingPath } from './coding-file.js';
import { manifestKey } from './manifest.js';
import type { CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';
import { preslicedDocuments, readCoderSpans, spanPath } from './span-file.js';
import { StreamedOutput } from './streamed-output.js';

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
  study: CompactStudy,
  coder: string,
  options: { rule: UnitRule; reviewed?: ReviewedScope | undefined; force: boolean; command: string; display: (p: string) => string } & Pick<StudyOptions, 'idColumn' | 'textColumn'>,
): Promise<UnitsResult> {
  const source = { project: study.project, codebook: study.codebook, documents: (rows: readonly LocatedSpan[]) => preslicedDocuments(study, rows, options) };
  const { spans, diagnostics } = await readCoderSpans(source, coder, options.display);
  const reviewedScope = options.reviewed ?? (spans.some((s) => s.code === '') ? 'spans' : 'documents');
  // The codings are checked as they are made (qcode's own rows: no fingerprint, no line) into a CodingTable, and the file written from it.
  const at = { file: '(spans)' };
  const builder = new CodingTableBuilder(study.codebook, study.segments, coder);
  // One object, refilled: the builder keeps none.
  const row = { segment_id: '', doc_id: '', coder, category: '', code: '', memo: '', text_sha: '', line: 0, at: () => at };
  const onCoding = (c: Coding) => {
    row.segment_id = c.segment_id;
    row.doc_id = c.doc_id;
    row.category = c.category;
    row.code = c.code;
    row.memo = c.memo;
    builder.add(row);
  };
  const units = computeUnitsFromSpans(spans, study.segments.segmentHeads(), study.codebook, { coder, rule: options.rule, reviewed: reviewedScope, onCoding });
  const checked = builder.finish();
  if (checked.diagnostics.some((d) => d.severity === 'error')) throw new Error(`units from spans do not validate: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  const file = codingPath(study.project, coder);
  const spansFile = spanPath(study.project, coder);
  const methods = `Span codings of ${coder} were turned into ${study.unit} codings: ${describeUnitRule(options.rule, study.unit)} (qcode units, rule ${formatUnitRule(options.rule)}); the coder counts as having reviewed ${reviewedScope === 'spans' ? `the ${study.unit}s a span touches` : reviewedScope === 'documents' ? 'every segment of each document with a span' : 'the whole corpus'}.`;
  const details = {
    coder,
    from_spans: manifestKey(study, spansFile),
    spans_sha256: computeSha256(await readFile(spansFile)),
    rule: formatUnitRule(options.rule),
    reviewed: reviewedScope,
    methods,
  };
  // Derived from the span file: the one overwrite policy lets a rerun replace it, unless someone edited it.
  const out = await StreamedOutput.open(study.project, file, options.display);
  try {
    for (const piece of formatCodingTablePieces(file, checked.codings)) await out.write(piece);
  } catch (e) {
    await out.discard();
    throw e;
  }
  await out.publish(study, { kind: 'derived', details }, { command: options.command, force: options.force, display: options.display });
  let codings = 0;
  for (let r = 0; r < checked.codings.length; r++) if (checked.codings.code(r) !== 0) codings++;
  return { coder, file, codings, reviewed: units.reviewed, reviewedScope, methods, diagnostics: [...diagnostics, ...units.diagnostics] };
}
