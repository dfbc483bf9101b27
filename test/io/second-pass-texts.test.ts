import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/io/read-project.js';
import { forEachStudyDocument, readSegmentTable } from '../../src/io/read-segment-table.js';
import { readStudy } from '../../src/io/read-study.js';
import { copyFixture } from '../helpers/run-cli.js';

// The text pass of the streamed commands: each segment's text sliced out of
// its streamed document by the table's code-point offsets must be the text
// readStudy gives (a JSONL corpus with escapes, tabs, CRLF, astral characters).
describe('forEachStudyDocument', () => {
  it('gives every segment the text readStudy gives it, document by document', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const file = path.join(dir, 'corpus.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"id":"astral","text":"😀 Tariffs rose. 𝒳 cartel 😀 near.\\n\\nMore 🇲🇽 text."}\n`);
    const project = await readProject(dir);
    const study = await readStudy(project);
    const compact = await readSegmentTable(project);
    const texts: string[] = [];
    const ids: string[] = [];
    await forEachStudyDocument(compact, {}, () => true, (_d, _doc, segments) => {
      for (const s of segments) {
        texts.push(s.text);
        ids.push(s.segment_id);
      }
    });
    expect(texts).toEqual(study.segments.map((s) => s.text));
    expect(ids).toEqual(study.segments.map((s) => s.segment_id));
  });

  it('refuses a corpus that changed since the table was read (QC010)', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const project = await readProject(dir);
    const compact = await readSegmentTable(project);
    const file = path.join(dir, 'corpus.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
    await expect(forEachStudyDocument(compact, {}, () => true, () => undefined)).rejects.toThrow(/changed while qcode was reading it/);
  });
});
