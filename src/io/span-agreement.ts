import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { computeSpanAgreement, type SpanAgreementResult } from '../core/unitizing/compute-span-agreement.js';
import type { Study } from './read-study.js';
import { listSpanCoders, readCoderSpans } from './span-file.js';
import { appendAll } from '../core/util/bulk-array.js';

/**
 * `agree --spans`: the named coders' span files (default: every coder with
 * one), read and checked against the corpus, then unitizing reliability over
 * the documents any of them coded.
 */
export async function readSpanAgreement(study: Study, coders: string[] | undefined, display: (p: string) => string): Promise<{ result: SpanAgreementResult; diagnostics: Diagnostic[] }> {
  const names = coders ?? (await listSpanCoders(study.project));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new QcodeError([diag('QC611', `coder named twice: ${[...new Set(twice)].join(', ')}`)]);
  if (names.length < 2) {
    throw new QcodeError([diag('QC604', `${names.length} coder(s) with span files; name two or more with --coders a,b`, { hint: 'Span files are out/codings/spans/<coder>.csv (qcode init --from writes them).' })]);
  }
  const diagnostics: Diagnostic[] = [];
  const inputs = [];
  for (const coder of names) {
    const read = await readCoderSpans(study, coder, display);
    appendAll(diagnostics, read.diagnostics);
    inputs.push({ coder, spans: read.spans });
  }
  const documents = study.corpus.map((d) => ({ id: d.id, length: [...d.text].length }));
  return { result: computeSpanAgreement(study.codebook, inputs, documents), diagnostics };
}
