import type { CodeJob } from './code-jsonl.js';
import { keeper, sliceCoder, sliceResult } from './code-jsonl.js';
import { codeDocumentText, skippedDocument, type LineOutcome } from '../core/match/code-jsonl-line.js';
import type { CodingSink, SliceResult } from './coding-sink.js';
import { listDocumentFiles } from './list-document-files.js';
import { readNormalisedText } from './normalised-text.js';
import { csvDocuments, readDocumentFile } from './stream-documents.js';

// The corpus sources read on the main thread, a document at a time: CSV and folders (JSONL is in code-jsonl.ts,
// apart, so the coding threads load neither the CSV parser nor YAML).

/** Codes a CSV corpus record by record as csv-parse streams it, on this thread (a record may span lines). */
export async function codeCsvFile(job: CodeJob, sink: CodingSink, progress: (bytesDone: number) => void): Promise<SliceResult> {
  const lines = sliceCoder(job, sink);
  const coder = lines.coder;
  const keep = keeper(job);
  const file = job.shownFile;
  const text = readNormalisedText(job.file, file, { problem: (d) => sink.problems([d]), progress });
  try {
    for await (const { document: doc, line } of csvDocuments(text, file, job.columns, (ds) => sink.problems(ds), (d) => sink.problems([d]))) {
      const outcome: LineOutcome = keep(doc.id)
        ? codeDocumentText(coder, doc, doc.metadata.language || job.codebook.language, sink.text)
        : skippedDocument(doc.id);
      sink.took(outcome, line);
    }
  } finally {
    sink.close();
  }
  return { ...sliceResult(lines, sink), lines: 0 };
}

/** Codes a folder corpus file by file: memory holds one document at a time. */
export async function codeFolder(job: CodeJob, sink: CodingSink, display: (p: string) => string): Promise<SliceResult> {
  const lines = sliceCoder(job, sink);
  const coder = lines.coder;
  const keep = keeper(job);
  try {
    for (const f of await listDocumentFiles(job.file)) {
      const shown = display(f);
      const parsed = await readDocumentFile(f, shown);
      sink.problems(parsed.diagnostics);
      const doc = parsed.document;
      if (!doc) continue;
      const outcome: LineOutcome = keep(doc.id)
        ? codeDocumentText(coder, doc, doc.metadata.language || job.codebook.language, sink.text)
        : skippedDocument(doc.id);
      sink.took(outcome, 0, shown);
    }
  } finally {
    sink.close();
  }
  return sliceResult(lines, sink);
}

