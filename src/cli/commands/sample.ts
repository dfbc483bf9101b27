import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { computeSample } from '../../core/sample/compute-sample.js';
import { formatSampleCsv, formatSampleSummary } from '../../core/sample/format-sample.js';
import { computeSampleDetails, computeStrataRecord, formatSeedRecord, parseStratify } from '../../core/sample/sample-record.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, writeOutputs } from '../output.js';
import { addStudyOptions, commandLine, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  fraction: z.coerce.number().optional(),
  size: z.coerce.number().optional(),
  seed: z.string().min(1).optional(),
  stratify: z.string().min(1).optional(),
  minPerStratum: z.coerce.number().optional(),
});

const sample: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'sample file (default: <out>/sample.csv)', { stdout: true })
    .description('draw a reproducible random sample of segments for double-coding')
    .option('--fraction <f>', 'share of the segments, above 0 and at most 1 (e.g. 0.2)')
    .option('--size <n>', 'number of segments (instead of --fraction)')
    .option('--seed <seed>', 'random seed: an integer 0..4294967295 or any text (default: a new one, printed)')
    .option('--stratify <key>', 'spread the sample proportionally over a metadata key (e.g. type), or doc')
    .option('--min-per-stratum <k>', 'at least k segments from each stratum (all of a smaller one)');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const generated = opts.seed === undefined;
    // Six digits: easy to copy into a methods section; seeds need no secrecy.
    const seed = opts.seed ?? String(randomInt(100_000, 1_000_000));
    const result = computeSample(study.segments, study.corpus, {
      ...(opts.fraction !== undefined ? { fraction: opts.fraction } : {}),
      ...(opts.size !== undefined ? { size: opts.size } : {}),
      ...(opts.minPerStratum !== undefined ? { minPerStratum: opts.minPerStratum } : {}),
      seed,
      stratify: parseStratify(opts.stratify),
    });
    ctx.report(result.diagnostics);
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'sample.csv' }, { stdout: !opts.json });
    const details = computeSampleDetails(result, opts);
    // Coders code from the sample, so it is work: a different draw never replaces it without --force.
    const output = { file: target, content: formatSampleCsv(result.rows), kind: 'work' as const, seed: formatSeedRecord(seed), details };
    await writeOutputs(ctx, study, [output], { force: opts.force, command: generated ? `${commandLine(ctx)} --seed ${seed}` : commandLine(ctx) });
    if (opts.json) {
      ctx.outJson({ file: ctx.display(target), seed, population: result.population, sampled: result.rows.length, strata: computeStrataRecord(result) });
    } else {
      ctx.note(formatSampleSummary(result));
      if (generated) ctx.note(`seed ${seed} (generated; pass --seed ${seed} to draw this sample again)`);
      ctx.note(`${result.rows.length} of ${result.population} segments${describeTarget(ctx, target)}`);
    }
    return 0;
  });
};

export default sample;
