import { parse } from 'csv-parse/sync';
import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/**
 * What an adjudicator decided for one disagreement row:
 * - `coder`: take that coder's value for the row's code;
 * - `both`: the code applies; `neither`: it does not;
 * - `codes`: the segment's codes in the row's category are exactly these ids;
 * - `none`: the decision cell is empty (undecided).
 */
export type Decision =
  | { kind: 'coder'; coder: string }
  | { kind: 'both' }
  | { kind: 'neither' }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'none' };

export interface ResolvedRow {
  segment_id: string;
  code: string;
  decision: Decision;
  line: number;
  /** The decision cell could not be read (already reported): the row is settled as an error. */
  invalid?: true;
}

/** Reads one decision cell; the coder names are matched exactly, `both`/`neither` in any case. */
export function parseDecision(
  cellText: string,
  coders: readonly [string, string],
  codeIds: ReadonlySet<string>,
): Decision | { error: string } {
  const t = cellText.trim();
  if (t === '') return { kind: 'none' };
  if (t === coders[0] || t === coders[1]) return { kind: 'coder', coder: t };
  const lower = t.toLowerCase();
  if (lower === 'both') return { kind: 'both' };
  if (lower === 'neither') return { kind: 'neither' };
  const codes = t
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = codes.filter((c) => !codeIds.has(c));
  if (unknown.length > 0) {
    return {
      error: `decision '${t}' is neither ${coders[0]}, ${coders[1]}, both, neither, nor a list of code ids (unknown: ${unknown.join(', ')})`,
    };
  }
  return { kind: 'codes', codes };
}

/**
 * Reads a resolved disagreements file: the CSV `qcode disagreements` wrote,
 * with a `decision` column added. Only segment_id, code and decision are
 * read; the other columns may be edited or dropped.
 */
export function parseResolvedCsv(
  text: string,
  file: string,
  coders: readonly [string, string],
  codebook: Codebook,
): { rows: ResolvedRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    return { rows: [], diagnostics: [diag('QC510', `not a readable CSV file: ${(err as Error).message}`, { at: { file } })] };
  }
  const header = records[0]?.record ?? [];
  const missing = ['segment_id', 'code', 'decision'].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      diagnostics: [
        diag('QC510', `the resolved file has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}`, { at: { file, line: 1 }, hint: missing.includes('decision')
            ? 'add a decision column to the file `qcode disagreements` wrote and fill it in'
            : undefined }),
      ],
    };
  }
  const col = (name: string) => header.indexOf(name);
  const codeIds = new Set(listCodes(codebook).map((r) => r.code.id));
  const rows: ResolvedRow[] = [];
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const decision = parseDecision(record[col('decision')] ?? '', coders, codeIds);
    const segment_id = record[col('segment_id')] ?? '';
    const code = record[col('code')] ?? '';
    if ('error' in decision) {
      diagnostics.push(diag('QC510', decision.error, { at: { file, line } }));
      rows.push({ segment_id, code, decision: { kind: 'none' }, line, invalid: true });
    } else rows.push({ segment_id, code, decision, line });
  }
  return { rows, diagnostics };
}
