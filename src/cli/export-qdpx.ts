import { tmpdir } from 'node:os';
import path from 'node:path';
import { tempPathFor } from '../io/temp-file.js';
import type { CommandContext } from './command-kit.js';
import { openCompactStudy } from './compact-study.js';
import { resolveOutput, STDOUT, streamOutput } from './output.js';

type QdpxOptions = { output?: string | undefined; force: boolean; coder?: string | undefined; codebook?: string | undefined; corpus?: string | undefined; unit?: 'document' | 'paragraph' | 'sentence' | undefined };

/** `qcode export --format qdpx`: the project for NVivo, ATLAS.ti, MAXQDA, QualCoder (default <out>/exports/project.qdpx), written as it is made. */
export async function exportQdpx(ctx: CommandContext, opts: QdpxOptions): Promise<void> {
  const study = await openCompactStudy(ctx, opts);
  const { readQdpxCoders, writeQdpx } = await import('../io/refi/write-qdpx.js');
  const options = { ...opts, display: (p: string) => ctx.display(p) };
  const { coders, summary, diagnostics } = await readQdpxCoders(study, opts.coder?.split(',').map((c) => c.trim()), options);
  ctx.report(diagnostics);
  const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'exports/project.qdpx' }, { stdout: true });
  const produce = async (_write: unknown, output: { writeBytes(bytes: Uint8Array): Promise<void>; realFile: string | null }) => {
    await writeQdpx(study, coders, options, (bytes) => output.writeBytes(bytes), tempPathFor(output.realFile ?? path.join(tmpdir(), 'qcode-sources'), 'sources'));
    return study;
  };
  await streamOutput(ctx, target, produce, { kind: 'derived', details: { coders: summary } }, { force: opts.force, project: study.project });
  for (const c of summary) ctx.note(`${c.coder}: ${c.codings} codings (from its ${c.from === 'spans' ? 'span file' : 'coding file'})`);
  if (target !== STDOUT) ctx.note(`REFI-QDA project: ${study.segments.documents.length} documents, ${summary.length} coder(s) → ${ctx.display(target)}`);
}
