import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentTermCounter } from '../../../src/core/analysis/content-terms.js';
import { STOP_WORDS } from '../../../src/core/analysis/stop-words.js';
import { ThemeDocument } from '../../../src/core/analysis/theme-document.js';
import { DocumentCoder } from '../../../src/core/match/code-document.js';
import { compileMatcher } from '../../../src/core/match/compile-matcher.js';
import { countListedMatches } from '../../../src/core/match/evidence.js';
import { TokenLog } from '../../../src/core/match/match-run.js';
import { logWords, scanWords, SegmentWordCursor } from '../../../src/core/match/scan-words.js';
import { CodebookSchema } from '../../../src/core/model/codebook.js';
import type { Segment } from '../../../src/core/model/segment.js';
import { foldWord, lowerWord } from '../../../src/core/pattern/char-class.js';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';

// themes reads each segment's words off one scan of its whole document
// (ThemeDocument over the matcher's token log) and interns them by their
// bytes. Both must give what the plain way gives: each segment's own text
// scanned (scanWords), each word folded and judged, spellings counted.

/** The plain way, as content terms were counted before: per text, its terms by folded form; the spelling shown per term. */
function simpleTerms(texts: readonly string[]): { terms: string[][]; display: Map<string, string> } {
  const stop = new Set([...STOP_WORDS].map(foldWord));
  const spellings = new Map<string, Map<string, number>>();
  const terms = texts.map((text) =>
    scanWords(text)
      .map((w) => w.text)
      .filter((word) => {
        const key = foldWord(word);
        if ([...key].length < 2 || !/\p{L}/u.test(key) || stop.has(key)) return false;
        const counts = spellings.get(key) ?? new Map<string, number>();
        spellings.set(key, counts);
        counts.set(lowerWord(word), (counts.get(lowerWord(word)) ?? 0) + 1);
        return true;
      })
      .map(foldWord),
  );
  const display = new Map<string, string>();
  for (const [key, counts] of spellings) {
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    display.set(key, best[0]);
  }
  return { terms, display };
}

const FRAGMENTS = ['tariff', 'Tariffs', 'México', 'Me\u0301xico', 'MEXICO', 'soberanía', 'Soberania', 'non-tariff', 'non\u2010tariff', 'well', '-known',
  "FBI's", 'FBI’s', "'s", 'don’t', 'don\'t', 'the', 'de', 'los', 'mid-1986', '1986', 'x', 'ß', 'İstanbul', '\u{1D400}bc', '\u{1F600}', '\u{1F1F2}\u{1F1FD}',
  '_', "'", '’', '-', '--', ' ', '  ', '\n', '\n\n', '\t', ',', '.', '"', '\\', '(', '\u2014', '\u00a0', '\ufeff'];

/** A text of fragments and segments cut at some of its code points, in order, possibly with gaps and cuts inside words. */
const study = fc
  .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), fc.array(fc.nat(1000), { maxLength: 12 }))
  .map(([parts, cuts]) => {
    const text = parts.join('');
    const length = [...text].length;
    const at = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
    const bounds = [0, ...at, length];
    const spans: { start: number; end: number }[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) if (bounds[i]! < bounds[i + 1]! && i % 3 !== 2) spans.push({ start: bounds[i]!, end: bounds[i + 1]! });
    return { text, spans };
  });

const codebook = CodebookSchema.parse({
  name: 'probe',
  version: '1.0.0',
  categories: [
    {
      id: 'c',
      label: 'C',
      codes: [
        { id: 'trade', label: 'Trade', patterns: ['tariff*', 'non-tariff', '*-known', 'm*xico', "FBI's"], unless: ['soberania'] },
        { id: 'place', label: 'Place', patterns: ['mexico', 'well known', 'tariff NEAR/3 mexico', '/[Ss]ober/'], min_matches: 1 },
      ],
    },
  ],
});

/** The segments of a text as themes gets them: code-point offsets, text sliced out. */
function segmentsOf(text: string, spans: readonly { start: number; end: number }[]): Segment[] {
  const units = [...text];
  return spans.map((s, i) => ({ segment_id: `d:s${i + 1}`, doc_id: 'd', unit: 'sentence', index: i + 1, start: s.start, end: s.end, text: units.slice(s.start, s.end).join('') }));
}

describe('ThemeDocument: terms off one scan of the document', () => {
  it('gives each segment the terms and spellings of its own text counted the plain way (property)', () => {
    fc.assert(
      fc.property(fc.array(study, { minLength: 1, maxLength: 4 }), fc.boolean(), (docs, withCoder) => {
        const counter = new ContentTermCounter();
        const scan = new ThemeDocument(counter, withCoder ? new DocumentCoder(compileMatcher(codebook), 'sentence') : null);
        const got: string[][] = [];
        const texts: string[] = [];
        for (const { text, spans } of docs) {
          scan.begin(text);
          for (const s of segmentsOf(text, spans)) {
            got.push(scan.terms(s, true).map((t) => counter.folded[t]!));
            texts.push(s.text);
          }
        }
        const simple = simpleTerms(texts);
        expect(got).toEqual(simple.terms);
        const display = counter.display();
        expect(display.size).toBe(simple.display.size);
        for (const [key, shown] of simple.display) expect(display.get(key)).toBe(shown);
        // Looked up again (no counting), the same terms; the spellings stay as counted.
        let i = 0;
        for (const { text, spans } of docs) {
          scan.begin(text);
          for (const s of segmentsOf(text, spans)) expect(scan.terms(s, false).map((t) => counter.folded[t]!)).toEqual(simple.terms[i++]);
        }
        expect(counter.display()).toEqual(display);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the words of segments cut at spaces off the log, and scans alone a segment cut inside a word', () => {
    const text = 'Tariffs rose. The well-known México tariff, again.';
    const log = new TokenLog();
    logWords(text, log);
    const words = new SegmentWordCursor(text, log);
    expect(words.range(0, 13)).toBe(true);
    expect([words.from, words.to]).toEqual([0, 2]);
    // 'The well-' | 'known México…': a compound across the cut.
    expect(words.range(14, 23)).toBe(false);
    expect(words.range(23, 50)).toBe(false);
    const counter = new ContentTermCounter();
    const scan = new ThemeDocument(counter, null);
    scan.begin(text);
    const cut = segmentsOf(text, [{ start: 0, end: 13 }, { start: 14, end: 23 }, { start: 23, end: 50 }]);
    expect(cut.map((s) => scan.terms(s, true).map((t) => counter.folded[t]!))).toEqual([['tariffs', 'rose'], ['well'], ['known', 'mexico', 'tariff']]);
  });

  it('counts each code’s matches as the evidence lists them, from the same scan that logs the words (property)', () => {
    const coder = new DocumentCoder(compileMatcher(codebook), 'sentence');
    const plain = new DocumentCoder(compileMatcher(codebook), 'sentence');
    fc.assert(
      fc.property(study, ({ text, spans }) => {
        const segments = segmentsOf(text, spans);
        const evidence = plain.evidence({ id: 'd', text, metadata: {}, source: { file: '' } }, segments);
        const log = new TokenLog();
        coder.scanText(text, log);
        const words = new TokenLog();
        logWords(text, words);
        expect([...log.startCp.subarray(0, log.count)]).toEqual([...words.startCp.subarray(0, words.count)]);
        expect([...log.endUnit.subarray(0, log.count)]).toEqual([...words.endUnit.subarray(0, words.count)]);
        segments.forEach((s, i) => {
          const counts = countListedMatches(coder.m, coder.resolve(s.start, s.end, s.text));
          const listed = new Map<string, number>();
          for (const e of evidence[i]!) listed.set(e.code, (listed.get(e.code) ?? 0) + 1);
          expect(counts).toEqual(listed);
        });
      }),
      { numRuns: 300 },
    );
  });
});

/** A text written as a JSONL line might hold it: each character raw or \u-escaped as `choices` say (a / sometimes \/), quotes, backslashes and controls escaped. */
function jsonContent(text: string, choices: readonly number[]): string {
  let out = '';
  let i = 0;
  for (const ch of text) {
    const c = choices.length > 0 ? choices[i++ % choices.length]! : 0;
    const units = [...Array(ch.length).keys()].map((k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, c % 2 ? '0' : '0').toUpperCase()}`).join('');
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch < ' ' || c % 3 === 0) out += ch === '\n' && c % 2 ? '\\n' : units;
    else if (ch === '/' && c % 2) out += '\\/';
    else out += ch;
  }
  return out;
}

describe('ThemeDocument.beginBytes: a text read where it lies in a JSONL line', () => {
  const RAW = [...FRAGMENTS, '\r\n', '\r', 'A\u030a', '/'];
  const doc = fc.tuple(fc.array(fc.constantFrom(...RAW), { maxLength: 40 }), fc.array(fc.nat(1000), { maxLength: 12 }), fc.array(fc.nat(5), { maxLength: 7 }));

  it('gives the terms, spellings and matches of its normalised string, whatever escapes and unnormalised forms the bytes hold (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, withCoder) => {
        const make = () => {
          const counter = new ContentTermCounter();
          return { counter, scan: new ThemeDocument(counter, withCoder ? new DocumentCoder(compileMatcher(codebook), 'sentence') : null) };
        };
        const plain = make();
        const bytes = make();
        for (const [parts, cuts, choices] of docs) {
          const raw = parts.join('');
          const text = normalizeText(raw);
          const line = new TextEncoder().encode(`{"id":"d","text":"${jsonContent(raw, choices)}"}`);
          const from = line.indexOf(0x3a, 10) + 2;
          const source = { buf: line, from, to: line.length - 2, trusted: false };
          expect(JSON.parse(new TextDecoder().decode(line)).text).toBe(raw);
          const length = [...text].length;
          const at = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...at, length];
          const spans = bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end }));
          plain.scan.begin(text);
          bytes.scan.beginBytes(source);
          for (const s of segmentsOf(text, spans)) {
            expect(bytes.scan.terms(s, true).map((t) => bytes.counter.folded[t])).toEqual(plain.scan.terms(s, true).map((t) => plain.counter.folded[t]));
            if (withCoder) for (const code of ['trade', 'place']) expect(bytes.scan.matches(s)(code)).toBe(plain.scan.matches(s)(code));
            expect(bytes.scan.slice(s.start, s.end)).toBe(s.text);
          }
        }
        expect(bytes.counter.display()).toEqual(plain.counter.display());
      }),
      { numRuns: 400 },
    );
  });
});
