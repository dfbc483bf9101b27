import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 16, point 7: a 7.8 MB ratings file with a wrong field count on every
// row printed 600,000 QC601 lines (26 s, 1.95 GB). Now 50 of a kind are
// shown, then how many more, and a reader stops once the file is clearly not
// what it claims.
const lines = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;

describe('bounded diagnostics', () => {
  it('agree --ratings on 200,000 rows of the wrong width: 50 errors shown, reading stopped at 1,000 (failed before: 200,000 printed)', async () => {
    const dir = copyFixture('projects/tiny');
    const rows = Array.from({ length: 200_000 }, (_, i) => `u${i},1`);
    writeFileSync(path.join(dir, 'ratings.csv'), `unit,alice,bob\n${rows.join('\n')}\n`);
    const r = await runQcode(['agree', '--ratings', 'ratings.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr, /error QC601: expected 3 fields as in the header, found 2/)).toBe(50);
    expect(r.stderr).toContain('… and 950 more errors QC601 like these, not shown');
    expect(r.stderr).toContain('ratings.csv:1001 - error QC009: stopped reading after 1000 errors: this does not look like a ratings table');
    expect(r.stderr.split('\n').length).toBeLessThan(120);
  });

  it('a coding file broken on every row: 50 rows shown, reading stopped (failed before: one error per row)', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const rows = Array.from({ length: 5_000 }, (_, i) => `news-01:p1,news-01,x,${i}`);
    writeFileSync(path.join(dir, 'out/codings/carol.csv'), `segment_id,doc_id,coder,category,code,memo\n${rows.join('\n')}\n`);
    const r = await runQcode(['freq', '--coder', 'carol'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr, /error QC411: row has 4 fields, the header has 6/)).toBe(50);
    expect(r.stderr).toContain('… and 950 more errors QC411 like these, not shown');
    expect(r.stderr).toContain('error QC009: stopped reading after 1000 rows that do not fit the header');
  });

  it('validate --json counts every problem and lists 50 of a kind', async () => {
    const dir = copyFixture('projects/tiny');
    const docs = Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `d${i % 2}`, text: 'same id' }));
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${docs.join('\n')}\n`);
    const r = await runQcode(['validate', '--corpus', 'corpus.jsonl', '--json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { errors: number; diagnostics: { code: string; omitted?: number }[] };
    expect(out.errors).toBe(118);
    expect(out.diagnostics.filter((d) => d.code === 'QC303' && d.omitted === undefined)).toHaveLength(50);
    expect(out.diagnostics.find((d) => d.omitted !== undefined)).toMatchObject({ code: 'QC303', omitted: 68 });
  });
});
