import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

describe('qcode import', () => {
  it('gives the identical canonical file from long, wide and list layouts', async () => {
    const dir = copyFixture('projects/two-coders');
    const outputs: string[] = [];
    for (const format of ['long', 'wide', 'list']) {
      const r = await runQcode(['import', `imports/${format}.csv`, '--coder', format, '-C', dir], { cwd: dir });
      expect(r.stderr).toMatch(/7 codings on 5 reviewed segments/);
      expect(r.code).toBe(0);
      outputs.push(readFileSync(path.join(dir, `out/codings/${format}.csv`), 'utf8').replaceAll(`,${format},`, ',CODER,'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[0]).toBe(
      [
        // text_sha: the first 16 hex digits of sha-256 of the segment's text, e.g. of 'Trade talks went well.' for a:s1.
        'segment_id,doc_id,text_sha,coder,category,code,memo',
        'a:s1,a,e2ce13dfae8771a7,CODER,topic,trade,',
        'a:s2,a,867320c4489f00fb,CODER,topic,trade,farmers',
        'a:s2,a,867320c4489f00fb,CODER,tone,negative,farmers',
        'a:s3,a,dc938a780d873a7f,CODER,topic,security,',
        'a:s4,a,a42034ccda1ee3b2,CODER,,,',
        'b:s1,b,d9f9c5555796c9ea,CODER,topic,trade,',
        'b:s1,b,d9f9c5555796c9ea,CODER,topic,security,',
        'b:s1,b,d9f9c5555796c9ea,CODER,tone,positive,',
        '',
      ].join('\n'),
    );
  });

  it('never overwrites a coder file without --force', async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'ana'], { cwd: dir })).code).toBe(0);
    const file = path.join(dir, 'out/codings/ana.csv');
    // The coder's own edit since the import: replacing the file would lose it.
    writeFileSync(file, readFileSync(file, 'utf8').replace(',farmers', ',farmers (checked)'));
    const again = await runQcode(['import', 'imports/wide.csv', '--coder', 'ana'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('QC004');
    expect((await runQcode(['import', 'imports/wide.csv', '--coder', 'ana', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('reports a stray column with its position and did-you-mean, exit 2', async () => {
    const dir = copyFixture('projects/two-coders');
    const r = await runQcode(['import', 'imports/malformed-long.csv', '--coder', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("imports/malformed-long.csv:1:17 - error QC406: unknown column 'colour'");
    expect(existsSync(path.join(dir, 'out/codings/x.csv'))).toBe(false);
  });

  it('reports every bad row: unknown code and segment, exclusive violation, duplicate', async () => {
    const dir = copyFixture('projects/two-coders');
    const r = await runQcode(['import', 'imports/malformed-rows.csv', '--coder', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const lines = r.stderr.split('\n').filter((l) => / - error /.test(l));
    expect(lines).toEqual([
      "imports/malformed-rows.csv:2:6 - error QC402: unknown code 'trad'",
      "imports/malformed-rows.csv:3:1 - error QC401: unknown segment 'a:s9'",
      "imports/malformed-rows.csv:5:6 - error QC404: segment 'a:s2' has codes 'positive' and 'negative' of exclusive category 'tone'",
      "imports/malformed-rows.csv:7:1 - error QC405: segment 'a:s3' has code 'security' twice for coder 'x'",
    ]);
    expect(r.stderr).toContain("did you mean 'trade'?");
  });

  it('rejects a wide cell that is not 0/1 and a code column that does not exist', async () => {
    const dir = copyFixture('projects/two-coders');
    writeFileSync(path.join(dir, 'bad-wide.csv'), 'segment_id,trade,securty\na:s1,yes,0\n');
    const r = await runQcode(['import', 'bad-wide.csv', '--coder', 'x', '--format', 'wide'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad-wide.csv:1:18 - error QC406: column 'securty' is not a code id (did you mean 'security'?)");
  });
});

describe('coding files and provenance', () => {
  it('warns (QC410) when a coding file was made from another codebook or corpus', async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'gold'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['import', 'imports/auto-list.csv', '--coder', 'auto'], { cwd: dir })).code).toBe(0);
    const quiet = await runQcode(['evaluate', '--gold', 'gold'], { cwd: dir });
    expect(quiet.stderr).not.toContain('QC410');
    const codebook = path.join(dir, 'codebook.yaml');
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('version: 1.0.0', 'version: 1.1.0'));
    writeFileSync(path.join(dir, 'corpus/c.md'), 'A new document about trade.\n');
    const r = await runQcode(['evaluate', '--gold', 'gold'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('out/codings/gold.csv - warning QC410: out/codings/gold.csv was made with codebook two-coders 1.0.0');
    expect(r.stderr).toContain('warning QC410: out/codings/gold.csv was made from a different corpus');
  });
});
