import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTextSha } from '../../src/core/util/hash.js';
import { readOldTexts } from '../../src/io/read-old-texts.js';

// rebase's source of old text for orphans: any CSV with a text column or JSON
// Lines with a text key, streamed (a large corpus's segments file is longer
// than one string may be), a text taken only when it hashes to a wanted fingerprint.
const dir = mkdtempSync(path.join(tmpdir(), 'qcode-old-texts-'));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const wanted = (...texts: string[]) => new Set(texts.map(computeTextSha));

describe('readOldTexts', () => {
  it('takes quoted CSV text (a comma, a quote, a line break) from the text column of a file with a BOM and CRLF lines', async () => {
    const odd = 'Aranceles, "dijo", y\nmás';
    const csv = file('segments.csv', `\uFEFFsegment_id,text,doc_id\r\na:s1,"${odd.replace(/"/g, '""')}",a\r\na:s2,Otra frase.,a\r\n`);
    const found = await readOldTexts([csv], wanted(odd, 'not in any file'));
    expect([...found.values()]).toEqual([odd]);
  });

  it('takes JSON Lines text, skipping lines that are not JSON, and a text whose hash is not wanted', async () => {
    const jsonl = file('old.jsonl', `${JSON.stringify({ text: 'Un café en México.' })}\nnot json\n${JSON.stringify({ text: 'unwanted' })}\n`);
    const found = await readOldTexts([jsonl], wanted('Un café en México.'));
    expect(found).toEqual(new Map([[computeTextSha('Un café en México.'), 'Un café en México.']]));
  });

  it('skips a missing file, a CSV without a text column and an unterminated quote, and reads on in the next file', async () => {
    const noText = file('no-text.csv', 'segment_id,words\na:s1,Tariffs rose.\n');
    const broken = file('broken.csv', 'text\n"never closed\n');
    const good = file('sample.csv', 'text\nTariffs rose.\n');
    const found = await readOldTexts([path.join(dir, 'missing.csv'), noText, broken, good], wanted('Tariffs rose.'));
    expect([...found.values()]).toEqual(['Tariffs rose.']);
  });
});
