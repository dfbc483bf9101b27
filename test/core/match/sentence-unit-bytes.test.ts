import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { DocumentCoder } from '../../../src/core/match/code-document.js';
import type { Matcher } from '../../../src/core/match/compile-matcher.js';
import { compileDropRule, isBoilerplate, type DropRule } from '../../../src/core/match/drop-boilerplate.js';
import { computeSegments } from '../../../src/core/segment/compute-segments.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';
import { computeTextSha } from '../../../src/core/util/hash.js';
import { encodeJson, runFor } from './helpers.js';

// Property: sentence segments cut from a JSONL text's bytes (no string of the
// document; fingerprints hashed from the bytes) are the segments the string
// splitter cuts from the decoded, normalised text: the same ids and
// text_sha in the coding rows, every match inside its segment's span, with
// and without regex patterns and a drop rule (which decode the segments' texts;
// the regex for U+FFFD finds none where the text holds a lone surrogate).

const codes = { trade: ['tariff*', 'trade'], place: ['méxico', 'x', 'é*'] };
const plain = runFor(codes);
const withText = runFor({ ...codes, zz: ['/qqqzzz/', '/\\x{FFFD}/'] });

const fragments = [
  'tariff', 'Tariffs', 'trade', 'México', 'Officials', 'The', 'x', 'é', 'Dr.', 'U.S.', 'p.m.', 'Sra.', 'etc.', 'failed.The',
  '.', '. ', '? ', '! ', '… ', '。', '“', '”', '«', '»', '(', ')', ' ', ' ', '\n', '\n\n', '\n- ', '\n1. ', '\n# ', '\t',
  '\u00a0', '\u2003', '\ufeff', '"', '\\', '/', '\u{1F600}', '\u{1D400}', '\ud800', '\udc00', 'e\u0301', '\u0007',
];

const rowsText = (r: ByteRows) => new TextDecoder().decode(r.bytes.subarray(0, r.length));

function check(m: Matcher, drop: DropRule | null, text: string, line: Uint8Array, language: string): void {
  const out = { codings: new ByteRows(), evidence: new ByteRows() };
  new DocumentCoder(m, 'sentence', { coder: 'auto', drop }).code(
    { id: 'd1', language, buf: line, from: 9, to: line.length - 2, trusted: false, head: null },
    out,
  );
  const normalised = normalizeText(text);
  const segments = computeSegments({ id: 'd1', text: normalised, metadata: {}, source: { file: '' } }, 'sentence', language).filter(
    (s) => !drop || !isBoilerplate(drop, s.text),
  );
  const coded = (parse(rowsText(out.codings)) as string[][]).map((r) => `${r[0]} ${r[2]}`);
  expect([...new Set(coded)]).toEqual(segments.map((s) => `${s.segment_id} ${computeTextSha(s.text)}`));
  const points = [...normalised];
  for (const [segmentId, , , matched, start, end] of parse(rowsText(out.evidence)) as string[][]) {
    const s = segments.find((x) => x.segment_id === segmentId)!;
    expect(Number(start)).toBeGreaterThanOrEqual(s.start);
    expect(Number(end)).toBeLessThanOrEqual(s.end);
    expect(points.slice(Number(start), Number(end)).join('')).toBe(matched);
  }
}

describe('sentence unit from the scanned bytes', () => {
  it('gives the string splitter’s segments, fingerprints and match spans on random texts with random escapes', () => {
    const encoder = new TextEncoder();
    const drop = compileDropRule(['officials']);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 50 }),
        fc.array(fc.constantFrom(0, 0, 1), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('en', 'es'),
        (parts, mask, language) => {
          const text = parts.join('');
          const line = encoder.encode(`{"text":${encodeJson(text, mask)}}`);
          check(plain, null, text, line, language);
          check(withText, null, text, line, language);
          check(plain, drop, text, line, language);
        },
      ),
      { numRuns: 400 },
    );
  });
});
