import { zipSync, type Zippable } from 'fflate';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { formatProjectQde, type ExportCoder } from '../../core/refi/format-project-qde.js';
import { codingPath, listCodingCoders, readCodingFile } from '../coding-file.js';
import type { Study } from '../read-study.js';
import { listSpanCoders, readCoderSpans } from '../span-file.js';
import { appendAll } from '../../core/util/bulk-array.js';

/** Zip entries carry this date (local time, as the zip format stores it): every export of the same project is the same bytes. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/**
 * `qcode export --format qdpx`: the project as a REFI-QDA archive. Each coder
 * is exported once: from the span file when there is one (the codings as made
 * in a QDA tool), else from the unit coding file.
 */
export async function buildQdpx(study: Study, only: string[] | undefined, display: (p: string) => string): Promise<{ bytes: Uint8Array; coders: { coder: string; from: 'spans' | 'units'; codings: number }[]; diagnostics: Diagnostic[] }> {
  const spanCoders = await listSpanCoders(study.project);
  const unitCoders = await listCodingCoders(study.project.outDir);
  const all = [...new Set([...spanCoders, ...unitCoders])].sort();
  for (const name of only ?? []) if (!all.includes(name)) throw new QcodeError([diag('QC412', `no coding or span file for coder '${name}'`)]);
  const diagnostics: Diagnostic[] = [];
  const coders: ExportCoder[] = [];
  const summary: { coder: string; from: 'spans' | 'units'; codings: number }[] = [];
  for (const coder of only ?? all) {
    if (spanCoders.includes(coder)) {
      const read = await readCoderSpans(study, coder, display);
      appendAll(diagnostics, read.diagnostics);
      coders.push({ coder, spans: read.spans });
      summary.push({ coder, from: 'spans', codings: read.spans.filter((s) => s.code !== '').length });
    } else {
      const read = await readCodingFile(codingPath(study.project, coder), { codebook: study.codebook, segments: study.segments, coder, study, display });
      appendAll(diagnostics, read.diagnostics);
      coders.push({ coder, codings: read.codings });
      summary.push({ coder, from: 'units', codings: read.codings.filter((c) => c.code !== '').length });
    }
  }
  const exported = formatProjectQde({ name: study.codebook.title || study.codebook.name, codebook: study.codebook, documents: study.corpus, segments: study.segments, coders });
  const encoder = new TextEncoder();
  const entries: Zippable = { 'project.qde': [encoder.encode(exported.qde), { mtime: FIXED_DATE }] };
  for (const s of exported.sources) entries[s.path] = [encoder.encode(s.text), { mtime: FIXED_DATE }];
  return { bytes: zipSync(entries, { level: 6, mtime: FIXED_DATE }), coders: summary, diagnostics };
}
