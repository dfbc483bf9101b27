import type { CodeTable } from '../code-table.js';

/** QC4xx: coding files, import, the auto-coder and evaluation. */
export const codingCodes = {
  QC401: {
    title: 'unknown segment',
    description: 'A coding names a segment id that the corpus, at this unit, does not have.',
    hint: 'Check the id against `qcode segment` output; ids change if the unit or the document changes.',
  },
  QC402: {
    title: 'unknown code',
    description: 'A coding names a code id the codebook does not define.',
    hint: '`qcode codebook show` lists the code ids.',
  },
  QC403: {
    title: 'code in the wrong category',
    description: "A coding's category is not the category of its code.",
    hint: 'Leave the category column empty or give the category the codebook puts the code in.',
  },
  QC404: {
    title: 'exclusive category violated',
    description: 'A segment has two codes of a category marked exclusive.',
    hint: 'Keep one code of that category for the segment.',
  },
  QC405: {
    title: 'duplicate coding',
    description: 'The same coder, segment and code appear twice.',
    hint: 'Remove the repeated row.',
  },
  QC406: {
    title: 'bad coding-file header',
    description: 'A coding file lacks a required column or has a column the format does not define.',
    hint: 'Columns: segment_id, doc_id, coder, category, code, memo (import also takes wide and list layouts).',
  },
  QC407: {
    title: 'document id does not match',
    description: "A coding's doc_id is not the document its segment belongs to.",
    hint: 'Leave doc_id empty or correct it; it is derived from the segment id.',
  },
  QC408: {
    title: 'reviewed-none row beside codes',
    description: 'A segment has both a "no code applies" row (empty code) and a coded row.',
    hint: 'Remove the empty-code row, or the codes, for that segment.',
  },
  QC409: {
    title: 'unexpected coder',
    description: "A row's coder is not the coder the file belongs to.",
    hint: 'A coding file holds one coder; split the file or fix the coder column.',
  },
  QC410: {
    title: 'coding file from another codebook or corpus',
    description: 'The manifest says the coding file was made with another codebook version or corpus.',
    hint: 'Check that the codings still fit; recode or re-import against the current codebook and corpus.',
  },
  QC411: {
    title: 'invalid coding row',
    description: 'A coding-file row has the wrong number of fields or is not valid JSON.',
    hint: 'Quote fields that contain commas, quotes or line breaks.',
  },
  QC412: {
    title: 'no such coder',
    description: 'No coding file exists for the coder named.',
    hint: 'Coders are files out/codings/<coder>.csv; create one with qcode code, qcode import or qcode annotate.',
  },
  QC420: {
    title: 'codings on text that moved',
    description:
      "Codings whose text fingerprint (text_sha) is no longer their segment's, but the text is still in the document at another segment: a sentence was inserted or removed before it, or the segmentation rules changed. They are not attached to the segment's new text.",
    hint: 'Run `qcode rebase <coder>` (or `--all`) to move each coding onto the segment that now holds its text.',
  },
  QC421: {
    title: 'codings on text that is gone',
    description:
      'Codings whose text fingerprint (text_sha) matches no segment of their document now: the sentence was edited, split, merged or deleted. They are not attached to whatever text now has their segment id.',
    hint: 'Run `qcode rebase <coder>` (or `--all`): it keeps them, with their old text where it can find it, in `codings/<coder>.orphans.csv` for the coder to redo.',
  },
  QC422: {
    title: 'derived coding file not rebased',
    description: "`qcode rebase` was asked for a coding file that a command derives from the text (the auto-coder's, or unit codings made from spans): rebasing would keep stale codings where a rerun gives the right ones.",
    hint: 'Rerun the command the message names (e.g. `qcode code`).',
  },
  QC423: {
    title: 'unreadable workbook',
    description: 'An .xlsx file could not be read as a workbook, or has no sheet of the name asked for.',
    hint: 'Save the file from the spreadsheet as .xlsx (Excel workbook), or as CSV, and check --sheet.',
  },
  QC424: {
    title: 'ambiguous cell in a coding sheet',
    description:
      "A code's cell holds a value that is neither 'applies' (1, 1.0, x, X, ✓, TRUE, true, yes) nor 'does not apply' (0, 0.0, FALSE, no, NA, empty). qcode does not guess what 2 or maybe meant.",
    hint: 'Write 1 or x where the code applies and leave the cell empty (or 0) where it does not.',
  },
} as const satisfies CodeTable;
