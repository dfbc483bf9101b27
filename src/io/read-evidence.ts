import { evidencePathFor } from '../core/match/format-evidence.js';
import { readCsvRecords, type CsvRecord } from './csv-byte-reader.js';
import { fileExists } from './file-exists.js';

const decoder = new TextDecoder();
const field = (r: CsvRecord, i: number | undefined): string | undefined =>
  i === undefined || i >= r.count ? undefined : decoder.decode(r.bytes.subarray(r.starts[i], r.ends[i]));

/**
 * Matched texts that gave each code, per segment and code (key
 * `segment_id\0code`); empty when there is no evidence file. The file is
 * streamed (an auto-coder's evidence over a large corpus is larger than the
 * corpus), and only the keys in `wanted` are kept when it is given.
 */
export async function readEvidenceTerms(codingFile: string, wanted?: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const file = evidencePathFor(codingFile);
  const terms = new Map<string, string[]>();
  if (!(await fileExists(file))) return terms;
  let columns: Map<string, number> | null = null;
  readCsvRecords(file, (r) => {
    if (!columns) {
      columns = new Map();
      for (let i = 0; i < r.count; i++) columns.set(field(r, i)!.replace(/^\uFEFF/, ''), i);
      return;
    }
    // Only matches that gave the code explain it (not vetoed, below-min or outranked ones; files before outcomes had none).
    const outcome = field(r, columns.get('outcome'));
    if (outcome !== undefined && outcome !== 'coded') return;
    const key = `${field(r, columns.get('segment_id'))}\u0000${field(r, columns.get('code'))}`;
    if (wanted && !wanted.has(key)) return;
    const list = terms.get(key) ?? [];
    const term = field(r, columns.get('matched_text')) ?? field(r, columns.get('pattern')) ?? '';
    if (!list.includes(term)) list.push(term);
    terms.set(key, list);
  });
  return terms;
}
