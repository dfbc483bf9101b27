import { formatRecordsCsv } from '../format/format-records.js';
import { EVIDENCE_COLUMNS, type Evidence } from './evidence.js';

/** The evidence file `<coder>.matches.csv`: one row per match, in the order given. */
export function formatEvidenceCsv(evidence: readonly Evidence[]): string {
  return formatRecordsCsv(EVIDENCE_COLUMNS, evidence);
}

/** Where the evidence goes: beside the coding file, `<name>.matches.csv`. */
export function evidencePathFor(codingFile: string): string {
  return `${codingFile.replace(/\.(csv|jsonl)$/i, '')}.matches.csv`;
}
