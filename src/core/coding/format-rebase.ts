import type { Table } from '../format/table.js';
import type { RebaseCounts } from './rebase-codings.js';

/** What rebase did to one coder's file, or why it left it alone. */
export interface RebaseReport {
  coder: string;
  file: string;
  /** Absent when the file was skipped. */
  segments?: RebaseCounts;
  rows?: RebaseCounts;
  orphansFile?: string;
  /** Why the file was left alone (a derived file a rerun makes again). */
  skipped?: string;
}

/** The kept / moved / orphaned table, counted in segments, with the codings in brackets. */
export function rebaseTable(reports: readonly RebaseReport[]): Table {
  const cell = (r: RebaseReport, k: keyof RebaseCounts) => (r.segments && r.rows ? `${r.segments[k]} (${r.rows[k]})` : '—');
  const footnotes = ['Segments, with their coding rows in brackets. Kept: same id, same text; moved: the text is now at another segment of its document; orphaned: no segment has the text now.'];
  if (reports.some((r) => (r.segments?.unchecked ?? 0) > 0)) footnotes.push('Of the kept, "by id" had no text fingerprint in the file (written before qcode recorded one): placed by segment id alone, and fingerprinted now.');
  for (const r of reports) if (r.orphansFile && (r.segments?.orphaned ?? 0) > 0) footnotes.push(`${r.coder}: orphaned codings, with their old text where it was found, are in ${r.orphansFile}.`);
  for (const r of reports) if (r.skipped) footnotes.push(`${r.coder}: ${r.skipped}`);
  return {
    title: 'Codings rebased onto the current segments',
    columns: [
      { key: 'coder', label: 'coder' },
      { key: 'kept', label: 'kept', align: 'right' },
      { key: 'moved', label: 'moved', align: 'right' },
      { key: 'orphaned', label: 'orphaned', align: 'right' },
      { key: 'by_id', label: 'of kept, by id', align: 'right' },
    ],
    rows: reports.map((r) => [r.coder, cell(r, 'kept'), cell(r, 'moved'), cell(r, 'orphaned'), cell(r, 'unchecked')]),
    footnotes,
  };
}
