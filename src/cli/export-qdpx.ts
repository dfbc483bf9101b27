import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { CommandContext } from './command-kit.js';
import { peekCompactStudy } from './compact-study.js';
import { resolveOutput, STDOUT, writeOutputs } from './output.js';
import { openStudy } from './study-options.js';

type QdpxOptions = { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined };

/** Files a zip without ZIP64 holds (its count is 16 bits); a .qdpx holds project.qde and one file per document. */
const ZIP_MAX_ENTRIES = 65_535;

/** `qcode export --format qdpx`: the project for NVivo, ATLAS.ti, MAXQDA, QualCoder (default <out>/exports/project.qdpx). */
export async function exportQdpx(ctx: CommandContext, opts: QdpxOptions): Promise<void> {
  await checkFitsZip(ctx, opts);
  const study = await openStudy(ctx, opts);
  const { buildQdpx } = await import('../io/refi/write-qdpx.js');
  const result = await buildQdpx(study, opts.coder?.split(',').map((c) => c.trim()), (p) => ctx.display(p));
  ctx.report(result.diagnostics);
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'exports/project.qdpx' }, { stdout: true });
  await writeOutputs(ctx, study, [{ file: target, content: result.bytes, kind: 'derived', details: { coders: result.coders } }], opts);
  for (const c of result.coders) ctx.note(`${c.coder}: ${c.codings} codings (from its ${c.from === 'spans' ? 'span file' : 'coding file'})`);
  if (target !== STDOUT) ctx.note(`REFI-QDA project: ${study.corpus.length} documents, ${result.coders.length} coder(s) → ${ctx.display(target)}`);
}

/** Before the study is read whole: a corpus of more documents than the archive can hold files is refused (QC707) from the compact study (the segment index). */
async function checkFitsZip(ctx: CommandContext, opts: QdpxOptions): Promise<void> {
  const documents = (await peekCompactStudy(ctx, opts))?.study.segments.documents.length ?? 0;
  if (documents + 1 <= ZIP_MAX_ENTRIES) return;
  const fmt = (n: number) => n.toLocaleString('en-US');
  throw new QcodeError([diag('QC707', `the corpus holds ${fmt(documents)} documents; a .qdpx holds at most ${fmt(ZIP_MAX_ENTRIES - 1)} (one file each, beside project.qde)`)]);
}
