import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteRows } from '../../../src/core/util/byte-rows.js';
import { DocumentCoder } from '../../../src/core/match/code-document.js';
import type { Matcher } from '../../../src/core/match/compile-matcher.js';
import { JsonContentBytes, decodeJsonString, decodeScannedJson } from '../../../src/core/match/decode-json-slice.js';
import { encodeJson, runFor } from './helpers.js';

// Property: a document-unit segment cut from the scanner's bounds (its text
// never decoded to a string) gives the same rows and digest as the string
// path, which a regex pattern forces (it needs the segment's text). The
// extra code's regex never matches, so it adds no row.

const codes = { trade: ['tariff*', 'trade war', '*ría'], place: ['méxico', 'états-unis', 'x'] };
const withText = runFor({ ...codes, zz: ['/qqqzzz/'] });
const bytesOnly = runFor(codes);

const fragments = [
  'tariff', 'Tariffs', 'trade', 'war', 'México', 'soberanía', 'États-Unis', 'x', ' ', '  ', '\n', '\n\n', '\t', '\u00a0',
  '\u3000', '\u2028', '\ufeff', '"', '\\', '/', '.', '\u{1F600}', '\u{1D400}', '\ud800', '\udc00', '\u0007', '\u001f', 'é', 'ñ',
];

function rows(m: Matcher, line: Uint8Array, textFrom: number): { codings: string; evidence: string; digest: string; segments: number } {
  const out = { codings: new ByteRows(), evidence: new ByteRows() };
  const coded = new DocumentCoder(m, 'document', { coder: 'auto' }).code(
    { id: 'd1', language: 'en', buf: line, from: textFrom, to: line.length - 2, trusted: false, head: '{"id":"d1","metadata":{},"text":"' },
    out,
  );
  const text = (r: ByteRows) => new TextDecoder().decode(r.bytes.subarray(0, r.length));
  return { codings: text(out.codings), evidence: text(out.evidence), digest: Buffer.from(coded.digest!).toString('hex'), segments: coded.segments };
}

describe('document unit from the scanned bytes', () => {
  it('gives the rows and digest of the string path on random texts with random escapes', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.array(fc.constantFrom(0, 0, 1), { minLength: 1, maxLength: 5 }),
        (parts, mask) => {
          const line = encoder.encode(`{"text":${encodeJson(parts.join(''), mask)}}`);
          expect(rows(bytesOnly, line, 9)).toEqual(rows(withText, line, 9));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a blank text has no segment', () => {
    const line = new TextEncoder().encode('{"text":" \\n\\t\\u3000 "}');
    expect(rows(bytesOnly, line, 9).segments).toBe(0);
  });

  it('decodes the text for the splitters as JSON.parse does (escapes resolved as bytes, lone surrogates kept)', () => {
    const encoder = new TextEncoder();
    const content = new JsonContentBytes();
    // Keeps no buffer past 8 bytes: most texts here take the path of a document bigger than the kept buffer.
    const small = new JsonContentBytes(8);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.array(fc.constantFrom(0, 0, 1), { minLength: 1, maxLength: 5 }),
        (parts, mask) => {
          const text = parts.join('');
          // A text the scanner passes on never starts with U+FEFF (normalising drops it).
          fc.pre(!text.startsWith('\ufeff'));
          const line = encoder.encode(`{"text":${encodeJson(text, mask)}}`);
          expect(decodeScannedJson(content, line, 9, line.length - 2)).toBe(decodeJsonString(line, 9, line.length - 2, true));
          expect(decodeScannedJson(content, line, 9, line.length - 2)).toBe(text);
          expect(decodeScannedJson(small, line, 9, line.length - 2)).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
