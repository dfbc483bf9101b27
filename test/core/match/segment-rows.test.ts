import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { decodeJsonString } from '../../../src/core/match/decode-json-slice.js';
import { compileDropRule, dropBoilerplate } from '../../../src/core/match/drop-boilerplate.js';
import { computeSegments } from '../../../src/core/segment/compute-segments.js';
import { formatSegmentsRows } from '../../../src/core/segment/format-segments.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';
import { jsonTextBytes } from '../../../src/core/match/code-document.js';
import { SegmentRowMaker, factAt, factBuffers } from '../../../src/core/match/segment-rows.js';
import { computeTextSpans } from '../../../src/core/segment/compute-segments.js';
import { computeTextSha } from '../../../src/core/util/hash.js';
import { encodeJson } from './helpers.js';

// The facts a slice hands over are columns of 65,536-entry chunks: a document
// with more segments than a chunk holds must read back whole, in order.
describe('SegmentRowMaker facts', () => {
  it('reads back every segment of a document past a chunk boundary, and one buffer per chunk to transfer', () => {
    const text = Array.from({ length: 70_000 }, (_, i) => `Item ${i} rose.`).join(' ');
    const maker = new SegmentRowMaker('sentence', 'csv', null);
    const buf = jsonTextBytes(text);
    const rows = { codings: new ByteRows(), evidence: new ByteRows() };
    const outcome = maker.code({ id: 'd', language: 'en', buf, from: 1, to: buf.length - 1, trusted: true, head: null }, rows);
    const spans = computeTextSpans(text, 'sentence', 'en');
    expect(outcome.segments).toBe(spans.length);
    const facts = maker.takeFacts();
    expect(factAt(facts.perDocument, 0)).toBe(spans.length);
    for (const n of [0, 65_535, 65_536, 65_537, spans.length - 1]) {
      expect([factAt(facts.index, n), factAt(facts.start, n), factAt(facts.end, n)]).toEqual([n + 1, spans[n]!.cpStart, spans[n]!.cpEnd]);
      const sha = computeTextSha(text.slice(spans[n]!.start, spans[n]!.end));
      expect([factAt(facts.shaHi, n), factAt(facts.shaLo, n)]).toEqual([parseInt(sha.slice(0, 8), 16), parseInt(sha.slice(8), 16)]);
    }
    expect(factBuffers(facts)).toHaveLength(1 + 5 * 2);
  });
});

// Property: sentence rows cut from a JSONL text's own bytes (the byte splitter, fingerprints from the
// bytes) are the rows formatSegmentsRows makes of the decoded, normalised text's segments: whatever the
// escapes, and where the bytes are not the text's UTF-8 (a lone surrogate escape, invalid UTF-8, a
// leading U+FEFF, text that normalising changes), with and without a drop rule.
describe('SegmentRowMaker sentence rows from bytes', () => {
  const fragments = [
    'tariff', 'The', 'Officials', 'x', 'é', 'e\u0301', 'Dr.', 'U.S.', 'p.m.', 'Sra.', '. ', '? ', '… ', '。', '“', '”', ' ', '\n',
    '\n\n', '\n- ', '\u00a0', '\ufeff', '\ufffd', '"', '\\', '/', '\u{1F600}', '\u{1D400}', '\ud800', '\u0007', ',',
  ];
  const encoder = new TextEncoder();
  const rowsText = (r: ByteRows) => new TextDecoder().decode(r.bytes.subarray(0, r.length));

  it('gives formatSegmentsRows of the string splitter on random texts, escapes, invalid bytes and both formats', () => {
    const drop = compileDropRule(['officials']);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.array(fc.constantFrom(0, 0, 1), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', 'invalid', 'bom'),
        fc.constantFrom('csv' as const, 'jsonl' as const),
        fc.boolean(),
        (parts, mask, damage, format, dropping) => {
          const json = encodeJson(parts.join(''), mask);
          const head = encoder.encode('{"text":' + (damage === 'bom' ? '"\ufeff' + json.slice(1, -1) : json.slice(0, -1)));
          const bytes = damage === 'invalid' ? [...head, 0xc3, 0x28, 0xff] : [...head];
          const line = new Uint8Array([...bytes, ...encoder.encode('"}')]);
          const rule = dropping ? drop : null;
          const maker = new SegmentRowMaker('sentence', format, rule);
          const rows = { codings: new ByteRows(), evidence: new ByteRows() };
          maker.code({ id: 'd1', language: 'en', buf: line, from: 9, to: line.length - 2, trusted: false, head: null }, rows);
          const text = normalizeText(decodeJsonString(line, 9, line.length - 2, false));
          const segments = dropBoilerplate(computeSegments({ id: 'd1', text, metadata: {}, source: { file: '' } }, 'sentence', 'en'), rule).kept;
          // Compared as the bytes written (a lone surrogate is written as U+FFFD).
          expect(rowsText(rows.codings)).toBe(new TextDecoder().decode(encoder.encode(formatSegmentsRows(segments, format))));
        },
      ),
      { numRuns: 400 },
    );
  });
});
