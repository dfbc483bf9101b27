import { parse } from 'csv-parse/sync';
import { evidencePathFor } from '../core/match/format-evidence.js';
import { fileExists } from './file-exists.js';
import { readTextFile } from './read-text-file.js';

/** Matched texts that gave each code, per segment and code (key `segment_id\0code`); empty when there is no evidence file. */
export async function readEvidenceTerms(codingFile: string): Promise<Map<string, string[]>> {
  const file = evidencePathFor(codingFile);
  const terms = new Map<string, string[]>();
  if (!(await fileExists(file))) return terms;
  const rows = parse(await readTextFile(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const r of rows) {
    // Only matches that gave the code explain it (not vetoed, below-min or outranked ones; files before outcomes had none).
    if (r.outcome !== undefined && r.outcome !== 'coded') continue;
    const key = `${r.segment_id}\u0000${r.code}`;
    const list = terms.get(key) ?? [];
    const term = r.matched_text ?? r.pattern ?? '';
    if (!list.includes(term)) list.push(term);
    terms.set(key, list);
  }
  return terms;
}
