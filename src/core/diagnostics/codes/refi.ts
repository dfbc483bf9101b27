import type { CodeTable } from '../code-table.js';

/** QC80x–QC81x: REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc), in and out. */
export const refiCodes = {
  QC801: {
    title: 'not a REFI-QDA file',
    description: 'The file is not a readable .qdpx (a zip holding project.qde), .qde or .qdc, or its root element is not Project or CodeBook.',
    hint: 'Export the project again from the QDA tool (REFI-QDA project or codebook export) and check that the file is complete.',
  },
  QC802: {
    title: 'malformed XML',
    description: 'The project or codebook XML is not well-formed (for example truncated, or an unclosed element); the position names the line and column.',
    hint: 'The file is damaged or cut short: export it again from the QDA tool.',
  },
  QC803: {
    title: 'invalid REFI element',
    description: 'An element lacks an attribute the REFI-QDA standard requires (a guid, a name, a position) or has a value of the wrong kind.',
    hint: 'The exporting tool wrote a file the standard does not allow; report it to its makers, or fix the element named.',
  },
  QC804: {
    title: 'source text missing',
    description: 'A text source names a plain-text file that is not in the archive (nor in --sources), and has no inline PlainTextContent, so it cannot become a document.',
    hint: 'Export the project with its sources, or give the folder holding the source files with --sources DIR.',
  },
  QC805: {
    title: 'selection outside its text',
    description: 'A text selection starts after it ends or reaches beyond the end of its source text; it is left out.',
    hint: 'Check --positions: a file written in UTF-16 units read as code points (or the reverse) puts selections in the wrong place.',
  },
  QC806: {
    title: 'unknown code reference',
    description: 'A coding refers to a code GUID that is not in the codebook, or to a code marked isCodable="false"; it is left out.',
    hint: 'The exporting tool wrote an incomplete codebook; export again, or add the code in the QDA tool.',
  },
  QC807: {
    title: 'not imported',
    description: 'Part of the project has no place in a qcode project (PDF, picture, audio and video sources, notes, links, graphs, code sets) and is left out; the message gives counts, as the REFI-QDA standard asks tools to warn about data loss.',
    hint: 'These stay in the QDA project only. If codings on PDFs or media matter, convert them to text sources (or transcribe them) in the QDA tool and export again.',
  },
  QC808: {
    title: 'two coders recorded for one coding',
    description: 'A coding names a different user than its selection; the coding’s own creatingUser is taken as the coder.',
    hint: 'Check that the coder shown for these codings is the person who applied the code; rename the coding file if not.',
  },
  QC809: {
    title: 'position unit in doubt',
    description: 'The selections fit text boundaries better in another position unit than the one used (code points or UTF-16 units).',
    hint: 'Rerun with --positions codepoint or --positions utf16, as the message suggests, into a new folder.',
  },
  QC810: {
    title: 'project folder in use',
    description: 'init --from found a qcode project (qcode.yaml, a codebook, a corpus or outputs) in the target folder; it never overwrites one.',
    hint: 'Give a new or empty folder: qcode init --from FILE.qdpx my-study',
  },
  QC811: {
    title: 'nothing to import',
    description: 'No text source of the project has text qcode can read, so no corpus can be made.',
    hint: 'Export the project with its text sources (not only PDFs or media), or give their folder with --sources DIR.',
  },
  QC812: {
    title: 'unknown user',
    description: 'A coding or selection names a user GUID that is not in the project’s Users; the coder is named after the GUID.',
    hint: 'Rename the coder’s span file if you know who it was.',
  },
} as const satisfies CodeTable;
