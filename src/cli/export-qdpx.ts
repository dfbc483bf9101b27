import path from 'node:path';
import { recordOutput } from '../io/manifest.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { CommandContext } from './command-kit.js';
import { commandLine, openStudy } from './study-options.js';

/** `qcode export --format qdpx`: the project for NVivo, ATLAS.ti, MAXQDA, QualCoder. */
export async function exportQdpx(
  ctx: CommandContext,
  opts: { output?: string | undefined; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined },
): Promise<void> {
  const study = await openStudy(ctx, opts);
  const { buildQdpx } = await import('../io/refi/write-qdpx.js');
  const result = await buildQdpx(study, opts.coder?.split(',').map((c) => c.trim()), (p) => ctx.display(p));
  if (result.diagnostics.length) ctx.printDiagnostics(result.diagnostics, false);
  const target = opts.output && opts.output !== '-' ? path.resolve(ctx.io.cwd, opts.output) : path.join(study.project.outDir, 'exports', 'project.qdpx');
  await writeFileAtomic(target, result.bytes);
  await recordOutput(study, { file: target, command: commandLine(ctx), content: result.bytes, details: { coders: result.coders } });
  for (const c of result.coders) ctx.note(`${c.coder}: ${c.codings} codings (from its ${c.from === 'spans' ? 'span file' : 'coding file'})`);
  ctx.note(`REFI-QDA project: ${study.corpus.length} documents, ${result.coders.length} coder(s) → ${ctx.display(target)}`);
}
