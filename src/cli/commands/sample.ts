import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { computeSampleDraw } from '../../core/sample/compute-sample.js';
import { formatSampleHeader, formatSampleRows, formatSampleSummary } from '../../core/sample/format-sample.js';
import { computeSampleDetails, computeStrataRecord, formatSeedRecord, parseStratify } from '../../core/sample/sample-record.js';
import { forEachSegmentAt } from '../../io/read-segment-table.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { openCompactStudy } from '../compact-study.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, streamOutput } from '../output.js';
import { addStudyOptions, commandLine, studyOptionShape } from '../study-options.js';

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
    const study = await openCompactStudy(ctx, opts);
    const generated = opts.seed === undefined;
    // Six digits: easy to copy into a methods section; seeds need no secrecy.
    const seed = opts.seed ?? String(randomInt(100_000, 1_000_000));
    const t = study.segments;
    const draw = computeSampleDraw({ population: t.length, documents: t.documents, docOf: (p) => t.doc(p), docIdOf: (p) => t.docId(p) }, {
      ...(opts.fraction !== undefined ? { fraction: opts.fraction } : {}),
      ...(opts.size !== undefined ? { size: opts.size } : {}),
      ...(opts.minPerStratum !== undefined ? { minPerStratum: opts.minPerStratum } : {}),
      seed,
      stratify: parseStratify(opts.stratify),
    });
    ctx.report(draw.diagnostics);
    const result = { ...draw, rows: draw.chosen };
    const target = resolveOutput(ctx, opts.output, { project: study.project, file: 'sample.csv' }, { stdout: !opts.json });
    // Coders code from the sample, so it is work: a different draw never replaces it without --force.
    const record = { kind: 'work' as const, seed: formatSeedRecord(seed), details: computeSampleDetails(result, opts) };
    const command = generated ? `${commandLine(ctx)} --seed ${seed}` : commandLine(ctx);
    const produce = async (write: (text: string) => Promise<void>) => {
      await write(formatSampleHeader());
      // A second pass over the corpus for the drawn segments' text, a document at a time.
      await forEachSegmentAt(study, draw.chosen, { ...opts, display: (p) => ctx.display(p) }, (picked) =>
        write(formatSampleRows(picked.map(({ at, segment: s }) => ({ segment_id: s.segment_id, doc_id: s.doc_id, stratum: draw.stratumNames[draw.chosenStratum[at]!]!, text: s.text })))),
      );
      return study;
    };
    await streamOutput(ctx, target, produce, record, { force: opts.force, command, project: study.project });
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
