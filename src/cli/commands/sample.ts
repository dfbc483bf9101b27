import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { hasErrors } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { computeSample, type Stratify } from '../../core/sample/compute-sample.js';
import { formatSampleCsv, formatSampleSummary } from '../../core/sample/format-sample.js';
import { recordOutput } from '../../io/manifest.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { addStudyOptions, commandLine, openStudy, studyOptionShape } from '../study-options.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  fraction: z.coerce.number().optional(),
  size: z.coerce.number().optional(),
  seed: z.string().min(1).optional(),
  stratify: z.string().min(1).optional(),
  minPerStratum: z.coerce.number().optional(),
  output: z.string().optional(),
  force: z.boolean().default(false),
});

const sample: CommandModule = (cmd, ctx) => {
  addStudyOptions(cmd)
    .description('draw a reproducible random sample of segments for double-coding')
    .option('--fraction <f>', 'share of the segments, above 0 and at most 1 (e.g. 0.2)')
    .option('--size <n>', 'number of segments (instead of --fraction)')
    .option('--seed <seed>', 'random seed: an integer 0..4294967295 or any text (default: a new one, printed)')
    .option('--stratify <key>', 'spread the sample proportionally over a metadata key (e.g. type), or doc')
    .option('--min-per-stratum <k>', 'at least k segments from each stratum (all of a smaller one)')
    .option('-o, --output <file>', 'sample file (default: <out>/sample.csv)')
    .option('--force', 'replace an existing, different sample file');
  defineAction(cmd, ctx, Options, async (opts) => {
    const study = await openStudy(ctx, opts);
    const generated = opts.seed === undefined;
    // Six digits: easy to copy into a methods section; seeds need no secrecy.
    const seed = opts.seed ?? String(randomInt(100_000, 1_000_000));
    const stratify: Stratify =
      opts.stratify === undefined ? { by: 'none' } : opts.stratify === 'doc' ? { by: 'doc' } : { by: 'metadata', key: opts.stratify };
    const result = computeSample(study.segments, study.corpus, {
      ...(opts.fraction !== undefined ? { fraction: opts.fraction } : {}),
      ...(opts.size !== undefined ? { size: opts.size } : {}),
      ...(opts.minPerStratum !== undefined ? { minPerStratum: opts.minPerStratum } : {}),
      seed,
      stratify,
    });
    if (hasErrors(result.diagnostics)) throw new QcodeError(result.diagnostics);
    ctx.printDiagnostics(result.diagnostics, false);

    const target = opts.output ? path.resolve(ctx.io.cwd, opts.output) : path.join(study.project.outDir, 'sample.csv');
    const content = formatSampleCsv(result.rows);
    const previous = await readFile(target, 'utf8').catch(() => undefined);
    if (previous !== undefined && previous !== content && !opts.force) {
      throw new QcodeError([
        diag('QC004', `${ctx.display(target)} holds a different sample`, { at: { file: ctx.display(target) }, hint: 'coders may be working from it; pass --force to replace it, or -o for another file' }),
      ]);
    }
    await writeFileAtomic(target, content);
    const strata = Object.fromEntries(result.strata.map((s) => [s.stratum, { segments: s.population, sampled: s.allocated }]));
    await recordOutput(study, {
      file: target,
      command: generated ? `${commandLine(ctx)} --seed ${seed}` : commandLine(ctx),
      content,
      seed: /^(0|[1-9]\d{0,8})$/.test(seed) ? Number(seed) : seed,
      details: {
        fraction: opts.fraction ?? null,
        size: opts.size ?? null,
        stratify: opts.stratify ?? null,
        min_per_stratum: opts.minPerStratum ?? 0,
        population: result.population,
        sampled: result.rows.length,
        strata,
      },
    });
    if (opts.json) {
      ctx.outJson({ file: ctx.display(target), seed, population: result.population, sampled: result.rows.length, strata });
    } else {
      ctx.note(formatSampleSummary(result));
      if (generated) ctx.note(`seed ${seed} (generated; pass --seed ${seed} to draw this sample again)`);
      ctx.note(`${result.rows.length} of ${result.population} segments → ${ctx.display(target)}`);
    }
    return 0;
  });
};

export default sample;
