import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKwicPattern, computeKwic, type KwicLine } from '../../../src/core/analysis/kwic.js';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { codeCorpus } from '../../../src/core/match/code-document.js';
import { compilePatterns } from '../../../src/core/match/compile-matcher.js';
import type { Evidence } from '../../../src/core/match/evidence.js';
import { CodebookSchema, listCodes, type Codebook } from '../../../src/core/model/codebook.js';
import type { Document } from '../../../src/core/model/document.js';
import type { Segment } from '../../../src/core/model/segment.js';
import { computeSegments } from '../../../src/core/segment/compute-segments.js';
import { readProject } from '../../../src/io/read-project.js';
import { readStudy } from '../../../src/io/read-study.js';

// Done-when of issue 9: kwic and `qcode code` agree. For every pattern of the
// demo codebook and every probe below, the matches kwic lists (segment and
// document offsets) are exactly the rows the evidence file of `qcode code`
// lists for that pattern; and `kwic --code X` lists exactly X's evidence.
// Both run here on the demo corpus through the functions the two commands
// call (readStudy, codeCorpus, compileKwicPattern/compilePatterns, computeKwic).

const REPO = path.resolve(import.meta.dirname, '../../..');

/**
 * Extra patterns, each named for the rule it proves. `finds`: matched texts
 * kwic must list (so the comparison is not vacuous), or 'nothing' where the
 * rule is that the pattern matches nowhere.
 */
const PROBES: { proves: string; pattern: string; finds: string[] | 'nothing' }[] = [
  { proves: 'diacritics fold: a plain pattern finds the accented word', pattern: 'mexico', finds: ['México', 'Mexico', 'MEXICO'] },
  { proves: 'diacritics fold both ways: an accented pattern finds the plain word', pattern: 'México', finds: ['Mexico', 'México'] },
  { proves: 'a decomposed accent that NFC keeps apart folds away', pattern: 'oyo', finds: ['O\u0323\u0300yo\u0323\u0301'.normalize('NFC')] },
  { proves: 'a prefix wildcard runs across an in-word hyphen', pattern: 'mid*', finds: ['mid-March', 'mid-1986'] },
  { proves: 'the stem of a hyphenated compound is not a word of its own', pattern: 'mid', finds: 'nothing' },
  { proves: 'a wildcard after the hyphen', pattern: 'mid-*', finds: ['mid-March', 'mid-1986'] },
  { proves: 'a suffix wildcard ends a compound', pattern: '*-mec', finds: ['T-MEC'] },
  { proves: 'an inner wildcard is tested on the folded word', pattern: 'm*xico', finds: ['México', 'Mexico'] },
  { proves: 'a compound pattern finds any in-word hyphen', pattern: 'non-tariff', finds: ['non-tariff', 'non\u2010tariff'] },
  { proves: 'a word does not match inside a compound', pattern: 'tariff', finds: ['tariff'] },
  { proves: 'a possessive pattern finds the possessive and the bare word', pattern: "Mexico's", finds: ['Mexico'] },
  { proves: 'a bare word matches its possessive, curly apostrophe included', pattern: 'fbi', finds: ['FBI'] },
  { proves: 'a phrase runs across any whitespace', pattern: 'drug traffickers', finds: ['drug\ntraffickers'] },
  { proves: 'a phrase matches whatever the case', pattern: 'mexico city', finds: ['MEXICO CITY', 'Mexico City'] },
  { proves: 'a phrase continues after a possessive', pattern: 'mexico sovereignty', finds: ['Mexico’s sovereignty'] },
  { proves: 'punctuation breaks a phrase', pattern: 'jan 23', finds: 'nothing' },
  { proves: 'a comma breaks a phrase', pattern: 'drug traffickers', finds: ['drug\ntraffickers'] },
  { proves: 'a regex is case-sensitive and unfolded unless told', pattern: '/M[eé]xico/', finds: ['México', 'Mexico'] },
  { proves: 'a regex with the i flag', pattern: '/mexico/i', finds: ['Mexico', 'MEXICO'] },
  { proves: 'a regex matches punctuation', pattern: '/\\bU\\.S\\./', finds: ['U.S.'] },
  { proves: 'a regex with the m flag anchors at line starts of the segment', pattern: '/^Se instalan/m', finds: ['Se instalan'] },
  { proves: 'a regex with s and i flags spans a line break', pattern: '/drug.traffickers/si', finds: ['drug\ntraffickers'] },
  { proves: 'a u-flag regex matches an astral flag emoji', pattern: '/\\p{Regional_Indicator}{2}/u', finds: ['🇲🇽'] },
  { proves: 'a u-flag regex matches emoji between words', pattern: '/\\p{Extended_Pictographic}/u', finds: ['😀'] },
  { proves: 'a word after astral characters and a decomposed accent', pattern: 'tariffs', finds: ['Tariffs', 'tariffs'] },
];

/**
 * A document of offset traps added to the demo corpus: astral characters
 * (emoji, a mathematical letter, a flag, a family ZWJ sequence) and accents
 * NFC cannot compose, before, between and after matches.
 */
const OFFSET_TRAPS = normalizeText(
  [
    '😀 𝐀 🇲🇽 In mid-1986, Mexico’s sovereignty and the FBI’s agents met in O\u0323\u0300yo\u0323\u0301.',
    'The non\u2010tariff deal, Me\u0301xico said; the drug\ntraffickers, the drug, traffickers.',
    'Tariffs 😀 rose 👩‍👩‍👧 after O\u0323\u0300yo\u0323\u0301’s talks in MEXICO CITY; tariffs fell.',
  ].join('\n\n'),
);

function withProbes(codebook: Codebook): Codebook {
  const probes = [...new Set(PROBES.map((p) => p.pattern))];
  return CodebookSchema.parse({
    ...codebook,
    categories: [
      ...codebook.categories,
      { id: 'probes', label: 'Probes', codes: probes.map((pattern, i) => ({ id: `probe-${i + 1}`, label: pattern, patterns: [pattern] })) },
    ],
  });
}

const rowKey = (segmentId: string, start: number, end: number) => `${segmentId} ${start}-${end}`;
const sorted = (keys: string[]) => [...keys].sort();

describe('kwic lists exactly what `qcode code` lists as evidence, on the demo corpus', () => {
  let documents: Document[];
  let segments: Segment[];
  let codebook: Codebook;
  let evidence: Evidence[];
  /** kwic's lines for each pattern, computed once: every test reads them. */
  const kwicOf = new Map<string, KwicLine[]>();
  const kwicFor = (pattern: string) => {
    let lines = kwicOf.get(pattern);
    if (!lines) kwicOf.set(pattern, (lines = computeKwic(documents, segments, compileKwicPattern(pattern), 5)));
    return lines;
  };

  beforeAll(async () => {
    const study = await readStudy(await readProject(REPO));
    const traps: Document = { id: 'offset-traps', text: OFFSET_TRAPS, metadata: {}, source: { file: 'offset-traps.md' } };
    documents = [...study.corpus, traps];
    segments = [...study.segments, ...computeSegments(traps, study.unit, 'en')];
    codebook = withProbes(study.codebook);
    evidence = codeCorpus(codebook, documents, segments, 'auto').evidence;
  });

  const kwicRows = (lines: KwicLine[]) => lines.map((l) => rowKey(l.segment_id, l.start, l.end));
  const evidenceRows = (rows: Evidence[]) => rows.map((e) => rowKey(e.segment_id, e.start, e.end));

  it('for every word, phrase, wildcard and regex pattern of the codebook and the probes', () => {
    // A pattern listed under two codes has evidence rows under each: compare code by code.
    const pairs = listCodes(codebook).flatMap((r) => r.code.patterns.map((pattern) => ({ code: r.code.id, pattern })));
    expect(pairs.length).toBeGreaterThan(100);
    const kinds = { regex: 0, wildcard: 0, phrase: 0, word: 0 };
    for (const { code, pattern } of pairs) {
      kinds[pattern.startsWith('/') ? 'regex' : pattern.includes('*') ? 'wildcard' : /\s/.test(pattern.trim()) ? 'phrase' : 'word']++;
      const lines = kwicFor(pattern);
      const expected = evidence.filter((e) => e.code === code && e.pattern === pattern);
      expect(sorted(kwicRows(lines)), pattern).toEqual(sorted(evidenceRows(expected)));
      expect(new Set(lines.map((l) => l.segment_id)), pattern).toEqual(new Set(expected.map((e) => e.segment_id)));
    }
    expect(Object.values(kinds).every((n) => n >= 5), JSON.stringify(kinds)).toBe(true);
  });

  it('for --code X, every code: kwic over all of X’s patterns lists X’s evidence', () => {
    for (const { code } of listCodes(codebook)) {
      const lines = computeKwic(documents, segments, compilePatterns(code.patterns), 0);
      expect(sorted(kwicRows(lines)), code.id).toEqual(sorted(evidenceRows(evidence.filter((e) => e.code === code.id))));
    }
  });

  it.each(PROBES)('$proves: $pattern', ({ pattern, finds }) => {
    const lines = kwicFor(pattern);
    const keywords = new Set(lines.map((l) => l.keyword));
    if (finds === 'nothing') expect(lines).toEqual([]);
    else for (const text of finds) expect(keywords, `${pattern} should find ${JSON.stringify(text)}`).toContain(text.replace(/\s+/g, ' '));
    // The keyword is the document's text at the listed code-point offsets.
    for (const l of lines) {
      const doc = documents.find((d) => d.id === l.doc_id)!;
      expect([...doc.text].slice(l.start, l.end).join('').replace(/\s+/g, ' ')).toBe(l.keyword);
    }
  });
});
