import path from 'node:path';
import { z } from 'zod';
import { rebaseTable } from '../../core/coding/format-rebase.js';
import { fail } from '../../core/diagnostics/qcode-error.js';
import { CoderNameSchema } from '../../core/model/coder.js';
import { listCodingCoders } from '../../io/coding-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { rebaseCoder } from '../rebase-coder.js';
import { openCompactStudy } from '../compact-study.js';
import { addStudyOptions, studyOptionShape } from '../study-options.js';
import { addFormatOption, chooseFormat, formatOptionShape, printTables } from '../table-output.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...formatOptionShape,
  all: z.boolean().default(false),
  texts: z.array(z.string().min(1)).default([]),
});

const rebase: CommandModule = (cmd, ctx) => {
  addFormatOption(addStudyOptions(cmd))
    .description("move coders' codings onto the current segments by their text; what cannot be placed goes to <coder>.orphans.csv")
    .argument('[coder]', 'the coder whose file to rebase')
    .option('--all', "every coder's coding file (derived files, such as the auto-coder's, are left for a rerun)")
    .option('--texts <file>', 'an older segments or sample file (CSV with a text column, or JSONL) to find orphans\' old text in; repeatable', (v: string, prev: string[] = []) => [...prev, v]);
  defineAction(cmd, ctx, Options, async (opts, [given]) => {
    if (given !== undefined && opts.all) fail('QC001', 'name a coder or give --all, not both');
    if (given === undefined && !opts.all) fail('QC001', 'name the coder to rebase, or give --all');
    const coder = given === undefined ? undefined : CoderNameSchema.safeParse(given);
    if (coder && !coder.success) fail('QC001', `coder name ${JSON.stringify(given)}: ${coder.error.issues[0]!.message}`);
    const study = await openCompactStudy(ctx, opts);
    const coders = coder ? [coder.data!] : await listCodingCoders(study.project.outDir);
    if (coders.length === 0) fail('QC412', `no coding files in ${ctx.display(path.join(study.project.outDir, 'codings'))}`);
    // Old texts for the orphans: the files given, then the segments and sample files as they are now.
    const texts = [...opts.texts.map((f) => path.resolve(ctx.io.cwd, f)), ...['segments.csv', 'sample.csv'].map((f) => path.join(study.project.outDir, f))];
    const reports = [];
    for (const name of coders) reports.push(await rebaseCoder(ctx, study, name, texts));
    if (coder && reports[0]!.skipped) fail('QC422', reports[0]!.skipped);
    const format = chooseFormat(opts);
    if (format === 'json') return ctx.outJson({ coders: reports });
    printTables(ctx, [rebaseTable(reports)], opts);
  });
};

export default rebase;
