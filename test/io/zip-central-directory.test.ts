import { describe, expect, it } from 'vitest';
import { CentralDirectory, type CentralRecord } from '../../src/io/zip-central-directory.js';

const recordOf = (i: number): CentralRecord => withBytes({
  // Some 80 bytes a name: 20,000 of them fill more than one chunk of names (and of numbers).
  name: i % 7 === 0 ? `sources/é-${i}-${'x'.repeat(64)}.txt` : `sources/${i}-${'x'.repeat(64)}.txt`,
  nameBytes: 0,
  utf8: i % 7 === 0,
  descriptor: i % 3 === 0,
  crc: (i * 2654435761) >>> 0,
  compressed: i * 1000,
  size: i * 3001,
  offset: i * 5_000_000_000 + 17,
});

function withBytes(r: CentralRecord): CentralRecord {
  return { ...r, nameBytes: new TextEncoder().encode(r.name).length };
}

/** A record as read back: its name's UTF-8 rather than its text. */
const readBack = (r: CentralRecord) => {
  const { name, nameUtf8, ...rest } = r;
  return { ...rest, name: name || new TextDecoder().decode(nameUtf8) };
};

describe('CentralDirectory (packed zip records)', () => {
  it('gives back each record as pushed, across chunks, and moves them on with their offsets shifted', () => {
    const side = new CentralDirectory();
    const n = 20_000;
    for (let i = 0; i < n; i++) side.push(recordOf(i));
    expect(side.length).toBe(n);
    const expected = Array.from({ length: n }, (_, i) => recordOf(i));
    // Compared as one array (an expect per record took seconds).
    expect(Array.from(side.records(), readBack)).toEqual(expected);
    const main = new CentralDirectory();
    main.push(recordOf(5));
    main.takeFrom(side, 1000);
    expect(side.length).toBe(0);
    expect(main.length).toBe(n + 1);
    expect(Array.from(main.records(), readBack)).toEqual([recordOf(5), ...expected.map((r) => ({ ...r, offset: r.offset + 1000 }))]);
  });
});
