import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { Document } from '../core/model/document.js';
import type { Segment } from '../core/model/segment.js';
import type { SegmentTable } from '../core/segment/segment-table.js';
import { codePointCursor } from '../core/util/code-point-cursor.js';
import type { CompactStudy } from './read-segment-table.js';
import { corpusColumns, type StudyOptions } from './read-study.js';
import { streamDocuments } from './stream-documents.js';

/** One document of a second pass over the corpus, with the text of its segments. */
export interface DocumentTexts {
  /** Its number in the SegmentTable. */
  d: number;
  doc: Document;
  /** Text of segment n (a number of this document, SegmentTable order). */
  text(n: number): string;
  /** The document's segments as Segment objects, with their text (for the matcher: kwic, themes). */
  segments(): Segment[];
}

/**
 * The text pass of a command that prints segment text (export, kwic,
 * disagreements, evaluate --errors, themes): the corpus streamed again, one
 * document at a time, each matched to its document in the study's
 * SegmentTable and its segments sliced out by their code-point offsets.
 * Documents `wanted` refuses are parsed but not sliced. The corpus was
 * checked when the table was read; a corpus that changed since is an error.
 */
export async function* streamSegmentTexts(study: CompactStudy, options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>, wanted: (d: number) => boolean = () => true): AsyncGenerator<DocumentTexts> {
  const table: SegmentTable = study.segments;
  const display = options.display ?? ((p: string) => p);
  const stream = streamDocuments(study.project.corpusPath!, corpusColumns(study.project, options), display);
  let d = 0;
  for await (const doc of stream.documents) {
    if (table.documents[d]?.id !== doc.id) changed(display(study.project.corpusPath!));
    if (wanted(d)) {
      const unit = codePointCursor(doc.text);
      const text = (n: number) => doc.text.slice(unit(table.start(n)), unit(table.end(n)));
      const segments = () => {
        const { from, to } = table.segmentsOf(d);
        const out: Segment[] = [];
        for (let n = from; n < to; n++) out.push({ segment_id: table.segmentId(n), doc_id: doc.id, unit: table.unit, index: table.index(n), start: table.start(n), end: table.end(n), text: text(n) });
        return out;
      };
      yield { d, doc, text, segments };
    }
    d++;
  }
  if (d !== table.documents.length) changed(display(study.project.corpusPath!));
}

function changed(shown: string): never {
  throw new QcodeError([diag('QC003', `corpus ${shown} changed while qcode was reading it`, { at: { file: shown }, hint: 'Run the command again.' })]);
}

/** What writes rows a document at a time from a text pass (ExportWriter, DisagreementsWriter, the evaluation errors). */
export interface DocumentRowWriter {
  /** Whether every row is written. */
  readonly done: boolean;
  /** Whether document d has rows (asked in corpus order). */
  hasRows(d: number): boolean;
  documentRows(d: number, text: (n: number) => string): string;
}

/** The rows of every document the writer has rows for, in corpus order, from one text pass that stops once all are written. */
export async function writeDocumentRows(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  writer: DocumentRowWriter,
  write: (text: string) => Promise<void>,
): Promise<void> {
  if (writer.done) return;
  for await (const { d, text } of streamSegmentTexts(study, options, (k) => writer.hasRows(k))) {
    await write(writer.documentRows(d, text));
    if (writer.done) return;
  }
}
