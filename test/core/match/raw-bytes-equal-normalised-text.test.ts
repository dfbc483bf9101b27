import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/corpus/normalize-text.js';
import { jsonTextBytes } from '../../../src/core/match/code-document.js';
import { JsonContentBytes, decodeJsonSlice } from '../../../src/core/match/decode-json-slice.js';
import { MatchRun } from '../../../src/core/match/match-run.js';
import { newScanExtent, scanJsonString } from '../../../src/core/match/scan-json-bytes.js';
import { encodeJson, runFor } from './helpers.js';

// Property: the one scanner over a JSONL text field as it lies in the file
// (any escapes) finds exactly what it finds in the normalised text written as
// JSON.stringify writes it (the form every other source is scanned in): same
// phrases, same code point offsets, same matched text, same token positions.

const codes = {
  trade: ['tariff', 'tariff*', '*tariff', 'non-tariff', 'trade war', "don't", 'drug traffick*'],
  place: ['mexico', 'soberania', 'fbi', 'fbi director', 'war on * drugs', 't*ff', 'é*'],
  extra: ['new new', 'g7', 'états-unis', 'μέτρα'],
  // Case-sensitive words are read as written: through escapes and joiners too.
  cased: ['=FBI', '=México', "=Don't", '=TARIFF*', '=G7', '=non-tariff'],
};

const fragments = [
  'tariff', 'Tariff', 'TARIFFS', 'tariff-free', 'non-tariff', 'non\u2010tariff', 'non\u2011tariff', 'trade', 'war',
  'War', 'don\u2019t', "don't", 'drug', 'trafficking', 'México', 'MEXICO', 'soberanía', 'FBI', "FBI's", 'FBI\u2019s',
  "FBI'S", 'director', 'on', 'illegal', 'drugs', 'tiff', 'new', 'G7', 'États-Unis', 'μέτρα', 'élan', 's', "'", '’',
  '-', '\u2010', '--', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', ',', '.', '(', ')', '"', '\u201c', '\u201d', '\\',
  '/', '\u{1F600}', '\u{1D400}', '\u2014', '_', '3', 'x', 'ñ', 'ß', 'İ',
];

function results(run: MatchRun, slice: (a: number, b: number) => string): string[] {
  const rows: string[] = [];
  for (let k = 0; k < run.count; k++) {
    rows.push(`${run.phrase[k]}:${run.startCp[k]}-${run.endCp[k]}@${run.startTok[k]}:${slice(run.startUnit[k]!, run.endUnit[k]!)}`);
  }
  return rows.sort();
}

describe('raw JSON bytes scan as the normalised text does', () => {
  const stringRun = new MatchRun(runFor(codes));
  const byteRun = new MatchRun(runFor(codes));
  const encoder = new TextEncoder();
  const content = new JsonContentBytes();
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

  it('on random texts, JSON-encoded with random \\u escapes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 60 }),
        fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: 1, maxLength: 7 }),
        (parts, mask) => {
          const text = normalizeText(parts.join(''));
          const plain = jsonTextBytes(text);
          const extent = newScanExtent();
          stringRun.reset();
          expect(scanJsonString(stringRun, plain, 1, plain.length - 1, extent, true)).toBe(true);
          const json = encoder.encode(`{"text":${encodeJson(text, mask)}}`);
          byteRun.reset();
          expect(scanJsonString(byteRun, json, 9, json.length - 2, extent)).toBe(true);
          expect(results(byteRun, (a, b) => decodeJsonSlice(json, a, b))).toEqual(results(stringRun, (a, b) => decodeJsonSlice(plain, a, b)));
          expect(extent.length).toBe([...text].length);
          const trimmed = text.trim();
          if (trimmed !== '') {
            expect(extent.first).toBe([...text.slice(0, text.indexOf(trimmed))].length);
            expect(extent.last - extent.first).toBe([...trimmed].length);
            // The trimmed text's bytes, escapes resolved: what a document segment's text_sha is taken over.
            expect(hex(content.of(json, extent.firstUnit, extent.lastUnit))).toBe(hex(encoder.encode(trimmed)));
          } else expect(extent.first).toBe(-1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('declines texts that need normalising (CR, raw or escaped as \\r or \\u000d; marks NFC may compose, a leading BOM), so the caller normalises them first', () => {
    const extent = newScanExtent();
    for (const text of ['"a\\r\\nb"', '"a\\u000d\\nb"', '"a\\u000Db"', '"Me\u0301xico"', '"\\u0301"', '"\ufeffx"', '"\\ufeffx"']) {
      const buf = encoder.encode(text);
      expect(scanJsonString(byteRun, buf, 1, buf.length - 1, extent), text).toBe(false);
    }
  });
});
