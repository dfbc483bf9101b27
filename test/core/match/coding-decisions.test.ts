import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../../src/core/diagnostics/qcode-error.js';
import { codeDocument, matchText } from '../../../src/core/match/code-document.js';
import { compileMatcher } from '../../../src/core/match/compile-matcher.js';
import { MatchRun } from '../../../src/core/match/match-run.js';
import type { Segment } from '../../../src/core/model/segment.js';
import { codebookOf, runFor } from './helpers.js';

function segment(id: string, text: string, start: number, end: number): Segment {
  return { segment_id: id, doc_id: 'd', unit: 'sentence', index: 1, start, end, text: [...text].slice(start, end).join('') };
}

describe('evidence offsets', () => {
  it('counts code points, not UTF-16 units, before an astral character', () => {
    const [e] = matchText(runFor({ c: ['tariff'] }), '\u{1F600} tariff');
    expect([e!.start, e!.end, e!.matched_text]).toEqual([2, 8, 'tariff']);
  });

  it('gives the matched text as written in the document', () => {
    const [e] = matchText(runFor({ c: ['drug cartel'] }), 'Drug\n CARTEL');
    expect(e!.matched_text).toBe('Drug\n CARTEL');
  });

  it('counts code points in regex matches too', () => {
    const [e] = matchText(runFor({ c: ['/tar+/'] }), '\u{1F600}\u{1F600} tarr');
    expect([e!.start, e!.end]).toEqual([3, 7]);
  });

  it('lists matches in text order, then codebook order', () => {
    const run = runFor({ a: ['mexico'], b: ['mexico', 'border'] });
    const rows = matchText(run, 'border of Mexico').map((e) => `${e.code}:${e.matched_text}`);
    expect(rows).toEqual(['b:border', 'a:Mexico', 'b:Mexico']);
  });
});

describe('coding decisions', () => {
  const text = 'Tariffs and tariffs. Mexico said no.';
  const segs = [segment('d:s1', text, 0, 20), segment('d:s2', text, 21, 36)];

  it('a code counts once per segment however many patterns match', () => {
    const run = runFor({ trade: ['tariff*', 'tariffs'] });
    const { codings, evidence } = codeDocument(run, text, segs, 'auto');
    expect(codings.map((c) => [c.segment_id, c.code])).toEqual([
      ['d:s1', 'trade'],
      ['d:s2', ''],
    ]);
    expect(evidence).toHaveLength(4);
  });

  it('every segment without a match gets a reviewed-none row', () => {
    const run = runFor({ trade: ['embargo'] });
    const { codings } = codeDocument(run, text, segs, 'auto');
    expect(codings).toEqual([
      { segment_id: 'd:s1', doc_id: 'd', coder: 'auto', category: '', code: '', memo: '' },
      { segment_id: 'd:s2', doc_id: 'd', coder: 'auto', category: '', code: '', memo: '' },
    ]);
  });

  it('in an exclusive category the code with most matches wins, the evidence keeps all', () => {
    const run = runFor({ a: ['mexico'], b: ['tariff*'] }, true);
    const { codings, evidence } = codeDocument(run, text, [segment('d:d1', text, 0, 36)], 'auto');
    expect(codings.map((c) => c.code)).toEqual(['b']);
    expect(evidence.map((e) => e.code).sort()).toEqual(['a', 'b', 'b']);
  });

  it('in an exclusive category a tie goes to codebook order', () => {
    const run = runFor({ a: ['said'], b: ['mexico'] }, true);
    const { codings } = codeDocument(run, text, [segment('d:d1', text, 0, 36)], 'auto');
    expect(codings.map((c) => c.code)).toEqual(['a']);
  });

  it('in a non-exclusive category every matching code is kept, in codebook order', () => {
    const run = runFor({ b: ['mexico'], a: ['tariffs'] });
    const { codings } = codeDocument(run, text, [segment('d:d1', text, 0, 36)], 'auto');
    expect(codings.map((c) => c.code)).toEqual(['b', 'a']);
  });

  it('a phrase that straddles two segments belongs to neither', () => {
    const t = 'drug\ncartel';
    const run = runFor({ c: ['drug cartel'] });
    const { evidence } = codeDocument(run, t, [segment('d:p1', t, 0, 4), segment('d:p2', t, 5, 11)], 'auto');
    expect(evidence).toEqual([]);
  });

  it('regex patterns run on each segment text, offsets into the document', () => {
    const run = runFor({ c: ['/^M\\w+/'] });
    const { evidence } = codeDocument(run, text, segs, 'auto');
    expect(evidence.map((e) => [e.segment_id, e.matched_text, e.start, e.end])).toEqual([['d:s2', 'Mexico', 21, 27]]);
  });
});

describe('unusable patterns', () => {
  const problems = (patterns: string[]): string[] => {
    try {
      compileMatcher(codebookOf({ c: patterns }));
      return [];
    } catch (err) {
      return (err as QcodeError).diagnostics.map((d) => d.code);
    }
  };

  it('punctuation in a word pattern is QC210', () => expect(problems(['U.S.'])).toEqual(['QC210']));
  it('a leading hyphen is QC210', () => expect(problems(['-tariff'])).toEqual(['QC210']));
  it('a trailing apostrophe is QC210', () => expect(problems(["tariffs'"])).toEqual(['QC210']));
  it('a pattern of only wildcards is QC210', () => expect(problems(['* *'])).toEqual(['QC210']));
  it('a regex that does not compile is QC207', () => expect(problems(['/tar(/'])).toEqual(['QC207']));
  it('every unusable pattern is reported at once', () => expect(problems(['(x)', '/[/', 'ok'])).toEqual(['QC210', 'QC207']));
  it('a word with in-word hyphen and apostrophe is fine', () => expect(problems(["rock'n'roll", "o'neill", 'x-ray'])).toEqual([]));

  it('the matcher is built once and reused across texts', () => {
    const run = new MatchRun(compileMatcher(codebookOf({ c: ['tariff'] })));
    expect(matchText(run, 'tariff')).toHaveLength(1);
    expect(matchText(run, 'no match')).toHaveLength(0);
    expect(matchText(run, 'tariff tariff')).toHaveLength(2);
  });
});
