import type { Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { LineOutcome } from '../core/match/code-jsonl-line.js';
import { ByteRows } from '../core/util/byte-rows.js';
import type { RowText } from '../core/match/spill-long-rows.js';
import type { SegmentFacts } from '../core/match/segment-rows.js';
import type { SegmentTableBuilder } from '../core/segment/segment-table.js';

/**
 * What coding one stretch of a corpus gave (a slice of a JSONL file, a whole
 * CSV file, a folder, stdin): counts, problems, and per document what the
 * corpus-wide rules need afterwards (its id, whether it was blank, where it
 * was, its digest), in corpus order. Plain data, so a worker thread can post it.
 */
export interface SliceResult {
  /** Lines in the slice, so the caller can turn slice line numbers into file line numbers. */
  lines: number;
  segments: number;
  matches: number;
  /** Segments given a code. */
  coded: number;
  ids: string[];
  /** Per document: 1 blank, 2 left to another shard (not coded), 0 coded. */
  blank: number[];
  /** Per document: its line in the slice (0 for a folder's files). */
  docLines: number[];
  /** Per document, for a folder: its file as shown; empty otherwise. */
  docFiles: string[];
  /** 32 bytes per document: the digests for the corpus hash (zeros for a document not coded). */
  digests: Uint8Array;
  digestCount: number;
  /** Per document: bytes of coding rows and of evidence rows it wrote (kept for a shard's index only). */
  codingBytes: number[];
  evidenceBytes: number[];
  /** Problems found, line numbers counted within the slice (the first 1000). */
  diagnostics: Diagnostic[];
  moreDiagnostics: number;
  /** Per document, when the run keeps them (`qcode segment`): its metadata. */
  metadata?: Record<string, string>[];
  /** For `qcode segment`: the segment table's facts of the slice. */
  segmentFacts?: SegmentFacts;
}

const FLUSH_BYTES = 1 << 18;
const MAX_DIAGNOSTICS = 1000;

/** Where rows go: an open file, or a stream-like writer (stdout). */
export interface RowTarget {
  write(bytes: Uint8Array): void;
  close(): void;
}

export function fileTarget(file: string, hash?: Hash): RowTarget {
  const fd = openSync(file, 'w');
  return {
    write(bytes) {
      hash?.update(bytes);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    close: () => closeSync(fd),
  };
}

export function newSliceResult(): SliceResult {
  return {
    lines: 0,
    segments: 0,
    matches: 0,
    coded: 0,
    ids: [],
    blank: [],
    docLines: [],
    docFiles: [],
    digests: new Uint8Array(32 * 64),
    digestCount: 0,
    codingBytes: [],
    evidenceBytes: [],
    diagnostics: [],
    moreDiagnostics: 0,
  };
}

/**
 * Takes each document's rows as they come and hands them to the targets in
 * batches, so memory holds a batch, never the corpus; keeps per document what
 * the corpus-wide rules need.
 */
export class CodingSink {
  readonly result: SliceResult = newSliceResult();
  /** Rows not yet written; coders append to it, then call `took`. */
  readonly text: RowText = { codings: new ByteRows(), evidence: new ByteRows(), spill: () => this.flush() };
  /** Where the last document's rows ended, counted from the start of the output (rows may be written out in the middle of a document). */
  private codingMark = 0;
  private evidenceMark = 0;
  /** Bytes of rows written out so far. */
  private codingsWritten = 0;
  private evidenceWritten = 0;
  /** For `qcode segment` on the thread that builds the table: where the slice's documents and segments go straight. */
  segmentTable?: SegmentTableBuilder;

  constructor(
    private readonly codings: RowTarget,
    private readonly evidence: RowTarget,
    headers?: { codings: string; evidence: string },
    /** Keep each document's row sizes (a shard's index needs them). */
    private readonly rowSizes = false,
  ) {
    if (headers) {
      this.text.codings.text(headers.codings);
      this.text.evidence.text(headers.evidence);
      this.codingMark = this.text.codings.length;
      this.evidenceMark = this.text.evidence.length;
    }
  }

  problems(list: readonly Diagnostic[]): void {
    const result = this.result;
    for (const d of list) {
      if (result.diagnostics.length < MAX_DIAGNOSTICS) result.diagnostics.push(d);
      else result.moreDiagnostics++;
    }
  }

  /** Counts what one line or document gave (rows already appended to `text`) and writes when enough is waiting. */
  took(outcome: LineOutcome, line: number, file = ''): void {
    if (outcome === null) return;
    if (Array.isArray(outcome)) return this.problems(outcome);
    const r = this.result;
    r.ids.push(outcome.id);
    r.blank.push(outcome.skipped ? 2 : outcome.blank ? 1 : 0);
    r.docLines.push(line);
    if (file) r.docFiles.push(file);
    r.metadata?.push(outcome.metadata ?? {});
    if ((r.digestCount + 1) * 32 > r.digests.length) {
      const bigger = new Uint8Array(r.digests.length * 2);
      bigger.set(r.digests);
      r.digests = bigger;
    }
    // Aligned with ids: zeros for a document without a digest (left to another shard).
    if (outcome.digest) r.digests.set(outcome.digest, r.digestCount * 32);
    else r.digests.fill(0, r.digestCount * 32, r.digestCount * 32 + 32);
    r.digestCount++;
    r.segments += outcome.segments;
    r.matches += outcome.matches;
    r.coded += outcome.coded;
    const { codings, evidence } = this.text;
    const codingEnd = this.codingsWritten + codings.length;
    const evidenceEnd = this.evidenceWritten + evidence.length;
    if (this.rowSizes) {
      r.codingBytes.push(codingEnd - this.codingMark);
      r.evidenceBytes.push(evidenceEnd - this.evidenceMark);
    }
    if (codings.length + evidence.length >= FLUSH_BYTES) this.flush();
    this.codingMark = codingEnd;
    this.evidenceMark = evidenceEnd;
  }

  private flush(): void {
    const { codings, evidence } = this.text;
    if (codings.length > 0) this.codings.write(codings.bytes.subarray(0, codings.length));
    if (evidence.length > 0) this.evidence.write(evidence.bytes.subarray(0, evidence.length));
    this.codingsWritten += codings.length;
    this.evidenceWritten += evidence.length;
    codings.clear();
    evidence.clear();
  }

  close(): void {
    this.flush();
    this.codings.close();
    this.evidence.close();
  }
}
