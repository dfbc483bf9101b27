import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSha1Words } from '../../../src/core/util/sha1.js';

const hex = (words: Int32Array) => Array.from(words, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
const reference = (prefix: Uint8Array, text: string) => createHash('sha1').update(prefix).update(text, 'utf8').digest('hex');

describe('computeSha1Words (SHA-1 written out, for GUIDs)', () => {
  it("equals node:crypto's SHA-1 of prefix and UTF-8 text, across block boundaries and for any characters", () => {
    const unit = fc.constantFrom('a', 'é', '😀', '\ud800', '\udc00', '教', ':', '\u0000');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.array(unit, { maxLength: 200 }), (prefix, units) => {
        const text = units.join('');
        expect(hex(computeSha1Words(prefix, text))).toBe(reference(prefix, text));
      }),
      { numRuns: 500 },
    );
  });

  it('pads every length around a block (55, 56, 64 bytes and more) and grows for a long text', () => {
    for (let n = 0; n <= 130; n++) expect(hex(computeSha1Words(new Uint8Array(16), 'x'.repeat(n)))).toBe(reference(new Uint8Array(16), 'x'.repeat(n)));
    const long = 'selection:bob:doc:'.repeat(5_000);
    expect(hex(computeSha1Words(new Uint8Array(0), long))).toBe(reference(new Uint8Array(0), long));
  });
});
