import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCodeDescription, parseCodeDescription } from '../../../src/core/refi/code-description.js';
import { deriveGuid, guidKey, isGuid } from '../../../src/core/refi/guid.js';
import { IdAllocator, slugify, toCoderName } from '../../../src/core/refi/names.js';

const line = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', ':', 'é', '\n', '教', '"'), maxLength: 20 });
// A definition that does not itself end in something shaped like a qcode section.
const definition = line.filter((s) => !/(^|\n\n)(Include|Exclude|Examples|Counterexamples):\n- /.test(s) && !/^(Include|Exclude|Examples|Counterexamples):\n/.test(s));
const items = fc.array(line, { maxLength: 3 });

describe('code descriptions', () => {
  it('read back exactly what they were written from', () => {
    fc.assert(
      fc.property(definition, items, items, items, items, (d, include, exclude, examples, counterexamples) => {
        const text = { definition: d, include, exclude, examples, counterexamples };
        expect(parseCodeDescription(formatCodeDescription(text))).toEqual(text);
      }),
    );
  });

  it('take a description written in a QDA tool as all definition', () => {
    const nvivo = 'Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)';
    expect(parseCodeDescription(nvivo)).toEqual({ definition: nvivo, include: [], exclude: [], examples: [], counterexamples: [] });
    expect(parseCodeDescription('Include: everything here')).toMatchObject({ definition: 'Include: everything here', include: [] });
  });
});

describe('GUIDs and names', () => {
  it('derives the same RFC 4122 version-5 GUID from the same id, different ones from different ids', () => {
    const g = deriveGuid('code:tariffs');
    expect(g).toBe(deriveGuid('code:tariffs'));
    expect(g).not.toBe(deriveGuid('code:tariff'));
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isGuid(`{${g.toUpperCase()}}`)).toBe(true);
    expect(guidKey(`{${g.toUpperCase()}}`)).toBe(g);
  });

  it('derives the GUID RFC 4122 defines: SHA-1 of the namespace and the name, version and variant set', () => {
    const namespace = Buffer.from('c0de5eed7a5d4e3a9b1f2f6a0e1d9c4b', 'hex');
    for (const name of ['code:tariffs', 'document:é教😀', `selection:bob:d1:0:12:${'memo '.repeat(40)}`, '']) {
      const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
      bytes[6] = (bytes[6]! & 0x0f) | 0x50;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const h = bytes.toString('hex');
      expect(deriveGuid(name)).toBe(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
    }
  });

  it('makes ids and coder names from free-text names', () => {
    expect(slugify('2. Attitűd szint az oltáshoz')).toBe('2-attitud-szint-az-oltashoz');
    expect(slugify('教师')).toBe('');
    expect(toCoderName('Friedrich Markgraf')).toBe('Friedrich-Markgraf');
    expect(toCoderName('.ATLAS.ti')).toBe('ATLAS.ti');
    const ids = new IdAllocator(true);
    expect([ids.take('a'), ids.take('A'), ids.take('', 'b'), ids.take('b')]).toEqual(['a', 'A-2', 'b', 'b-2']);
  });
});
