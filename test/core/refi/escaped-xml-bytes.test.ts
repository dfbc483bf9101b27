import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, formatEscapedXmlInto } from '../../../src/core/refi/format-xml.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';

/** What formatEscapedXmlInto appends to bytes already there. */
function written(s: string, attribute: boolean): Buffer {
  const out = new ByteRows();
  out.text('x');
  formatEscapedXmlInto(out, s, attribute);
  return Buffer.from(out.bytes.subarray(1, out.length));
}

describe('formatEscapedXmlInto (escaped XML straight into UTF-8 bytes)', () => {
  it('writes the bytes Buffer makes of escapeXmlAttribute and escapeXmlText, for any units, lone surrogates included', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom('&', '<', '>', '"', '\r', '\n', '\t', '😀', '\ud800', '\udc00', 'é', '教'));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), (units) => {
        const s = units.join('');
        expect(written(s, true).equals(Buffer.from(escapeXmlAttribute(s), 'utf8'))).toBe(true);
        expect(written(s, false).equals(Buffer.from(escapeXmlText(s), 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('grows its buffer for a long string of escapes', () => {
    const s = '"&'.repeat(100_000);
    expect(written(s, true).toString()).toBe(escapeXmlAttribute(s));
  });
});
