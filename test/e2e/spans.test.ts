import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';
import { withoutColumn } from '../helpers/without-column.js';

const FIXTURE = 'projects/spans-two-coders';

beforeAll(async () => {
  await Promise.all([import('../../src/cli/commands/agree.js'), import('../../src/cli/agree-spans.js'), import('../../src/io/span-agreement.js'), import('../../src/cli/commands/units.js')]);
});

describe('agree --spans', () => {
  it('computes the uα family over the coded documents, a code worked by hand', async () => {
    const dir = copyFixture(FIXTURE);
    const r = await runQcode(['agree', '--spans', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { coders: string[]; documents: string[]; length: number; results: { scope: string; id: string; metrics: Record<string, number | null>; notes: string[] }[] };
    expect(result).toMatchObject({ coders: ['ann', 'ben'], documents: ['d1', 'd2'], length: 117 });
    const pos = result.results.find((x) => x.scope === 'code' && x.id === 'pos')!;
    // "pos": ann codes d2 [0,21), ben d2 [0,35); d2 starts at 81 of 117. Coincidences: ∅∅ 164, pp 42,
    // ∅p = p∅ = 14; margins ∅ 178, p 56; self-pairings 21² + 35² + (81 + 15 + 81 + 1) = 1844.
    const e = (234 * 178 * 56) / (234 * 234 - 1844);
    expect(pos.metrics.u_alpha).toBeCloseTo(1 - 28 / (2 * e), 12);
    // NVivo's κ over characters: both 21, ben only 14, neither 82 of 117.
    const chance = (21 * 35 + 96 * 82) / 117;
    expect(pos.metrics.kappa_characters).toBeCloseTo((103 - chance) / (117 - chance), 12);
    expect(pos.metrics.percent_characters).toBeCloseTo(103 / 117, 12);
    expect(result.results.find((x) => x.id === 'farm')!.metrics.u_alpha).toBe(1);
    const all = result.results.find((x) => x.scope === 'all')!;
    expect(all.metrics.u_alpha).toBeNull();
    expect(all.notes[0]).toMatch(/u_alpha: ann's spans of neg and farm overlap \(d1 at 20\)/);
  });

  it('prints tables with the sources and NVivo’s figures labelled as such', async () => {
    const dir = copyFixture(FIXTURE);
    const r = await runQcode(['agree', '--spans', '--coders', 'ben,ann'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agreement on spans: 2 coders (ben, ann), 2 document(s), 117 characters');
    expect(r.stdout).toMatch(/pos\s+0\.682\s+1\.000\s+88\.0%\s+0\.678/);
    expect(r.stdout).toContain('κ over characters are the figures NVivo’s coding comparison reports');
    expect(r.stdout).toContain('Quality & Quantity, 50(6), 2347–2364');
  });

  it('wants two coders with span files and no coding-file arguments', async () => {
    const dir = copyFixture(FIXTURE);
    const one = await runQcode(['agree', '--spans', '--coders', 'ann'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('QC604');
    const missing = await runQcode(['agree', '--spans', '--coders', 'ann,zoe'], { cwd: dir });
    expect(missing.stderr).toContain('error QC825: no span file out/codings/spans/zoe.csv');
    const files = await runQcode(['agree', '--spans', 'out/codings/spans/ann.csv'], { cwd: dir });
    expect(files.stderr).toContain('QC001');
    const unused = await runQcode(['agree', '--spans', '--fail-under', '0.8'], { cwd: dir });
    expect(unused.stderr).toContain('error QC001: --fail-under does not apply to --spans');
  });
});

describe('agree --spans on the published example of Krippendorff (2004)', () => {
  it('reproduces αU (2004) for c, k and both, where the 2016 family is undefined for both', async () => {
    // Krippendorff (2004), Quality & Quantity 38, Appendix (Content Analysis, 2nd ed., p. 254): the
    // continuum 150–450 as one 300-character document, each coder's units as spans (data and values
    // as DKPro Statistics' tests of the example give them; core test: alpha-u-2004.test.ts).
    const dir = copyFixture('projects/spans-krippendorff-2004');
    const r = await runQcode(['agree', '--spans', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { length: number; results: { scope: string; id: string; metrics: Record<string, number | null> }[] };
    expect(result.length).toBe(300);
    const alpha = (scope: string, id: string) => result.results.find((x) => x.scope === scope && x.id === id)!.metrics.alpha_u_2004!;
    expect(alpha('code', 'c').toFixed(4)).toBe('0.7286');
    expect(alpha('code', 'k')).toBe(1);
    expect(alpha('all', 'all codes').toFixed(4)).toBe('0.8587');
    // Coder i's c and k overlap, which the 2016 family cannot take and αU, one code at a time, can.
    expect(result.results.find((x) => x.scope === 'all')!.metrics.u_alpha).toBeNull();
    const text = await runQcode(['agree', '--spans'], { cwd: dir });
    expect(text.stdout).toMatch(/All codes\s+— \[1\]\s+— \[1\]\s+— \[1\]\s+0\.859/);
    expect(text.stdout).toContain('Measuring the reliability of qualitative text analysis data');
  });
});

describe('span files', () => {
  it('are checked against the documents: every bad row reported with its position', async () => {
    const dir = copyFixture(FIXTURE);
    const file = path.join(dir, 'out/codings/spans/ann.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = 'd1,0,19,trade,Tariffs fell again.,';
    lines[2] = 'd9,20,38,neg,Farmers were angry,';
    lines[3] = 'd1,20,500,farm,x,';
    lines[4] = 'd1,58,80,trad,Prices fell in spring.,';
    lines.push('d2,0,21,pos,The harvest was good.,', '');
    writeFileSync(file, lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n'));
    const r = await runQcode(['agree', '--spans'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const errors = r.stderr.split('\n').filter((l) => / - error /.test(l));
    expect(errors).toEqual([
      `out/codings/spans/ann.csv:2:15 - error QC823: span [0, 19) of 'd1' says "Tariffs fell again." but the document has "Tariffs rose again."`,
      "out/codings/spans/ann.csv:3:1 - error QC821: unknown document 'd9' (did you mean 'd1'?)",
      "out/codings/spans/ann.csv:4:4 - error QC822: span [20, 500) of 'd1': end is beyond the document's 81 code points",
      "out/codings/spans/ann.csv:5:10 - error QC402: unknown code 'trad' (did you mean 'trade'?)",
      'out/codings/spans/ann.csv:7:1 - error QC824: span [0, 21) of \'d2\' with code \'pos\' is also on line 6',
    ]);
  });
});

describe('units --from-spans, then agree', () => {
  it('turns both coders’ spans into sentence codings that agree and freq read', async () => {
    const dir = copyFixture(FIXTURE);
    const units = await runQcode(['units', '--from-spans', 'ann,ben', '--rule', 'majority'], { cwd: dir });
    expect(units.code, units.stderr).toBe(0);
    expect(units.stdout).toContain('a sentence was coded with a code when spans of that code covered more than half of its characters');
    expect(withoutColumn(readFileSync(path.join(dir, 'out/codings/ben.csv'), 'utf8'), 'text_sha')).toBe(
      ['segment_id,doc_id,coder,category,code,memo', 'd1:s1,d1,ben,topic,trade,', 'd1:s2,d1,ben,topic,farm,', 'd1:s2,d1,ben,tone,neg,', 'd1:s3,d1,ben,,,', 'd2:s1,d2,ben,tone,pos,', 'd2:s2,d2,ben,topic,trade,', 'd2:s2,d2,ben,tone,pos,', ''].join('\n'),
    );
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { outputs: Record<string, { details: Record<string, unknown> }> };
    expect(manifest.outputs['out/codings/ann.csv']!.details).toMatchObject({ from_spans: 'out/codings/spans/ann.csv', rule: 'majority', reviewed: 'documents' });
    const agree = await runQcode(['agree', '--coders', 'ann,ben', '--json'], { cwd: dir });
    expect(agree.code, agree.stderr).toBe(0);
    expect(JSON.parse(agree.stdout).units).toBe(5);
    // Made from spans: a rerun with another rule replaces the file without --force.
    expect((await runQcode(['units', '--from-spans', 'ann', '--rule', 'any'], { cwd: dir })).code).toBe(0);
  });

  it('never replaces a coding file that was not made from spans', async () => {
    const dir = copyFixture(FIXTURE);
    writeFileSync(path.join(dir, 'out/codings/ann.csv'), 'segment_id,doc_id,coder,category,code,memo\nd1:s1,d1,ann,topic,trade,\n');
    const r = await runQcode(['units', '--from-spans', 'ann'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC004');
    const bad = await runQcode(['units', '--from-spans', 'ann', '--rule', 'cover:0'], { cwd: dir });
    expect(bad.stderr).toContain('QC826');
  });
});
