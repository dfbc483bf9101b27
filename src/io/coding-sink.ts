import { closeSync, openSync, writeSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { DocumentCoding } from '../core/match/code-document.js';
import { formatCsvRow } from '../core/format/format-csv-field.js';

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

const FLUSH_CHARS = 1 << 20;
const MAX_DIAGNOSTICS = 100;

/** Collects CSV text and appends it to a file in batches, so memory stays bounded. */
class TextWriter {
  private text = '';
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  push(line: string): void {
    this.text += line;
    if (this.text.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.text.length === 0) return;
    writeSync(this.fd, this.text);
    this.text = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Takes each document's coding as it comes and writes its rows to the slice's part files. */
export class CodingSink {
  readonly result: SliceResult = { lines: 0, documents: 0, segments: 0, matches: 0, diagnostics: [], moreDiagnostics: 0 };
  private readonly codings: TextWriter;
  private readonly evidence: TextWriter;

  constructor(files: { codingsPart: string; evidencePart: string }) {
    this.codings = new TextWriter(files.codingsPart);
    this.evidence = new TextWriter(files.evidencePart);
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
      this.codings.push(formatCsvRow([c.segment_id, c.doc_id, c.coder, c.category, c.code, c.memo]));
    }
    for (const e of coded.evidence) this.evidence.push(formatCsvRow([e.segment_id, e.code, e.pattern, e.matched_text, e.start, e.end]));
    result.matches += coded.evidence.length;
  }

  close(): void {
    this.codings.close();
    this.evidence.close();
  }
}
