import type { CommandContext } from './command-kit.js';
import { resolveOutput, STDOUT, writeOutputs } from './output.js';
import { openStudy } from './study-options.js';

/** `qcode export --format qdpx`: the project for NVivo, ATLAS.ti, MAXQDA, QualCoder (default <out>/exports/project.qdpx). */
export async function exportQdpx(
  ctx: CommandContext,
  opts: { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined },
): Promise<void> {
  const study = await openStudy(ctx, opts);
  const { buildQdpx } = await import('../io/refi/write-qdpx.js');
  const result = await buildQdpx(study, opts.coder?.split(',').map((c) => c.trim()), (p) => ctx.display(p));
  ctx.report(result.diagnostics);
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'exports/project.qdpx' }, { stdout: true });
  await writeOutputs(ctx, study, [{ file: target, content: result.bytes, kind: 'derived', details: { coders: result.coders } }], opts);
  for (const c of result.coders) ctx.note(`${c.coder}: ${c.codings} codings (from its ${c.from === 'spans' ? 'span file' : 'coding file'})`);
  if (target !== STDOUT) ctx.note(`REFI-QDA project: ${study.corpus.length} documents, ${result.coders.length} coder(s) → ${ctx.display(target)}`);
}
