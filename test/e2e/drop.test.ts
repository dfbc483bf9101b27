import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** The two-coders fixture with a wire service's sign-off under each document, and a drop: list for it. */
function project(drop: string): string {
  const dir = copyFixture('projects/two-coders');
  for (const doc of ['a', 'b']) {
    const file = path.join(dir, `corpus/${doc}.md`);
    writeFileSync(file, `${read(dir, `corpus/${doc}.md`).trimEnd()}\n\n(Reporting by Ana Ruiz; Editing by Ben Cole.)\n`);
  }
  writeFileSync(path.join(dir, 'qcode.yaml'), `${read(dir, 'qcode.yaml')}drop:\n  - ${drop}\n`);
  return dir;
}

describe('drop: boilerplate in qcode.yaml', () => {
  it('leaves matching segments out, keeps the other ids, and says how many in the summary and the manifest', async () => {
    const dir = project('"reporting by"');
    const r = await runQcode(['segment'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('6 sentence segments in 2 documents (2 left out as boilerplate by drop: in qcode.yaml)');
    const csv = read(dir, 'out/segments.csv');
    expect(csv).not.toContain('Reporting by');
    expect(csv).toContain('a:s4,a,sentence,4,');
    const entry = JSON.parse(read(dir, 'out/manifest.json')).outputs['out/segments.csv'];
    expect(entry).toMatchObject({ segments: 6, details: { drop: ['reporting by'], dropped: 2 } });
    // The auto-coder leaves them out too, held in memory or streamed.
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'out/codings/auto.csv')).not.toMatch(/a:s5|b:s3/);
  });

  it('a drop pattern the codebook would refuse is an error at its place in qcode.yaml', async () => {
    const dir = project('"/(a+)+$/"');
    const r = await runQcode(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/qcode\.yaml:5:5 - error QC101: drop pattern '\/\(a\+\)\+\$\/'/);
  });

  it('the streamed coder drops what the study drops', async () => {
    const dir = project('"reporting by"');
    const docs = ['a', 'b'].map((id) => ({ id, text: read(dir, `corpus/${id}.md`).replace(/^---[\s\S]*?---\n/, '') }));
    writeFileSync(path.join(dir, 'corpus.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    writeFileSync(path.join(dir, 'qcode.yaml'), read(dir, 'qcode.yaml').replace('corpus: corpus', 'corpus: corpus.jsonl'));
    for (const unit of ['sentence', 'paragraph', 'document']) {
      expect((await runQcode(['code', '--unit', unit, '-o', `mem-${unit}.csv`, '-q'], { cwd: dir })).code).toBe(0);
      expect((await runQcode(['code', '--unit', unit, '--stream', '-o', `str-${unit}.csv`, '-q'], { cwd: dir })).code).toBe(0);
      expect(read(dir, `str-${unit}.csv`), unit).toBe(read(dir, `mem-${unit}.csv`));
    }
    expect(read(dir, 'mem-paragraph.csv')).not.toContain('a:p3');
    // At document unit a document that matches is left out whole.
    expect(read(dir, 'mem-document.csv').trim().split('\n')).toHaveLength(1);
  });
});
