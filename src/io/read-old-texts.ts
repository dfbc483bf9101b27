import { readFile } from 'node:fs/promises';
import { parseCsvWithPositions } from '../core/util/parse-csv-positions.js';
import { computeTextSha } from '../core/util/hash.js';

/**
 * Old texts by fingerprint, for the codings `rebase` cannot place: any file
 * with a `text` column (an earlier segments file, the sample file, a coding
 * sheet saved as CSV) or JSON Lines with a `text` key. A text is taken for a
 * fingerprint only when it hashes to it, so a file from any time is safe to
 * offer. Unreadable files are skipped: they are only a source of old text.
 */
export async function readOldTexts(files: readonly string[], wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const take = (text: unknown) => {
    if (typeof text !== 'string' || found.size === wanted.size) return;
    const sha = computeTextSha(text);
    if (wanted.has(sha)) found.set(sha, text);
  };
  for (const file of files) {
    if (found.size === wanted.size) break;
    const content = await readFile(file, 'utf8').catch(() => undefined);
    if (content === undefined) continue;
    if (/\.jsonl$/i.test(file)) {
      for (const line of content.split('\n')) {
        try {
          take((JSON.parse(line) as { text?: unknown } | null)?.text);
        } catch {
          // not a JSON line: nothing to take from it
        }
      }
      continue;
    }
    const { rows } = parseCsvWithPositions(content);
    const col = rows[0]?.fields.findIndex((f) => f.trim() === 'text') ?? -1;
    if (col >= 0) for (const row of rows.slice(1)) take(row.fields[col]);
  }
  return found;
}
