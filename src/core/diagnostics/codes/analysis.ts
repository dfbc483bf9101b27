import type { CodeTable } from '../code-table.js';

/** QC7xx: analysis and exports. */
export const analysisCodes = {
  QC701: {
    title: 'unknown grouping key',
    description: 'freq --by names a metadata key that no document has.',
    hint: 'Use a key from the documents\' front matter or columns (e.g. type), or `doc` for one group per document.',
  },
  QC702: {
    title: 'unknown code for analysis',
    description: 'A --code option names a code id the codebook does not define.',
    hint: '`qcode codebook show` lists the code ids.',
  },
  QC703: {
    title: 'invalid KWIC pattern',
    description:
      'The pattern given to kwic is one a codebook would refuse (the message names the codebook code: QC207, QC208 or QC210): empty, a /regex/ that does not compile or needs backtracking, or a word pattern with characters no token holds.',
    hint: 'Patterns use the codebook syntax: a word, a phrase, * wildcards, or /regex/flags.',
  },
  QC704: {
    title: 'nothing to analyse',
    description: 'The coder has reviewed no segment of the current corpus, so there is nothing to count.',
    hint: 'Check the coder name and that the coding file fits the corpus and unit (qcode validate).',
  },
  QC705: {
    title: 'missing group value',
    description: 'Some documents lack the metadata key used for grouping; they form the group "(missing)".',
    hint: 'Add the key to those documents\' front matter, or accept the (missing) group.',
  },
  QC706: {
    title: 'too large for a spreadsheet',
    description:
      'A workbook (export --format xlsx, or a coding sheet) would hold a sheet of more than 1,048,576 rows or a cell of more than 32,767 characters: Excel and LibreOffice refuse or cut such a file, so qcode writes none.',
    hint: 'Write CSV instead (export --format long or wide, sheet --format csv), or a smaller unit (unit: sentence) or sample.',
  },
  QC707: {
    title: 'too large for a REFI-QDA project',
    description:
      "A .qdpx is a zip holding project.qde and each document as a file of its own. qcode writes the ZIP64 extension where a zip needs it (more than 65,535 files, an archive past 4 GB), but records no file of 4 GB or more: a project whose project.qde would reach 4 GB (a corpus of gigabytes with its codings) would make a broken archive, so qcode writes none.",
    hint: 'Export a sample of documents for the QDA tool (a corpus of its own), or write the tables instead (export --format long, wide or jsonl).',
  },
} as const satisfies CodeTable;
