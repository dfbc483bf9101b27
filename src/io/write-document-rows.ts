import { forEachStudyDocument, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';

/** What writes rows a document at a time from a text pass (ExportWriter, DisagreementsWriter, EvaluationErrorsWriter). */
export interface DocumentRowWriter {
  /** Whether every row is written. */
  readonly done: boolean;
  /** Whether document d has rows (asked in corpus order). */
  hasRows(d: number): boolean;
  /** The rows of document d; `text` gives the text of its segment n (a SegmentTable number). */
  documentRows(d: number, text: (n: number) => string): string;
}

/**
 * The rows of every document the writer has rows for, in corpus order, from
 * the second pass over the corpus (forEachStudyDocument): the text of a
 * command that prints it, a document at a time; none when there are no rows.
 */
export async function writeDocumentRows(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  writer: DocumentRowWriter,
  write: (text: string) => Promise<void>,
): Promise<void> {
  if (writer.done) return;
  await forEachStudyDocument(study, options, (d) => writer.hasRows(d), async (d, _doc, segments) => {
    const from = study.segments.segmentsOf(d).from;
    await write(writer.documentRows(d, (n) => segments[n - from]!.text));
  });
}
