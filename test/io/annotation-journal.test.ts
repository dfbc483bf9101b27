import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { QcodeError } from '../../src/core/diagnostics/qcode-error.js';
import type { Segment } from '../../src/core/model/segment.js';
import { computeTextSha } from '../../src/core/util/hash.js';
import { compactJournal } from '../../src/io/annotation-journal.js';

const codebook = parseCodebook('name: t\nversion: 1.0.0\ncategories:\n  - id: topic\n    label: T\n    codes:\n      - {id: trade, label: Trade, definition: d}\n', 'cb.yaml').codebook!;
const segs = (texts: string[]): Segment[] => texts.map((text, i) => ({ segment_id: `a:s${i + 1}`, doc_id: 'a', unit: 'sentence', index: i + 1, start: 0, end: 0, text }));

function journalFor(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-journal-'));
  const entry = { segment_id: 'a:s1', doc_id: 'a', text_sha: computeTextSha(text), codes: ['trade'], memo: '' };
  writeFileSync(path.join(dir, 'ana.journal.jsonl'), `${JSON.stringify(entry)}\n`);
  return path.join(dir, 'ana.csv');
}

describe('compactJournal', () => {
  it('folds a journal confirmed on the current text into the coding file, fingerprinted', async () => {
    const file = journalFor('Tariffs rose.');
    const r = await compactJournal(file, { coder: 'ana', codebook, segments: segs(['Tariffs rose.']) });
    expect(r.codings).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(`segment_id,doc_id,text_sha,coder,category,code,memo\na:s1,a,${computeTextSha('Tariffs rose.')},ana,topic,trade,\n`);
    expect(existsSync(file.replace('.csv', '.journal.jsonl'))).toBe(false);
  });

  it('never folds a confirmation of text that has changed since: QC420/QC421, journal left in place', async () => {
    for (const [now, code] of [
      [['Markets opened.', 'Tariffs rose.'], 'QC420'],
      [['Tariffs fell.'], 'QC421'],
    ] as const) {
      const file = journalFor('Tariffs rose.');
      const err = await compactJournal(file, { coder: 'ana', codebook, segments: segs([...now]) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QcodeError);
      expect((err as QcodeError).diagnostics.map((d) => d.code)).toEqual([code]);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(file.replace('.csv', '.journal.jsonl'))).toBe(true);
    }
  });
});
