import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../../src/core/diagnostics/qcode-error.js';
import { matchText } from '../../../src/core/match/code-document.js';
import { compileMatcher } from '../../../src/core/match/compile-matcher.js';
import { codeText, codebookOf, runFor } from './helpers.js';

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
  // Sentences d:s1 [0, 20) and d:s2 [21, 36).
  const text = 'Tariffs and tariffs. Mexico said no.';

  it('a code counts once per segment however many patterns match', () => {
    const run = runFor({ trade: ['tariff*', 'tariffs'] });
    const { codings, evidence } = codeText(run, text, 'sentence');
    expect(codings.map((c) => [c.segment_id, c.code])).toEqual([
      ['d:s1', 'trade'],
      ['d:s2', ''],
    ]);
    expect(evidence).toHaveLength(4);
  });

  it('every segment without a match gets a reviewed-none row', () => {
    const run = runFor({ trade: ['embargo'] });
    const { codings } = codeText(run, text, 'sentence');
    expect(codings).toEqual([
      { segment_id: 'd:s1', doc_id: 'd', coder: 'auto', category: '', code: '', memo: '' },
      { segment_id: 'd:s2', doc_id: 'd', coder: 'auto', category: '', code: '', memo: '' },
    ]);
  });

  it('in an exclusive category the code with most matches wins, the evidence keeps all', () => {
    const run = runFor({ a: ['mexico'], b: ['tariff*'] }, true);
    const { codings, evidence } = codeText(run, text, 'document');
    expect(codings.map((c) => c.code)).toEqual(['b']);
    expect(evidence.map((e) => e.code).sort()).toEqual(['a', 'b', 'b']);
  });

  it('in an exclusive category a tie goes to codebook order', () => {
    const run = runFor({ a: ['said'], b: ['mexico'] }, true);
    const { codings } = codeText(run, text, 'document');
    expect(codings.map((c) => c.code)).toEqual(['a']);
  });

  it('in a non-exclusive category every matching code is kept, in codebook order', () => {
    const run = runFor({ b: ['mexico'], a: ['tariffs'] });
    const { codings } = codeText(run, text, 'document');
    expect(codings.map((c) => c.code)).toEqual(['b', 'a']);
  });

  it('a phrase that straddles two segments belongs to neither', () => {
    const t = 'drug\n\ncartel';
    const run = runFor({ c: ['drug cartel'] });
    expect(codeText(run, t, 'paragraph').evidence).toEqual([]);
    expect(codeText(run, t, 'document').evidence).toHaveLength(1);
  });

  it('regex patterns run on each segment text, offsets into the document', () => {
    const run = runFor({ c: ['/^M\\w+/'] });
    const { evidence } = codeText(run, text, 'sentence');
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
    const run = compileMatcher(codebookOf({ c: ['tariff'] }));
    expect(matchText(run, 'tariff')).toHaveLength(1);
    expect(matchText(run, 'no match')).toHaveLength(0);
    expect(matchText(run, 'tariff tariff')).toHaveLength(2);
  });
});

describe('vetoes (unless) and minimum evidence (min_matches)', () => {
  it('a segment where an unless pattern occurs does not get the code; the evidence says which rule vetoed which match', () => {
    const run = runFor({ 'price-up': { patterns: ['recover*', 'rose'], unless: ['declin*', 'fell'] } });
    const { codings, evidence } = codeText(run, 'Prices are recovering from the decline. Prices rose again.', 'sentence');
    expect(codings.map((c) => [c.segment_id, c.code])).toEqual([
      ['d:s1', ''],
      ['d:s2', 'price-up'],
    ]);
    expect(evidence.map((e) => [e.segment_id, e.pattern, e.matched_text, e.outcome])).toEqual([
      ['d:s1', 'recover*', 'recovering', 'vetoed'],
      ['d:s1', 'declin*', 'decline', 'veto'],
      ['d:s2', 'rose', 'rose', 'coded'],
    ]);
  });

  it('a veto only matters where its code matched: no veto rows elsewhere', () => {
    const run = runFor({ up: { patterns: ['rose'], unless: ['fell'] } });
    expect(codeText(run, 'Prices fell.', 'sentence').evidence).toEqual([]);
  });

  it('a veto is per code: another code of the segment keeps its code', () => {
    const run = runFor({ up: { patterns: ['rose'], unless: ['fell'] }, price: ['price*'] });
    expect(codeText(run, 'Prices rose, then fell.', 'document').codings.map((c) => c.code)).toEqual(['price']);
  });

  it('unless patterns may be phrases, regexes and proximity rules', () => {
    const run = runFor({ gov: { patterns: ['president'], unless: ['/\\bshop\\b/i', 'club NEAR/3 president', 'of the board'] } });
    const code = (t: string) => codeText(run, t, 'document').codings.map((c) => c.code);
    expect(code('The president spoke.')).toEqual(['gov']);
    expect(code('The Shop president spoke.')).toEqual(['']);
    expect(code('The club has a president.')).toEqual(['']);
    expect(code('The president of the board spoke.')).toEqual(['']);
  });

  it('min_matches: the code applies only with at least k matches in the segment; fewer are listed as below-min', () => {
    const run = runFor({ trade: { patterns: ['tariff*', 'duty'], min_matches: 2 } });
    const one = codeText(run, 'A tariff.', 'document');
    expect(one.codings.map((c) => c.code)).toEqual(['']);
    expect(one.evidence.map((e) => e.outcome)).toEqual(['below-min']);
    const two = codeText(run, 'A tariff and a duty.', 'document');
    expect(two.codings.map((c) => c.code)).toEqual(['trade']);
    expect(two.evidence.map((e) => e.outcome)).toEqual(['coded', 'coded']);
  });

  it('in an exclusive category, codes vetoed or below their minimum do not compete; the loser is listed as outranked', () => {
    const run = runFor({ a: { patterns: ['mexico'], min_matches: 3 }, b: ['tariff*'], c: { patterns: ['said'], unless: ['no'] }, d: ['said'] }, true);
    const { codings, evidence } = codeText(run, 'Mexico said tariffs, Mexico said no.', 'document');
    expect(codings.map((c) => c.code)).toEqual(['d']);
    expect(evidence.map((e) => `${e.code}:${e.outcome}`)).toEqual([
      'a:below-min', 'c:vetoed', 'd:coded', 'b:outranked', 'a:below-min', 'c:vetoed', 'd:coded', 'c:veto',
    ]);
  });
});
