import { z } from 'zod';
import { formatSegmentsHeader, formatSegmentsRows } from '../../core/segment/format-segments.js';
import type { SegmentTable } from '../../core/segment/segment-table.js';
import type { Segment } from '../../core/model/segment.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';
import { readCompactStudy } from '../compact-study.js';
import type { CompactStudy } from '../../io/read-segment-table.js';
import { addOutputOptions, describeTarget, outputOptionShape, resolveOutput, STDOUT, streamOutput } from '../output.js';
import { addStudyOptions, openProject, studyOptionShape } from '../study-options.js';
import { writeSegmentRows } from '../../io/stream-segments.js';

const Options = z.strictObject({
  ...globalOptionShape,
  ...studyOptionShape,
  ...outputOptionShape,
  format: z.enum(['csv', 'jsonl']).optional(),
  verbose: z.boolean().default(false),
});

/** Segments per document, in corpus order (documents without segments left out). */
function* countsByDocument(t: SegmentTable): Generator<string> {
  for (let d = 0; d < t.documents.length; d++) {
    const { from, to } = t.segmentsOf(d);
    if (to > from) yield `${t.documents[d]!.id}\t${to - from}`;
  }
}

const segment: CommandModule = (cmd, ctx) => {
  addOutputOptions(addStudyOptions(cmd), 'output file (default: <out>/segments.csv)', { stdout: true })
    .description('split the corpus into units (segments) with stable ids')
    .option('--format <format>', 'csv or jsonl (default: from the file extension, else csv)')
    .option('--verbose', 'also print the segment count of every document');
  defineAction(cmd, ctx, Options, async (opts) => {
    const project = await openProject(ctx, opts);
    const target = resolveOutput(ctx, opts.output, { project, file: 'segments.csv' }, { stdout: true });
    const format = opts.format ?? (target.endsWith('.jsonl') || (target === STDOUT && opts.json) ? 'jsonl' : 'csv');
    const drop = project.settings.drop;
    // Filled in by the pass, read when the file is published.
    const details: Record<string, unknown> = {};
    let study: CompactStudy | undefined;
    // One pass: each document's rows are written as it is segmented, the file published when the corpus is read whole.
    await streamOutput(
      ctx,
      target,
      async (write, output) => {
        // Over worker threads where it can (a JSONL file corpus, a file output); else the reader's hook writes each document's rows.
        study = (await writeSegmentRows(project, { ...opts, display: (p) => ctx.display(p) }, format, output)) ?? undefined;
        if (study) ctx.report(study.diagnostics);
        else {
          await write(formatSegmentsHeader(format));
          // A document's rows in slices: one document of 2 million sentences would be one string near V8's limit.
          const onDocument = async (_doc: unknown, segments: readonly Segment[]) => {
            for (let i = 0; i < segments.length; i += 10_000) await write(formatSegmentsRows(segments.slice(i, i + 10_000), format));
          };
          study = await readCompactStudy(ctx, project, opts, { onDocument });
        }
        if (drop) Object.assign(details, { drop, dropped: study.dropped });
        return study;
      },
      { kind: 'derived', ...(drop ? { details } : {}) },
      { force: opts.force, project },
    );
    const t = study!.segments;
    // One line per document only when asked: a corpus of 21,000 documents would print 21,000 lines.
    if (opts.verbose) for (const line of countsByDocument(t)) ctx.note(line);
    const left = study!.dropped ? ` (${study!.dropped} left out as boilerplate by drop: in qcode.yaml)` : '';
    ctx.note(`${t.length} ${study!.unit} segments in ${t.documents.length} documents${left}${describeTarget(ctx, target)}`);
  });
};

export default segment;
