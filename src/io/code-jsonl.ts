import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { findInvalidUtf8 } from '../core/corpus/normalize-text.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { JsonlLineCoder } from '../core/match/code-jsonl-line.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { compileDropRule } from '../core/match/drop-boilerplate.js';
import { SegmentRowMaker } from '../core/match/segment-rows.js';
import type { Codebook, Unit } from '../core/model/codebook.js';
import type { SegmentTableBuilder } from '../core/segment/segment-table.js';
import type { CodingSink, SliceResult } from './coding-sink.js';
import { invalidUtf8 } from './normalised-text.js';

/** What every part of a coding run needs to know, whichever source it reads. Plain data (posted to worker threads). */
export interface CodeJob {
  /** The corpus path; `-` for standard input. */
  file: string;
  /** The corpus as shown in messages. */
  shownFile: string;
  codebook: Codebook;
  unit: Unit;
  coder: string;
  columns: ColumnNames;
  jsonlCodings: boolean;
  /** Code only the documents of shard k (1-based) of n; absent: all. */
  shard?: { k: number; n: number };
  /** Boilerplate patterns (`drop:` in qcode.yaml): segments they match are left out. */
  drop?: readonly string[] | undefined;
  /** `qcode segment`: write the segments file's rows in this format instead of coding rows, and keep the segment table's facts. */
  segments?: 'csv' | 'jsonl' | undefined;
}

/** A slice of a JSONL file: bytes [start, end), both at line starts, and where its rows go. */
export interface RangeJob extends CodeJob {
  start: number;
  end: number;
  codingsPart: string;
  evidencePart: string;
}

const READ_SIZE = 1 << 20;

function lineCoder(job: CodeJob, keep: (id: string) => boolean, table: SegmentTableBuilder | null = null): JsonlLineCoder {
  const handler = job.segments ? new SegmentRowMaker(job.unit, job.segments, compileDropRule(job.drop), table) : compileMatcher(job.codebook);
  return new JsonlLineCoder(handler, {
    unit: job.unit,
    coder: job.coder,
    language: job.codebook.language,
    columns: job.columns,
    file: job.shownFile,
    jsonlCodings: job.jsonlCodings,
    keep,
    drop: compileDropRule(job.drop),
  });
}

/**
 * Reads JSONL lines from blocks of bytes and codes them: the one loop for a
 * slice of a file and for standard input. Blocks must be fed in order; the
 * bytes of an unfinished line are kept for the next block. Invalid UTF-8
 * stops the reading, as it stops the in-memory reader.
 */
export class JsonlBlockReader {
  private buf: Buffer = Buffer.allocUnsafe(READ_SIZE);
  private held = 0;
  /** File offset of buf[0]. */
  private offset: number;
  private stopped = false;

  constructor(
    private readonly job: CodeJob,
    private readonly coder: JsonlLineCoder,
    readonly sink: CodingSink,
    startOffset: number,
  ) {
    this.offset = startOffset;
  }

  /** Room to read into: buf[held, held + n); `left`: the bytes still to come, when known. */
  room(left = Infinity): { buf: Buffer; at: number; length: number } {
    if (this.held === this.buf.length) {
      // A line longer than the buffer: grow it (the only allocation that depends on the data), by no more than is left to read (a 200 MB line grew to 256 MB).
      const bigger = Buffer.allocUnsafe(this.buf.length + Math.max(1, Math.min(this.buf.length, left)));
      bigger.set(this.buf);
      this.buf = bigger;
    }
    return { buf: this.buf, at: this.held, length: this.buf.length - this.held };
  }

  /** n bytes were read into the room; `atEnd` when no more will come. */
  filled(n: number, atEnd: boolean): void {
    if (this.stopped) return;
    const buf = this.buf;
    const filled = this.held + n;
    const view = buf.subarray(0, filled);
    let last = atEnd ? filled : view.lastIndexOf(0x0a) + 1;
    if (!isUtf8(view.subarray(0, last))) {
      const bad = findInvalidUtf8(view.subarray(0, last));
      let line = this.sink.result.lines + 1;
      for (let i = 0; i < bad; i++) if (buf[i] === 0x0a) line++;
      this.sink.problems([invalidUtf8(this.job.shownFile, buf[bad]!, this.offset + bad, line)]);
      this.stopped = true;
      return;
    }
    let lineStart = 0;
    for (let i = view.indexOf(0x0a); i >= 0 && i < last; i = view.indexOf(0x0a, i + 1)) {
      this.line(lineStart, i);
      lineStart = i + 1;
    }
    if (atEnd && lineStart < filled) {
      this.line(lineStart, filled);
      lineStart = filled;
    }
    this.held = filled - lineStart;
    this.offset += lineStart;
    if (lineStart > 0) buf.copyWithin(0, lineStart, filled);
  }

  private line(from: number, to: number): void {
    const r = this.sink.result;
    r.lines++;
    this.sink.took(this.coder.codeLine(this.buf, from, to, r.lines, this.sink.text), r.lines);
  }
}

/** Whether a document id belongs to shard k of n: a stable hash of its UTF-8 bytes (FNV-1a, 32 bits), the same on every machine and version. */
export function shardOf(id: string, n: number): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(id)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return (h % n) + 1;
}

export function keeper(job: CodeJob): (id: string) => boolean {
  const s = job.shard;
  return s ? (id) => shardOf(id, s.n) === s.k : () => true;
}

/** The line reader of a slice writing to `sink`; for `qcode segment` the sink keeps each document's metadata too. */
export function sliceCoder(job: CodeJob, sink: CodingSink): JsonlLineCoder {
  if (job.segments && !sink.segmentTable) sink.result.metadata = [];
  return lineCoder(job, keeper(job), sink.segmentTable ?? null);
}

/** The slice's result, with the segment table's facts when the slice made a segments file's rows. */
export function sliceResult(coder: JsonlLineCoder, sink: CodingSink): SliceResult {
  if (coder.coder instanceof SegmentRowMaker && !coder.coder.table) sink.result.segmentFacts = coder.coder.takeFacts();
  return sink.result;
}

/**
 * Codes every document in one slice of a JSONL corpus, reading it in blocks
 * and writing rows as it goes: memory holds one block and a batch of rows,
 * never the corpus. `progress` hears how many bytes are done.
 */
export function codeJsonlRange(job: RangeJob, sink: CodingSink, progress: (bytesDone: number) => void = () => {}): SliceResult {
  const coder = sliceCoder(job, sink);
  const reader = new JsonlBlockReader(job, coder, sink, job.start);
  const fd = openSync(job.file, 'r');
  try {
    let pos = job.start;
    let reported = 0;
    for (;;) {
      const room = reader.room(job.end - pos);
      const want = Math.min(room.length, job.end - pos);
      const got = want > 0 ? readSync(fd, room.buf, room.at, want, pos) : 0;
      pos += got;
      const atEnd = pos >= job.end || got === 0;
      reader.filled(got, atEnd);
      if (atEnd) break;
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
  return sliceResult(coder, sink);
}

/** Codes a JSONL corpus read from a stream (standard input), on this thread. */
export async function codeJsonlStream(job: CodeJob, input: Readable, sink: CodingSink): Promise<SliceResult> {
  const coder = sliceCoder(job, sink);
  const reader = new JsonlBlockReader(job, coder, sink, 0);
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let at = 0; at < bytes.length; ) {
        const room = reader.room();
        const n = Math.min(room.length, bytes.length - at);
        room.buf.set(bytes.subarray(at, at + n), room.at);
        at += n;
        reader.filled(n, false);
      }
    }
    reader.filled(0, true);
  } finally {
    sink.close();
  }
  return sliceResult(coder, sink);
}

