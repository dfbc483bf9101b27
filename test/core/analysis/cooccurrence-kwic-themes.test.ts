import { describe, expect, it } from 'vitest';
import { indexCodedSegments } from '../../../src/core/analysis/coded-segments.js';
import { computeCooccurrence } from '../../../src/core/analysis/cooccurrence.js';
import { computeKwic, formatKwicLines } from '../../../src/core/analysis/kwic.js';
import { computeThemes } from '../../../src/core/analysis/themes.js';
import { computeLogLikelihoodKeyness } from '../../../src/core/analysis/log-likelihood-keyness.js';
import { findCorpusEvidence } from '../../../src/core/match/code-document.js';
import { compileMatcher, compilePatterns } from '../../../src/core/match/compile-matcher.js';
import { codebook, codings, documents, segments } from './small-study.js';

const coded = indexCodedSegments(segments, codings);

describe('computeCooccurrence', () => {
  it('counts pairs within segments and documents with Jaccard', () => {
    const rows = computeCooccurrence(codebook, coded);
    expect(rows.map((r) => `${r.code_a}-${r.code_b}`)).toEqual(['tariffs-reform', 'tariffs-drugs', 'reform-drugs']);
    expect(rows[0]).toMatchObject({ segments_both: 1, segment_jaccard: 1 / 3, documents_both: 1, document_jaccard: 1 / 3 });
    // tariffs in d1, d2, d3 and drugs in d1, d3, d4: never one segment, two documents of four
    expect(rows[1]).toMatchObject({ segments_both: 0, segment_jaccard: 0, documents_both: 2, document_jaccard: 2 / 4 });
  });
});

describe('computeKwic', () => {
  it('aligns keywords and keeps context inside the segment', () => {
    const lines = computeKwic(documents, segments, compilePatterns(['tariff*']), 10);
    expect(lines.map((l) => [l.segment_id, l.left, l.keyword, l.right])).toEqual([
      ['d1:s1', '', 'Tariffs', ' on steel '],
      ['d2:s1', 'The ', 'tariff', ' deal stal'],
      ['d3:s1', 's and cut ', 'tariffs', '.'],
    ]);
    expect(lines[2]!.start).toBe(segments.find((s) => s.segment_id === 'd3:s1')!.start + 31);
    expect(formatKwicLines(lines, 10)).toBe(
      ['d1:s1            [Tariffs] on steel', 'd2:s1        The [tariff] deal stal', 'd3:s1  s and cut [tariffs].', ''].join('\n'),
    );
  });
});

describe('computeThemes', () => {
  const evidence = findCorpusEvidence(compileMatcher(codebook), documents, segments);
  const themes = computeThemes({ codebook, coded, evidence, top: 3, exemplars: 2 });

  it('ranks key terms by G² against the rest, positive only', () => {
    const drugs = themes.find((t) => t.code === 'drugs')!;
    // tokens: drugs segments {fentanyl seizures grew | drug trafficking end | fentanyl kills} = 8 tokens;
    // the other 4 reviewed segments: {tariffs steel rise | tariff deal stalled | nothing else happened |
    // reform customs cut tariffs} = 13. fentanyl: a = 2, b = 0, E1 = 8·2/21, G² = 2·2·ln(2/E1) = 4 ln(21/8)
    expect(drugs.terms[0]).toEqual({ term: 'fentanyl', freq_code: 2, freq_rest: 0, g2: computeLogLikelihoodKeyness(2, 0, 8, 13) });
    expect(drugs.terms[0]!.g2).toBeCloseTo(4 * Math.log(21 / 8), 12);
    expect(drugs.terms.every((t) => t.freq_code / 8 > t.freq_rest / 13)).toBe(true);
  });

  it('picks exemplars with the most pattern matches, then keyness', () => {
    const tariffs = themes.find((t) => t.code === 'tariffs')!;
    // one match each. Target 10 tokens, rest 11: a term seen once only there has G² = 2 ln 2.1, tariffs
    // (twice) 4 ln 2.1; mean G²: d1:s1 (4 + 2 + 2) ln 2.1 / 3 > d3:s1 (2 + 2 + 2 + 4) ln 2.1 / 4 > d2:s1 2 ln 2.1
    expect(tariffs.exemplars.map((e) => [e.segment_id, e.matches])).toEqual([
      ['d1:s1', 1],
      ['d3:s1', 1],
    ]);
    expect(tariffs.exemplars[0]!.keyness).toBeCloseTo((8 * Math.log(2.1)) / 3, 12);
    expect(tariffs.exemplars[1]!.keyness).toBeCloseTo((10 * Math.log(2.1)) / 4, 12);
    // drugs: one match each; with u = 2 ln(21/8), mean G²: d4:s1 (2u + u)/2 > d1:s2 (2u + 2u)/3 > d3:s2 u
    expect(themes.find((t) => t.code === 'drugs')!.exemplars.map((e) => e.segment_id)).toEqual(['d4:s1', 'd1:s2']);
  });
});
