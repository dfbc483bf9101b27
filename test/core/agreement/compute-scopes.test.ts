import { describe, expect, it } from 'vitest';
import { computeScopes } from '../../../src/core/agreement/compute-scopes.js';
import { computeAgreementMetrics } from '../../../src/core/agreement/compute-agreement.js';
import { buildRatingsTable } from '../../../src/core/agreement/ratings-table.js';
import type { Coding } from '../../../src/core/model/coding.js';
import { testCodebook } from '../../helpers/test-codebook.js';

const codebook = testCodebook('test', [
  { id: 'tone', exclusive: true, codes: ['pos', 'neg'] },
  { id: 'topic', exclusive: false, codes: ['econ', 'health'] },
]);

function codings(coder: string, rows: [string, string][]): Coding[] {
  return rows.map(([segment_id, c]) => ({
    segment_id,
    doc_id: segment_id.split(':')[0]!,
    coder,
    category: c === '' ? '' : c === 'pos' || c === 'neg' ? 'tone' : 'topic',
    code: c,
    memo: '',
  }));
}

const alice = codings('alice', [
  ['d:s1', 'pos'],
  ['d:s1', 'econ'],
  ['d:s2', 'neg'],
  ['d:s3', ''],
  ['d:s4', 'pos'],
  ['d:s4', 'health'],
  ['d:s5', 'pos'],
  ['d:s5', 'neg'],
]);
const bob = codings('bob', [
  ['d:s1', 'pos'],
  ['d:s2', 'neg'],
  ['d:s2', 'econ'],
  ['d:s3', ''],
  ['d:s4', 'neg'],
  ['d:s4', 'health'],
  ['d:s5', 'pos'],
  ['d:s6', 'pos'],
]);

describe('computeScopes', () => {
  const result = computeScopes(codebook, [
    { coder: 'alice', codings: alice },
    { coder: 'bob', codings: bob },
  ]);

  it('names coders, counts units and lists per-code, per-category, pooled and mean results in order', () => {
    expect(result.coders).toEqual(['alice', 'bob']);
    expect(result.units).toBe(6);
    expect(result.results.map((r) => `${r.scope}:${r.id}`)).toEqual([
      'code:pos',
      'code:neg',
      'code:econ',
      'code:health',
      'category:tone',
      'pooled:all',
      'mean:all',
    ]);
  });

  it('compares only segments both reviewed (s6 was not reviewed by alice)', () => {
    const pos = result.results[0]!;
    expect(pos.n).toBe(5);
    // pos: alice present on s1,s4,s5; bob on s1,s5 → agreements s1,s2,s3,s5 = 4 of 5.
    expect(pos.metrics.percent_agreement).toBeCloseTo(4 / 5, 12);
    expect(pos.confusion).toEqual({ categories: ['present', 'absent'], counts: [[2, 1], [0, 2]] });
  });

  it('treats two codes of an exclusive category as missing for that coder, with a note', () => {
    const tone = result.results[4]!;
    expect(tone.n).toBe(4);
    expect(tone.confusion!.categories).toEqual(['pos', 'neg', '(none)']);
    expect(tone.notes.join('\n')).toMatch(/1 segment where alice gave more than one code/);
  });

  it('pools every segment × code decision', () => {
    const pooled = result.results[5]!;
    expect(pooled.n).toBe(5 * 4);
    const stacked = ['pos', 'neg', 'econ', 'health'].flatMap((id) => {
      const segs = ['d:s1', 'd:s2', 'd:s3', 'd:s4', 'd:s5', 'd:s6'];
      return segs.map((s) =>
        [alice, bob].map((cs) =>
          !cs.some((c) => c.segment_id === s) ? null : cs.some((c) => c.segment_id === s && c.code === id) ? 0 : 1,
        ),
      );
    });
    const expected = computeAgreementMetrics(buildRatingsTable(['alice', 'bob'], ['present', 'absent'], stacked), { level: 'nominal' });
    expect(pooled.metrics).toEqual(expected.metrics);
  });

  it('averages per-code coefficients and leaves out and names codes where one is undefined', () => {
    const mean = result.results[6]!;
    const perCode = result.results.slice(0, 4);
    const pas = perCode.map((r) => r.metrics.percent_agreement as number);
    expect(mean.metrics.percent_agreement).toBeCloseTo(pas.reduce((a, b) => a + b) / 4, 12);
    // Standard errors and intervals do not average: null, with the reason.
    expect(mean.metrics.cohen_kappa_se).toBeNull();
    expect(mean.metrics.cohen_kappa_ci).toBeNull();
    expect(mean.notes.join('\n')).toMatch(/cohen_kappa_se.*: undefined, a mean over codes has no standard error/);
    const health = perCode[3]!;
    // health: both applied it on s4 only → defined; econ: never agreed.
    expect(typeof health.metrics.cohen_kappa).toBe('number');
    expect(mean.n).toBe(4);
  });

  it('orders units by the study order when given, with identical metrics', () => {
    const ordered = computeScopes(
      codebook,
      [
        { coder: 'alice', codings: alice },
        { coder: 'bob', codings: bob },
      ],
      { segmentOrder: ['d:s6', 'd:s5', 'd:s4', 'd:s3', 'd:s2', 'd:s1'] },
    );
    expect(ordered).toEqual(result);
  });
});
