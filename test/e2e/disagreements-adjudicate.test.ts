import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('qcode disagreements', () => {
  it('writes the golden CSV and Markdown for alice and bob', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['disagreements', '--coders', 'alice,bob'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('10 segments reviewed by both alice and bob: 5 coded alike, 5 with disagreements (7 segment × code rows)');
    expectGolden('disagreements/alice-bob.csv', read(dir, 'out/disagreements.csv'));
    const md = await runQcode(['disagreements', '--coders', 'alice,bob', '--format', 'md', '-o', '-'], { cwd: dir });
    expectGolden('disagreements/alice-bob.md', md.stdout);
  });

  it('needs two different, existing coders', async () => {
    // A copy: reading the study writes the segment index under out/, never into the fixture.
    const dir = copyFixture('double-coding-two-coders');
    const one = await runQcode(['disagreements', '--coders', 'alice'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('name exactly two coders');
    const same = await runQcode(['disagreements', '--coders', 'alice,alice'], { cwd: dir });
    expect(same.stderr).toContain('two different coders');
    const missing = await runQcode(['disagreements', '--coders', 'alice,zed', '-o', '-'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('QC412');
  });
});

describe('qcode adjudicate', () => {
  it('--prefer bob: golden coding file, never overwritten without --force', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'bob'], { cwd: dir });
    expect(r.stderr).toContain('gold: 10 segments');
    expect(r.code).toBe(0);
    expectGolden('adjudicate/gold-prefer-bob.csv', read(dir, 'out/codings/gold.csv'));
    const again = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'alice'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('QC004');
    const forced = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'alice', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    // The result is an ordinary coding file: disagreements can read it.
    const d = await runQcode(['disagreements', '--coders', 'alice,gold', '-o', '-'], { cwd: dir });
    expect(d.code).toBe(0);
    expect(d.stdout.trim().split('\n')).toHaveLength(1); // header only: gold = alice where both reviewed
  });

  it('--resolved: golden coding file from the decisions', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--resolved', 'resolved.csv'], { cwd: dir });
    expect(r.stderr).toBe(`gold: 10 segments (5 agreed, 7 rows decided, 0 as -); 3 segments only one coder reviewed left out → out/codings/gold.csv\n`);
    expect(r.code).toBe(0);
    expectGolden('adjudicate/gold-resolved.csv', read(dir, 'out/codings/gold.csv'));
    const manifest = JSON.parse(read(dir, 'out/manifest.json'));
    expect(manifest.outputs['out/codings/gold.csv'].details).toEqual({
      coder: 'gold',
      adjudicated: ['alice', 'bob'],
      prefer: null,
      resolved: 'resolved.csv',
    });
  });

  it('an undecided row fails with its line; --as may not be one of the coders', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const text = read(dir, 'resolved.csv').replace(/,neither\n/, ',\n');
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(dir, 'resolved.csv'), text);
    const r = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--resolved', 'resolved.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('resolved.csv:2 - error QC510: news-01:p2 × economic: no decision (alice 0, bob 1)');
    const self = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'alice', '--prefer', 'bob'], { cwd: dir });
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('QC509');
  });

  it('without --prefer or --resolved it is interactive: no terminal → QC006', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error QC006');
    expect(r.stderr).toContain('--resolved FILE');
  });
});
