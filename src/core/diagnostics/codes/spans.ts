import type { CodeTable } from '../code-table.js';

/** QC82x: span coding files (free spans of text) and the commands that read them. */
export const spanCodes = {
  QC820: {
    title: 'bad span-file header',
    description: 'A span coding file lacks a required column or has a column the format does not define.',
    hint: 'Columns: doc_id, start, end, code, text, memo.',
  },
  QC821: {
    title: 'unknown document',
    description: 'A span names a document id the corpus does not have.',
    hint: 'Check the id against the corpus; ids are the documents’ front-matter ids or file names.',
  },
  QC822: {
    title: 'invalid span offsets',
    description: 'A span’s start or end is not a whole number, or start is not before end, or end is beyond the end of the document (offsets count code points in the normalised document).',
    hint: 'Offsets are code points from 0 with an exclusive end, as Python’s text[start:end].',
  },
  QC823: {
    title: 'span text differs from the document',
    description: 'A span’s text column is not the slice [start, end) of its document: the document changed since the spans were made, or the offsets are wrong.',
    hint: 'Restore the document as it was when the spans were made, or re-import the project.',
  },
  QC824: {
    title: 'duplicate span',
    description: 'The same document, offsets and code appear twice in one coder’s span file.',
    hint: 'Remove the repeated row.',
  },
  QC825: {
    title: 'no span file',
    description: 'No span coding file exists for the coder named.',
    hint: 'Span files are out/codings/spans/<coder>.csv; qcode init --from PROJECT.qdpx writes them.',
  },
  QC826: {
    title: 'invalid unit rule',
    description: 'The --rule of units --from-spans is not any, majority or cover:P with P a percentage from 1 to 100.',
    hint: 'Use --rule any, --rule majority or --rule cover:50.',
  },
} as const satisfies CodeTable;
