import { closeSync, openSync, readSync } from 'node:fs';
import type { Codebook, Unit } from '../core/model/codebook.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { JsonlLineCoder } from '../core/match/code-jsonl-line.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { compileDropRule } from '../core/match/drop-boilerplate.js';
import { CodingSink, type SinkHead, type SliceResult } from './coding-sink.js';

/** One slice of a JSONL corpus for one thread: bytes [start, end), both at line starts. */
export interface RangeJob {
  file: string;
  /** The corpus file as shown in messages. */
  shownFile: string;
  start: number;
  end: number;
  codebook: Codebook;
  unit: Unit;
  coder: string;
  columns: ColumnNames;
  /** Where this slice's coding rows and evidence rows go (no header). */
  codingsPart: string;
  evidencePart: string;
  /** Boilerplate patterns (`drop:` in qcode.yaml): segments they match are left out. */
  drop?: readonly string[] | undefined;
}

export type RangeResult = SliceResult;
const READ_SIZE = 1 << 20;

/**
 * Codes every document in one slice of a JSONL corpus, reading it in blocks
 * and writing rows as it goes: memory holds one block and a batch of rows,
 * never the corpus. `progress` hears how many bytes are done.
 */
export function codeJsonlRange(job: RangeJob, progress: (bytesDone: number) => void = () => {}, head?: SinkHead): RangeResult {
  const matcher = compileMatcher(job.codebook);
  const coder = new JsonlLineCoder(matcher, {
    unit: job.unit,
    coder: job.coder,
    language: job.codebook.language,
    columns: job.columns,
    file: job.shownFile,
    drop: compileDropRule(job.drop),
  });
  const sink = new CodingSink(job, head);
  const result = sink.result;

  const fd = openSync(job.file, 'r');
  try {
    // A Buffer, so indexOf (line breaks here, quotes in the field locator) is native memchr.
    let buf: Uint8Array = Buffer.allocUnsafe(READ_SIZE);
    let held = 0; // bytes of an unfinished line at the front of buf
    let pos = job.start;
    let reported = 0;
    while (pos < job.end || held > 0) {
      const want = Math.min(buf.length - held, job.end - pos);
      const got = want > 0 ? readSync(fd, buf, held, want, pos) : 0;
      pos += got;
      const filled = held + got;
      const atEnd = pos >= job.end || got === 0;
      let lineStart = 0;
      const view = buf.subarray(0, filled);
      for (let i = view.indexOf(0x0a); i >= 0; i = view.indexOf(0x0a, i + 1)) {
        result.lines++;
        sink.took(coder.codeLine(buf, lineStart, i, result.lines, sink.text));
        lineStart = i + 1;
      }
      if (atEnd) {
        if (lineStart < filled) {
          result.lines++;
          sink.took(coder.codeLine(buf, lineStart, filled, result.lines, sink.text));
        }
        break;
      }
      held = filled - lineStart;
      if (lineStart === 0 && held === buf.length) {
        // A line longer than the buffer: grow it (the only allocation that depends on the data).
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      } else buf.copyWithin(0, lineStart, filled);
      if (pos - job.start - reported >= 16 << 20) {
        reported = pos - job.start;
        progress(reported);
      }
    }
    progress(job.end - job.start);
  } finally {
    closeSync(fd);
    sink.close();
  }
  return result;
}
