import { describe, expect, it } from 'vitest';
import { computeDisagreements } from '../../../src/core/disagreements/compute-disagreements.js';
import { formatDisagreementsCsv, formatDisagreementsMd } from '../../../src/core/disagreements/format-disagreements.js';
import { loadDoubleCodingFixture, loadFixtureCodings } from '../../helpers/double-coding-fixture.js';
import { expectGolden } from '../../helpers/golden.js';

const { codebook, segments } = loadDoubleCodingFixture();
const alice = { coder: 'alice', codings: loadFixtureCodings('alice') };
const bob = { coder: 'bob', codings: loadFixtureCodings('bob') };

describe('computeDisagreements', () => {
  const d = computeDisagreements(codebook, segments, alice, bob);

  it('compares only the segments both reviewed', () => {
    expect(d.common).toEqual([
      'news-01:p1',
      'news-01:p2',
      'news-01:p3',
      'news-02:p1',
      'news-02:p2',
      'news-02:p3',
      'official-01:p1',
      'official-01:p2',
      'official-01:p3',
      'social-01:p1',
    ]);
    expect(d.agreedSegments).toBe(5);
    expect(d.diagnostics).toEqual([]);
  });

  it('lists each differing segment × code in corpus then codebook order', () => {
    expect(d.rows.map((r) => [r.segment_id, r.code, r.a, r.b])).toEqual([
      ['news-01:p2', 'economic', 0, 1],
      ['news-01:p3', 'government', 0, 1],
      ['news-02:p2', 'security', 0, 1],
      ['news-02:p2', 'sovereignty', 1, 0],
      ['official-01:p2', 'government', 1, 0],
      ['official-01:p3', 'government', 1, 0],
      ['official-01:p3', 'civil', 1, 0],
    ]);
  });

  it('is symmetric: swapping the coders swaps the columns', () => {
    const swapped = computeDisagreements(codebook, segments, bob, alice);
    expect(swapped.rows.map((r) => [r.segment_id, r.code, r.b, r.a])).toEqual(
      d.rows.map((r) => [r.segment_id, r.code, r.a, r.b]),
    );
  });

  it('golden CSV and Markdown', async () => {
    expectGolden('disagreements/alice-bob.csv', formatDisagreementsCsv(d));
    expectGolden('disagreements/alice-bob.md', formatDisagreementsMd(d, codebook));
  });

  it('warns when the coders share no reviewed segment', () => {
    const none = computeDisagreements(codebook, segments, alice, { coder: 'carol', codings: [] });
    expect(none.rows).toEqual([]);
    expect(none.diagnostics.map((x) => x.code)).toEqual(['QC512']);
  });
});
