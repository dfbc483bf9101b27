import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { CODING_COLUMNS } from '../core/coding/coding.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { DocumentCoding } from '../core/match/code-document.js';
import { EVIDENCE_COLUMNS } from '../core/match/evidence.js';

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

const FLUSH_ROWS = 20000;
const MAX_DIAGNOSTICS = 100;

/** Buffers CSV rows and appends them to a file in batches, so memory stays bounded. */
class RowWriter {
  private rows: unknown[][] = [];
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  push(row: unknown[]): void {
    this.rows.push(row);
    if (this.rows.length >= FLUSH_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    writeSync(this.fd, stringify(this.rows, { record_delimiter: '\n' }));
    this.rows = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Takes each document's coding as it comes and writes its rows to the slice's part files. */
export class CodingSink {
  readonly result: SliceResult = { lines: 0, documents: 0, segments: 0, matches: 0, diagnostics: [], moreDiagnostics: 0 };
  private readonly codings: RowWriter;
  private readonly evidence: RowWriter;

  constructor(files: { codingsPart: string; evidencePart: string }) {
    this.codings = new RowWriter(files.codingsPart);
    this.evidence = new RowWriter(files.evidencePart);
  }

  take(coded: DocumentCoding | Diagnostic[] | null): void {
    const result = this.result;
    if (coded === null) return;
    if (Array.isArray(coded)) {
      for (const d of coded) {
        if (result.diagnostics.length < MAX_DIAGNOSTICS) result.diagnostics.push(d);
        else result.moreDiagnostics++;
      }
      return;
    }
    result.documents++;
    let last = '';
    for (const c of coded.codings) {
      if (c.segment_id !== last) result.segments++;
      last = c.segment_id;
      this.codings.push(CODING_COLUMNS.map((k) => c[k]));
    }
    for (const e of coded.evidence) this.evidence.push(EVIDENCE_COLUMNS.map((k) => e[k]));
    result.matches += coded.evidence.length;
  }

  close(): void {
    this.codings.close();
    this.evidence.close();
  }
}
