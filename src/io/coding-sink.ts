import type { Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { DocumentCoding } from '../core/match/code-document.js';
import { formatCsvRow } from '../core/format/format-csv-field.js';
import type { LineOutcome } from '../core/match/code-jsonl-line.js';
import { ByteRows, type RowText } from '../core/match/byte-rows.js';
import { textShaById } from '../core/match/text-sha-by-id.js';
import { codingFileFields } from '../core/model/coding.js';
import type { Segment } from '../core/model/segment.js';

export interface SliceResult {
  /** Lines in the slice, so the caller can turn slice line numbers into file line numbers. */
  lines: number;
  documents: number;
  segments: number;
  matches: number;
  /** Problems found, line numbers counted within the slice (the first 100). */
  diagnostics: Diagnostic[];
  /** Problems beyond the first 100. */
  moreDiagnostics: number;
}

const FLUSH_BYTES = 1 << 18;

/**
 * The first slice's sink writes straight into the output files' temporary
 * copies: their header first, every byte hashed as it is written, so a
 * one-slice run never copies its output or reads it again to hash it.
 */
export interface SinkHead {
  codingsHeader: string;
  evidenceHeader: string;
  codingsHash: Hash;
  evidenceHash: Hash;
}

/** Writes the rows to fd, all of them, feeds the same bytes to `hash`, and empties them. */
function writeAll(fd: number, rows: ByteRows, hash: Hash | undefined): void {
  const bytes = rows.bytes.subarray(0, rows.length);
  hash?.update(bytes);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
  rows.clear();
}
const MAX_DIAGNOSTICS = 100;

/**
 * Takes each document's rows as they come and appends them to the slice's
 * part files in batches, so memory holds a batch, never the corpus.
 */
export class CodingSink {
  readonly result: SliceResult = { lines: 0, documents: 0, segments: 0, matches: 0, diagnostics: [], moreDiagnostics: 0 };
  /** Rows not yet written; coders append to it, then call `took`. */
  readonly text: RowText = { codings: new ByteRows(), evidence: new ByteRows() };
  private readonly codingsFd: number;
  private readonly evidenceFd: number;

  constructor(
    files: { codingsPart: string; evidencePart: string },
    private readonly head?: SinkHead,
  ) {
    this.codingsFd = openSync(files.codingsPart, 'w');
    this.evidenceFd = openSync(files.evidencePart, 'w');
    if (head) {
      this.text.codings.text(head.codingsHeader);
      this.text.evidence.text(head.evidenceHeader);
    }
  }

  /** Counts what one document gave (rows already appended to `text`) and writes when enough is waiting. */
  took(outcome: LineOutcome): void {
    const result = this.result;
    if (outcome === null) return;
    if (Array.isArray(outcome)) {
      for (const d of outcome) {
        if (result.diagnostics.length < MAX_DIAGNOSTICS) result.diagnostics.push(d);
        else result.moreDiagnostics++;
      }
      return;
    }
    result.documents++;
    result.segments += outcome.segments;
    result.matches += outcome.matches;
    if (this.text.codings.length + this.text.evidence.length >= FLUSH_BYTES) this.flush();
  }

  /** Takes a document coded the general way, as Coding and Evidence objects, with its segments (for the text fingerprints). */
  take(coded: DocumentCoding | Diagnostic[] | null, segments: readonly Segment[] = []): void {
    if (coded === null || Array.isArray(coded)) return this.took(coded);
    const sha = textShaById(segments);
    for (const c of coded.codings) this.text.codings.text(formatCsvRow(codingFileFields(c, sha.get(c.segment_id) ?? '')));
    for (const e of coded.evidence) this.text.evidence.text(formatCsvRow([e.segment_id, e.code, e.pattern, e.matched_text, e.start, e.end]));
    this.took({ segments: new Set(coded.codings.map((c) => c.segment_id)).size, matches: coded.evidence.length });
  }

  private flush(): void {
    if (this.text.codings.length > 0) writeAll(this.codingsFd, this.text.codings, this.head?.codingsHash);
    if (this.text.evidence.length > 0) writeAll(this.evidenceFd, this.text.evidence, this.head?.evidenceHash);
  }

  close(): void {
    this.flush();
    closeSync(this.codingsFd);
    closeSync(this.evidenceFd);
  }
}
