import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { SPANS_DIR, type SpanCoding } from '../core/model/span-coding.js';
import type { Codebook } from '../core/model/codebook.js';
import type { Document } from '../core/model/document.js';
import { DocumentSlicer, PreslicedDocuments, type SpanDocuments } from '../core/spans/document-slicer.js';
import { parseSpanCsv, type LocatedSpan } from '../core/spans/parse-span-file.js';
import { validateSpans } from '../core/spans/validate-spans.js';
import { CODINGS_DIR, checkedCoderName } from './coding-file.js';
import { fileExists } from './file-exists.js';
import type { Project } from './read-project.js';
import { forEachStudyText, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';
import { readTextFile } from './read-text-file.js';
import { readdir } from 'node:fs/promises';

/** `<out>/codings/spans/<coder>.csv`: a coder's span coding file. */
export function spanPath(project: Pick<Project, 'outDir'>, coder: string): string {
  return path.join(project.outDir, CODINGS_DIR, SPANS_DIR, `${checkedCoderName(coder)}.csv`);
}

/** Coders with a span file, in name order. */
export async function listSpanCoders(project: Pick<Project, 'outDir'>): Promise<string[]> {
  const names = await readdir(path.join(project.outDir, CODINGS_DIR, SPANS_DIR)).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.csv') && !n.startsWith('.')).map((n) => n.slice(0, -4)).sort();
}

export interface SpanInputs {
  codebook: Codebook;
  corpus: readonly Document[];
}

/**
 * The documents span files are checked against: the corpus at hand, or
 * (a compact study's) what its spans need of it, read once the rows are known
 * (preslicedDocuments).
 */
export type SpanSource = SpanInputs | { codebook: Codebook; documents: (rows: readonly LocatedSpan[]) => Promise<SpanDocuments> };

/** Reads and validates a span file against the corpus and codebook; every problem is returned. */
export async function readSpanFile(file: string, inputs: SpanSource, display: (p: string) => string = (p) => p): Promise<{ spans: SpanCoding[]; diagnostics: Diagnostic[] }> {
  const shown = display(file);
  const parsed = parseSpanCsv(await readTextFile(file, shown), shown);
  const documents = 'corpus' in inputs ? new DocumentSlicer(inputs.corpus) : await inputs.documents(parsed.rows);
  const checked = validateSpans(parsed.rows, documents, inputs.codebook);
  return { spans: checked.spans, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
}

/** A coder's spans, errors thrown: what commands reading spans want. */
export async function readCoderSpans(study: SpanSource & { project: Project }, coder: string, display: (p: string) => string = (p) => p): Promise<{ spans: SpanCoding[]; diagnostics: Diagnostic[] }> {
  const file = spanPath(study.project, coder);
  if (!(await fileExists(file))) throw new QcodeError([diag('QC825', `no span file ${display(file)} for coder '${coder}'`, { at: { file: display(file) } })]);
  const read = await readSpanFile(file, study, display);
  if (read.diagnostics.some((d) => d.severity === 'error')) throw new QcodeError(read.diagnostics);
  return read;
}

/**
 * What a compact study's spans need of its documents, from one pass over the
 * documents they name: each one's length and the slices at the spans' offsets.
 */
export async function preslicedDocuments(study: CompactStudy, rows: readonly LocatedSpan[], options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>): Promise<SpanDocuments> {
  const t = study.segments;
  const documents = new PreslicedDocuments(t.documents.map((d) => d.id));
  const ranges = new Map<number, [number, number][]>();
  for (const { span, badOffsets } of rows) {
    const d = t.documentNumber(span.doc_id);
    if (d < 0 || badOffsets !== undefined) continue;
    const list = ranges.get(d);
    if (list) list.push([span.start, span.end]);
    else ranges.set(d, [[span.start, span.end]]);
  }
  // Keyed by the table's id: the pass's may be a slice of its line, which would keep the line alive.
  await forEachStudyText(study, options, (d) => ranges.has(d), (d, doc) => documents.take(t.documents[d]!.id, doc.text, ranges.get(d)!));
  return documents;
}
