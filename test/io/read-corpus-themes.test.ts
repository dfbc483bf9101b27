import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodingTable } from '../../src/io/read-coding-table.js';
import { readCorpusThemes } from '../../src/io/read-corpus-themes.js';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable } from '../../src/io/read-segment-table.js';
import { readStudy } from '../../src/io/read-study.js';
import { ThemesPass } from '../../src/io/themes-pass.js';
import { countThemesInSlices } from '../../src/io/themes-thread.js';
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

  /**
   * A JSONL corpus whose halves differ: ties at the most matches in both,
   * a term spelt one way in the first half and mostly another in the second,
   * terms first met in the second, tied documents enough to outgrow a small
   * candidate budget in one half.
   */
  async function jsonlStudy() {
    const dir = copyFixture('projects/two-coders');
    const lines: string[] = [];
    for (let i = 0; i < 80; i++) {
      const early = i < 40;
      const text = [
        `Trade with ${early ? (i % 4 ? 'Mexico' : 'México') : i % 5 ? 'México' : 'MEXICO'} is good ${i % 7 === 0 ? 'and great' : ''}.`,
        `The police said tariffs are terrible for ${early ? 'farmers' : 'exporters and ranchers'} number ${i % 5}.`,
        i % 4 === 0 ? 'Cartels and police, good trade, bad tariffs.' : `Plain words about ${early ? 'rivers' : 'mountains'}.`,
      ].join(' ');
      lines.push(JSON.stringify({ id: `doc${i}`, text, source: early ? 'a' : 'b' }));
    }
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'qcode.yaml'), 'codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: sentence\n');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const study = await readSegmentTable(await readProject(dir));
    const { codings } = await readCodingTable(path.join(dir, 'out', 'codings', 'auto.csv'), { codebook: study.codebook, segments: study.segments, coder: 'auto' });
    return { dir, study, codings };
  }

  it('gives the same themes from a JSONL corpus counted in slices (threads) as from one pass, candidates overflowing or not', async () => {
    const { study, codings } = await jsonlStudy();
    const input = { top: 30, exemplars: 3 };
    const onePass = await readCorpusThemes(study, codings, { ...input, slices: 1 }, {});
    expect(onePass.some((t) => t.exemplars.length === 3)).toBe(true);
    expect(onePass.flatMap((t) => t.terms.map((k) => k.term))).toContain('méxico');
    for (const slices of [2, 3, 5])
      for (const candidateBudget of [undefined, 0, 3000]) expect(await readCorpusThemes(study, codings, { ...input, slices, candidateBudget }, {}), `${slices} slices, budget ${candidateBudget}`).toEqual(onePass);
    // The slices were counted apart, not left to one pass.
    const pass = new ThemesPass(study.segments, codings, study.codebook, 3);
    expect(await countThemesInSlices(study, codings, pass, input, {}, 2)).toBe(true);
  }, 60_000);

  it('reports a corpus changed between the passes when counted in slices (QC010)', async () => {
    const { dir, study, codings } = await jsonlStudy();
    const file = path.join(dir, 'corpus.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"doc70"', '"doc7x"'));
    await expect(readCorpusThemes(study, codings, { top: 8, exemplars: 3, slices: 2 }, {})).rejects.toMatchObject({ diagnostics: [{ code: 'QC010' }] });
  }, 60_000);
});
