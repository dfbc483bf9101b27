import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodingTable } from '../../src/io/read-coding-table.js';
import { readCorpusThemes } from '../../src/io/read-corpus-themes.js';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable } from '../../src/io/read-segment-table.js';
import { readStudy } from '../../src/io/read-study.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// themes picks its exemplars among candidates kept in its one pass; past the
// candidates' memory budget it picks them in a second pass over the corpus.
// Both ways must give the same themes.

describe('readCorpusThemes', () => {
  it('gives the same themes when its exemplar candidates overflow and a second pass picks them', async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const study = await readSegmentTable(await readProject(dir));
    const file = path.join(dir, 'out', 'codings', 'auto.csv');
    const { codings } = await readCodingTable(file, { codebook: study.codebook, segments: study.segments, coder: 'auto' });
    const input = { top: 5, exemplars: 2 };
    const onePass = await readCorpusThemes(study, codings, input, {});
    expect(onePass.some((t) => t.exemplars.length > 0)).toBe(true);
    expect(await readCorpusThemes(study, codings, { ...input, candidateBudget: 0 }, {})).toEqual(onePass);
  }, 60_000);

  it("quotes each exemplar as the study's segment text, in documents with characters beyond the BMP (code points are not UTF-16 units)", async () => {
    const dir = copyFixture('projects/two-coders');
    writeFileSync(
      path.join(dir, 'corpus', 'c.md'),
      '---\nid: c\ntype: news\n---\n😀 Trade 🇲🇽 is good 😀😀. The police 𝔰𝔞𝔦𝔡 the tariffs are terrible. Plain words 😀 then trade again.\n\n𝟙𝟚 Cartels and police, 🙂 good trade.\n',
    );
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const project = await readProject(dir);
    const study = await readSegmentTable(project);
    const { codings } = await readCodingTable(path.join(dir, 'out', 'codings', 'auto.csv'), { codebook: study.codebook, segments: study.segments, coder: 'auto' });
    const texts = new Map((await readStudy(project)).segments.map((s) => [s.segment_id, s.text]));
    const themes = await readCorpusThemes(study, codings, { top: 5, exemplars: 10 }, {});
    const quoted = themes.flatMap((t) => t.exemplars).filter((e) => e.segment_id.startsWith('c:'));
    expect(quoted.length).toBeGreaterThan(2);
    for (const e of quoted) expect(e.text, e.segment_id).toBe(texts.get(e.segment_id));
  }, 60_000);
});
