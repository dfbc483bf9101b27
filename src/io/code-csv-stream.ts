import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { rowToDocument } from '../core/corpus/parse-table-corpus.js';
import { diag, warn } from '../core/diagnostics/qcode-error.js';
import { codeDocument } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { compileDropRule, dropBoilerplate } from '../core/match/drop-boilerplate.js';
import { MatchRun } from '../core/match/match-run.js';
import { computeSegments } from '../core/segment/compute-segments.js';
import { CodingSink, type SinkHead, type SliceResult } from './coding-sink.js';
import type { RangeJob } from './code-jsonl-range.js';

/**
 * Codes a CSV corpus record by record as csv-parse streams it: one thread
 * (a record may span lines, so the file is not split), the string matcher,
 * rows written as they come.
 */
export async function codeCsvStream(job: RangeJob, progress: (bytesDone: number) => void, head?: SinkHead): Promise<SliceResult> {
  const run = new MatchRun(compileMatcher(job.codebook));
  const drop = compileDropRule(job.drop);
  const sink = new CodingSink(job, head);
  const { idColumn, textColumn } = job.columns;
  const file = job.shownFile;
  const input = createReadStream(job.file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    progress(bytes);
  });
  const parser = input.pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true }));
  let header: string[] | null = null;
  let prevEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = prevEnd + (header ? 1 : 0);
      prevEnd = info.lines;
      if (header === null) {
        header = record;
        for (const [flag, name] of [
          ['--id-column', idColumn],
          ['--text-column', textColumn],
        ] as const) {
          if (!header.includes(name)) sink.take([diag('QC306', `no '${name}' column`, { at: { file, line: 1, col: 1 }, hint: `map another column with ${flag}` })]);
        }
        if (sink.result.diagnostics.length > 0) break;
        continue;
      }
      if (record.length !== header.length) {
        sink.take([diag('QC305', `row has ${record.length} fields, the header has ${header.length}`, { at: { file, line } })]);
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = record[i]!));
      const doc = rowToDocument(row, job.columns, { file, line });
      const all = computeSegments(doc, job.unit, doc.metadata.language || job.codebook.language);
      const segments = dropBoilerplate(all, drop).kept;
      if (all.length === 0) {
        sink.take([warn('QC304', `document '${doc.id}' is empty`, { at: { file, line } })]);
        continue;
      }
      sink.take(codeDocument(run, doc.text, segments, job.coder), segments);
    }
  } catch (e) {
    // csv-parse stops at malformed quoting: the user's CSV, reported at its line like any other problem.
    // Its errors carry an upper-case code (CSV_… from the sync API, without the prefix from the stream) and the line.
    const err = e as { code?: unknown; message: string; lines?: number };
    if (typeof err.code !== 'string' || !/^[A-Z_]+$/.test(err.code) || typeof err.lines !== 'number') throw e;
    sink.take([diag('QC305', err.message.replace(/^Invalid .*?: /, ''), { at: { file, line: err.lines ?? prevEnd } })]);
  } finally {
    input.destroy();
    sink.close();
  }
  // Line numbers are already file line numbers: report no lines so none are added.
  return { ...sink.result, lines: 0 };
}
