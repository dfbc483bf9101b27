import { codePointCursor } from '../core/util/code-point-cursor.js';
import { forEachStudyText, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';

/** What writes rows a document at a time from a text pass (ExportWriter, DisagreementsWriter, EvaluationErrorsWriter). */
export interface DocumentRowWriter {
  /** Whether every row is written. */
  readonly done: boolean;
  /** Whether document d has rows (asked in corpus order). */
  hasRows(d: number): boolean;
  /**
   * The rows of document d; `text` gives the text of its segment n (a
   * SegmentTable number). A writer may stop after about `budget` characters
   * and leave hasRows(d) true: it is asked again for the rest.
   */
  documentRows(d: number, text: (n: number) => string, budget?: number): string;
}

/** About how many characters a piece of rows holds: one huge document's rows are written in such pieces, as no string holds gigabytes. */
export const ROWS_PIECE_CHARS = 1 << 24;

/**
 * The rows of every document the writer has rows for, in corpus order, from
 * the second pass over the corpus (forEachStudyText): the text of a
 * command that prints it, a document at a time; none when there are no rows.
 */
export async function writeDocumentRows(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  writer: DocumentRowWriter,
  write: (text: string) => Promise<void>,
): Promise<void> {
  if (writer.done) return;
  const t = study.segments;
  // Only the segments that have rows are cut out of the text (a disagreement or an error is a few segments of a document).
  await forEachStudyText(study, options, (d) => writer.hasRows(d), async (d, doc) => {
    const at = codePointCursor(doc.text);
    const text = (n: number) => doc.text.slice(at(t.start(n)), at(t.end(n)));
    do await write(writer.documentRows(d, text, ROWS_PIECE_CHARS));
    while (writer.hasRows(d));
  });
}
