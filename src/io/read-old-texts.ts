import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { computeTextSha } from '../core/util/hash.js';
import { readCsvRecords } from './csv-byte-reader.js';

const utf8 = new TextDecoder();

/**
 * Old texts by fingerprint, for the codings `rebase` cannot place: any file
 * with a `text` column (an earlier segments file, the sample file, a coding
 * sheet saved as CSV) or JSON Lines with a `text` key. A text is taken for a
 * fingerprint only when it hashes to it, so a file from any time is safe to
 * offer. Files are streamed record by record: an earlier segments file of a
 * large corpus is longer than one string may be. Unreadable files are skipped:
 * they are only a source of old text.
 */
export async function readOldTexts(files: readonly string[], wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const complete = () => found.size === wanted.size;
  const take = (text: unknown) => {
    if (typeof text !== 'string' || complete()) return;
    const sha = computeTextSha(text);
    if (wanted.has(sha)) found.set(sha, text);
  };
  for (const file of files) {
    if (complete()) break;
    if (/\.jsonl$/i.test(file)) await takeJsonLines(file, take, complete);
    else takeCsvColumn(file, take, complete);
  }
  return found;
}

async function takeJsonLines(file: string, take: (text: unknown) => void, complete: () => boolean): Promise<void> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      try {
        take((JSON.parse(line) as { text?: unknown } | null)?.text);
      } catch {
        // not a JSON line: nothing to take from it
      }
      if (complete()) break;
    }
  } catch {
    // unreadable: only a source of old text
  } finally {
    lines.close();
    input.destroy();
  }
}

function takeCsvColumn(file: string, take: (text: unknown) => void, complete: () => boolean): void {
  let col = -2;
  try {
    readCsvRecords(file, (r) => {
      const field = (i: number) => utf8.decode(r.bytes.subarray(r.starts[i]!, r.ends[i]!));
      if (col === -2) {
        col = -1;
        for (let i = 0; i < r.count && col < 0; i++) if (field(i).trim() === 'text') col = i;
        return col >= 0;
      }
      if (col < r.count) take(field(col));
      return !complete();
    });
  } catch {
    // unreadable: only a source of old text
  }
}
