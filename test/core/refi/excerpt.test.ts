import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExcerptInto } from '../../../src/core/refi/format-project-qde.js';
import { escapeXmlAttribute } from '../../../src/core/refi/format-xml.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';

/** The definition: the whole text flattened, trimmed, cut at 100 code points; escaped for an attribute, as Buffer encodes it (a lone surrogate as U+FFFD). */
function plain(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const name = chars.length > 100 ? `${chars.slice(0, 100).join('')}…` : chars.join('');
  return Buffer.from(escapeXmlAttribute(name), 'utf8').toString('utf8');
}

const out = new ByteRows();
const decoder = new TextDecoder();

/** What formatExcerptInto writes after bytes already there, as text. */
function excerpt(text: string, from?: number, to?: number): string {
  out.clear();
  out.text('before');
  formatExcerptInto(out, text, from, to);
  return decoder.decode(out.bytes.subarray(6, out.length));
}

describe('formatExcerptInto (a selection name from the start of its text)', () => {
  it('equals flattening the whole text, for texts around and far past the prefix it reads', () => {
    const piece = fc.constantFrom('a', 'é', '😀', ' ', '  \n\t', '\u00a0', 'word ', '\u3000', '\ud83d', '\ude00', '&', '"<q>"', '教');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 900 }), fc.nat(3), (pieces, pad) => {
        const text = ' '.repeat(pad * 300) + pieces.join('');
        expect(excerpt(text)).toBe(plain(text));
      }),
      { numRuns: 300 },
    );
  });

  it('names a range of a text as the same range sliced out', () => {
    const piece = fc.constantFrom('a', '😀', ' ', '\n', 'word ', '\ud83d', '&', 'ß');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const [from, to] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b) as [number, number];
        expect(excerpt(text, from, to)).toBe(plain(text.slice(from, to)));
      }),
      { numRuns: 300 },
    );
  });

  it('flattens exactly the white space of a regular expression', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `a${String.fromCharCode(c)}${String.fromCharCode(c)}b`;
      if (excerpt(text) !== plain(text)) expect(`U+${c.toString(16)}: ${excerpt(text)}`).toBe(plain(text));
    }
  });

  it('cuts only when a 101st code point follows, not for white space at the end', () => {
    for (const text of ['a'.repeat(100), `${'a'.repeat(100)}   `, `${'a'.repeat(100)} \n b`, `${'a'.repeat(99)} b`, `${'a'.repeat(99)} b  `, `${'😀'.repeat(100)}\t`, `${'&'.repeat(101)}`]) {
      expect(excerpt(text)).toBe(plain(text));
    }
  });

  it('writes on when an escape near the cut makes the buffer grow', () => {
    // 99 quotes of 6 bytes each, then a pair the escaping makes 12 bytes of room for: past the 603 made at the start.
    const text = `${'"'.repeat(99)}😀x`;
    const rows = new ByteRows();
    const start = rows.bytes.length - 603;
    rows.length = start;
    formatExcerptInto(rows, text);
    expect(rows.bytes.length).toBeGreaterThan(start + 603);
    expect(decoder.decode(rows.bytes.subarray(start, rows.length))).toBe(plain(text));
  });

  it('reads only the start of a long selection', () => {
    const long = 'tariff talks '.repeat(2_000_000);
    expect(excerpt(long)).toBe(plain(long.slice(0, 1000)));
  });
});
