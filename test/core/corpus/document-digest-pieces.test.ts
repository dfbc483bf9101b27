import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CANONICAL_TAIL, canonicalHead, documentDigest } from '../../../src/core/corpus/compute-corpus-hash.js';

// A long text is written and hashed in pieces (its JSON form made whole was
// copies of a 200 MB document): the digest must be the canonical line's,
// whatever the cuts, pairs and lone surrogates and escapes among them.
const parts = ['a', ' ', '"', '\\', '\n', '\t', '\u0001', '\u007f', 'é', '“', '😀', '\ud83d', '\ude00', '\u2028', '\ufeff'];
const text = fc.array(fc.constantFrom(...parts), { maxLength: 60 }).map((a) => a.join(''));
const whole = (id: string, metadata: Record<string, string>, t: string) =>
  new Uint8Array(createHash('sha256').update(canonicalHead(id, metadata) + JSON.stringify(t).slice(1, -1) + CANONICAL_TAIL).digest());

describe('documentDigest in pieces', () => {
  it("equals the digest of the whole canonical line for any piece size", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 9 }), (t, piece) => {
        const doc = { id: 'd1', metadata: { source: 'wire' }, text: t };
        expect(new Uint8Array(documentDigest(doc, piece))).toEqual(whole(doc.id, doc.metadata, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a surrogate pair whole at a cut, even with a piece of one character', () => {
    const doc = { id: 'd', metadata: {}, text: '😀😀a\ud83d' };
    expect(new Uint8Array(documentDigest(doc, 1))).toEqual(whole('d', {}, doc.text));
  });
});
