import path from 'node:path';
import { z } from 'zod';
import { mergeShards } from '../../io/merge-shards.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput } from '../output.js';
import { commandLine, openProject } from '../study-options.js';

const Options = z.strictObject({ ...globalOptionShape, ...outputOptionShape });

const merge: CommandModule = (cmd, ctx) => {
  addOutputOptions(cmd, 'merged coding file (default: the parts\' name without .part-K-of-N); evidence goes beside it', { stdout: false })
    .description('join the part files of a sharded `qcode code --shard K/N` run into the files a single run writes')
    .argument('<parts...>', 'the coding part files, <coder>.part-K-of-N.csv (evidence and index beside each)');
  defineAction(cmd, ctx, Options, async (opts, args) => {
    const project = await openProject(ctx, { codebook: undefined, corpus: undefined, unit: undefined });
    const files = (args as string[]).map((f) => path.resolve(ctx.io.cwd, f));
    // By default beside the parts, named as a single run's file.
    const single = files[0]!.replace(/\.part-\d+-of-\d+(\.[^./]+)$/, '$1');
    const target = resolveOutput(ctx, opts.output, { project, file: path.relative(project.outDir, single) });
    const r = await mergeShards(project, files, target, { command: commandLine(ctx), force: opts.force, display: (p) => ctx.display(p) });
    if (ctx.global.json) ctx.outJson(r);
    ctx.note(`${files.length} parts, ${r.segments} segments in ${r.documents} documents → ${ctx.display(r.codings)}, ${ctx.display(r.evidence)}`);
  });
};

export default merge;
