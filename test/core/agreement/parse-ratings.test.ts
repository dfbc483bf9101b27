import { describe, expect, it } from 'vitest';
import { parseRatings } from '../../../src/core/agreement/parse-ratings.js';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { QcodeError } from '../../../src/core/diagnostics/qcode-error.js';

const file = 'ratings.csv';

function problems(text: string, extra: Partial<Parameters<typeof parseRatings>[1]> = {}) {
  try {
    parseRatings(text, { file, level: 'nominal', ...extra });
  } catch (e) {
    if (e instanceof QcodeError) return e.diagnostics.map((d) => `${d.code} ${d.location?.line ?? '-'}:${d.location?.col ?? '-'} ${d.message}`);
    throw e;
  }
  return [];
}

describe('parseRatings', () => {
  it('reads the wide layout with empty cells as missing and numeric categories in numeric order', () => {
    const { table, unitId } = parseRatings('unit,ann,ben\nu1,10,2\nu2,,2\nu3,2,10\n', { file, level: 'nominal' });
    expect(table.coders).toEqual(['ann', 'ben']);
    expect([0, 1, 2].map(unitId)).toEqual(['u1', 'u2', 'u3']);
    expect(table.categories).toEqual(['2', '10']);
    expect(Array.from(table.data)).toEqual([1, 0, -1, 0, 0, 1]);
  });

  it('reads the long layout, coders in order of appearance', () => {
    const { table } = parseRatings('unit,coder,value\n1,zoe,a\n1,amy,b\n2,amy,a\n2,zoe,\n', { file, level: 'nominal' });
    expect(table.coders).toEqual(['zoe', 'amy']);
    expect(table.categories).toEqual(['a', 'b']);
    expect(Array.from(table.data)).toEqual([0, 1, -1, 0]);
  });

  it('keeps declared categories in the declared order, unused ones included, and they count for AC1, BP and weights', () => {
    const text = 'unit,a,b\n1,low,low\n2,mid,low\n3,high,high\n4,high,mid\n5,mid,mid\n6,mid,high\n7,low,mid\n';
    const three = parseRatings(text, { file, level: 'ordinal', categories: ['low', 'mid', 'high'] });
    const four = parseRatings(text, { file, level: 'ordinal', categories: ['low', 'mid', 'upper-mid', 'high'] });
    expect(four.table.categories).toEqual(['low', 'mid', 'upper-mid', 'high']);
    const m3 = computeAgreementMetrics(three.table, { level: 'ordinal' }).metrics;
    const m4 = computeAgreementMetrics(four.table, { level: 'ordinal' }).metrics;
    expect(m3.brennan_prediger).toBeCloseTo((3 / 7 - 1 / 3) / (1 - 1 / 3), 12);
    expect(m4.brennan_prediger).toBeCloseTo((3 / 7 - 1 / 4) / (1 - 1 / 4), 12);
    expect(m3.gwet_ac1).not.toBeCloseTo(m4.gwet_ac1 as number, 6);
    // Unused categories change nothing for κ and α; one in the middle moves the weight positions.
    expect(m3.cohen_kappa).toBeCloseTo(m4.cohen_kappa as number, 12);
    expect(m3.krippendorff_alpha).toBeCloseTo(m4.krippendorff_alpha as number, 12);
    expect(m3.kappa_quadratic).toBeCloseTo(0.5, 12);
    expect(m4.kappa_quadratic).toBeCloseTo(31 / 66, 12);
  });

  it('reports every problem with its place', () => {
    expect(problems('unit,a,b\n1,x,y\n1,x,x\n2,x\n3,z,x\n', { categories: ['x', 'y'] })).toEqual([
      "QC603 3:- unit '1' appears twice (first on line 2)",
      'QC601 4:- expected 3 fields as in the header, found 2',
      "QC602 5:2 'z' is not among --categories",
    ]);
    expect(problems('unit,coder,value\n1,a,x\n1,a,y\n')[0]).toMatch(/^QC603 3:- a rates unit '1' twice/);
    expect(problems('item,a,b\n1,x,y\n')[0]).toMatch(/^QC601 1:1/);
    expect(problems('unit,a\n1,x\n')[0]).toMatch(/^QC604/);
    expect(problems('unit,a,b\n')[0]).toMatch(/^QC609/);
    expect(problems('unit,a,a\n1,x,y\n')[0]).toMatch(/^QC611 1:3/);
    expect(problems('unit,a,b\n1,low,high\n', { level: 'interval' })[0]).toMatch(/^QC605/);
    expect(problems('unit,a,b\n1,-1,2\n', { level: 'ratio' })[0]).toMatch(/^QC605/);
    expect(problems('unit,a,b\n1,x,y\n', { categories: ['x', 'y', 'x'] })[0]).toMatch(/^QC608/);
  });

  it('warns when an ordinal order is a guess', () => {
    const { diagnostics } = parseRatings('unit,a,b\n1,low,high\n', { file, level: 'ordinal' });
    expect(diagnostics.map((d) => d.code)).toEqual(['QC610']);
  });
});
