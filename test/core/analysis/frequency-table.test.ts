import { describe, expect, it } from 'vitest';
import { indexCodedSegments } from '../../../src/core/analysis/coded-segments.js';
import { computeFrequencyTable } from '../../../src/core/analysis/frequency-table.js';
import { frequencyJson, presenceTestsTable } from '../../../src/core/analysis/analysis-tables.js';
import { codebook, codings, documents, segments } from './small-study.js';

const coded = indexCodedSegments(segments, codings);

describe('computeFrequencyTable', () => {
  it('counts reviewed segments and documents, category rows with code null', () => {
    expect(coded).toHaveLength(7);
    const ft = computeFrequencyTable({ codebook, documents, coded, by: null, rows: 'all' });
    expect(ft.tests).toEqual([]);
    expect(ft.rows).toEqual([
      { group: null, category: 'trade', code: null, segments: 3, segment_share: 3 / 7, documents: 3, document_share: 3 / 4 },
      { group: null, category: 'trade', code: 'tariffs', segments: 3, segment_share: 3 / 7, documents: 3, document_share: 3 / 4 },
      { group: null, category: 'trade', code: 'reform', segments: 1, segment_share: 1 / 7, documents: 1, document_share: 1 / 4 },
      { group: null, category: 'security', code: null, segments: 3, segment_share: 3 / 7, documents: 3, document_share: 3 / 4 },
      { group: null, category: 'security', code: 'drugs', segments: 3, segment_share: 3 / 7, documents: 3, document_share: 3 / 4 },
    ]);
  });

  it('splits by a metadata key with a χ² and Fisher test per row', () => {
    const ft = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'code' });
    expect(ft.groups).toEqual([
      { group: 'news', segments: 4, documents: 2 },
      { group: 'official', segments: 3, documents: 2 },
    ]);
    const tariffs = ft.rows.filter((r) => r.code === 'tariffs');
    expect(tariffs.map((r) => [r.group, r.segments, r.segment_share])).toEqual([
      ['news', 2, 0.5],
      ['official', 1, 1 / 3],
    ]);
    // tariffs: news 2 of 4, official 1 of 3. E = [12/7, 16/7; 9/7, 12/7];
    // χ² = Σ (O−E)²/E with |O−E| = 2/7 everywhere = (4/49)(7/12 + 7/16 + 7/9 + 7/12) = 0.19444
    const t = ft.tests.find((x) => x.code === 'tariffs')!;
    expect(t.chi2).toBeCloseTo((4 / 49) * (7 / 12 + 7 / 16 + 7 / 9 + 7 / 12), 12);
    expect(t.df).toBe(1);
    expect(t.cramers_v).toBeCloseTo(Math.sqrt(t.chi2! / 7), 12);
    // Fisher: hypergeometric over x = 0..3 with margins 4, 3 of 7: P(2) = 18/35, p = P(≤ 18/35) = 1
    expect(t.fisher_p).toBeCloseTo(1, 12);
    expect(t.warning).toBe('4 of 4 expected counts under 5: use Fisher’s exact p');
  });

  it('prints the documented JSON shape', () => {
    const json = frequencyJson(computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'category' }));
    expect(Object.keys(json.rows[0] as object)).toEqual(['group', 'category', 'code', 'segments', 'segment_share', 'documents', 'document_share']);
    expect(Object.keys(json.tests[0] as object)).toEqual(['code', 'chi2', 'df', 'p', 'cramers_v', 'cramers_v_ci', 'category', 'fisher_p', 'warning']);
  });

  it('leaves out only the interval of Cramér’s V when asked for no intervals', () => {
    const full = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'all' });
    const bare = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'all', intervals: false });
    expect(full.tests.some((t) => t.cramers_v_ci !== null)).toBe(true);
    expect(bare.tests.map((t) => t.cramers_v_ci)).toEqual(bare.tests.map(() => null));
    expect(bare.tests).toEqual(full.tests.map((t) => ({ ...t, cramers_v_ci: null })));
    expect(bare.rows).toEqual(full.rows);
  });

  it('says why a code cannot be tested', () => {
    const ft = computeFrequencyTable({ codebook, documents, coded: coded.filter((s) => s.segment.doc_id !== 'd3'), by: 'type', rows: 'code' });
    expect(ft.tests.find((x) => x.code === 'reform')).toMatchObject({ chi2: null, p: null, warning: 'not tested: never applied' });
  });

  it('groups by document with --by doc', () => {
    const ft = computeFrequencyTable({ codebook, documents, coded, by: 'doc', rows: 'category' });
    expect(ft.groups.map((g) => g.group)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ft.tests[0]!.df).toBe(3);
  });
});

describe('the test unit', () => {
  it('doc: counts documents with the code against documents without it, and the table says so', () => {
    const ft = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'code', testUnit: 'doc' });
    const tariffs = ft.rows.filter((r) => r.code === 'tariffs');
    const t = ft.tests.find((x) => x.code === 'tariffs')!;
    const seg = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'code' }).tests.find((x) => x.code === 'tariffs')!;
    // Documents per group against the group's documents, not segments.
    const expected = computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'code' });
    expect(tariffs.map((r) => r.documents)).toEqual(expected.rows.filter((r) => r.code === 'tariffs').map((r) => r.documents));
    expect(t.chi2).not.toBe(seg.chi2);
    expect(presenceTestsTable(ft).footnotes[0]).toMatch(/^Unit tested: the document\./);
    expect(presenceTestsTable(computeFrequencyTable({ codebook, documents, coded, by: 'type', rows: 'code' })).footnotes[0]).toMatch(
      /^Unit tested: the segment\..*--test-unit doc/,
    );
    expect(frequencyJson(ft)).toMatchObject({ test_unit: 'doc', groups: ft.groups });
  });
});
