import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable } from '../../src/io/read-segment-table.js';
import { readStudy } from '../../src/io/read-study.js';
import { streamSegmentTexts } from '../../src/io/stream-segment-texts.js';
import { copyFixture } from '../helpers/run-cli.js';

// The text pass of the streamed commands: each segment's text sliced out of
// its streamed document by the table's code-point offsets must be the text
// readStudy gives (a JSONL corpus with escapes, tabs, CRLF, astral characters).
describe('streamSegmentTexts', () => {
  it('gives every segment the text readStudy gives it, document by document', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const file = path.join(dir, 'corpus.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"id":"astral","text":"😀 Tariffs rose. 𝒳 cartel 😀 near.\\n\\nMore 🇲🇽 text."}\n`);
    const project = await readProject(dir);
    const study = await readStudy(project);
    const compact = await readSegmentTable(project);
    const texts: string[] = [];
    const ids: string[] = [];
    for await (const { d, text, segments } of streamSegmentTexts(compact, {})) {
      const { from, to } = compact.segments.segmentsOf(d);
      for (let n = from; n < to; n++) texts.push(text(n));
      for (const s of segments()) ids.push(s.segment_id);
    }
    expect(texts).toEqual(study.segments.map((s) => s.text));
    expect(ids).toEqual(study.segments.map((s) => s.segment_id));
  });

  it('refuses a corpus that changed since the table was read (QC003)', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const project = await readProject(dir);
    const compact = await readSegmentTable(project);
    const file = path.join(dir, 'corpus.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
    const pass = async () => {
      for await (const _ of streamSegmentTexts(compact, {})) void _;
    };
    await expect(pass()).rejects.toThrow(/changed while qcode was reading it/);
  });
});
