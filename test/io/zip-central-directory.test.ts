import { describe, expect, it } from 'vitest';
import { CentralDirectory, type CentralRecord } from '../../src/io/zip-central-directory.js';

const recordOf = (i: number): CentralRecord => withBytes({
  // Some 40 bytes a name: 40,000 of them fill more than one chunk of names.
  name: i % 7 === 0 ? `sources/é-${i}-${'x'.repeat(24)}.txt` : `sources/${i}-${'x'.repeat(24)}.txt`,
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
    const n = 40_000;
    for (let i = 0; i < n; i++) side.push(recordOf(i));
    expect(side.length).toBe(n);
    expect([...side.records()].length).toBe(n);
    let i = 0;
    for (const r of side.records()) expect(readBack(r)).toEqual(recordOf(i++));
    const main = new CentralDirectory();
    main.push(recordOf(5));
    main.takeFrom(side, 1000);
    expect(side.length).toBe(0);
    expect(main.length).toBe(n + 1);
    i = -1;
    for (const r of main.records()) {
      expect(readBack(r)).toEqual(i < 0 ? recordOf(5) : { ...recordOf(i), offset: recordOf(i).offset + 1000 });
      i++;
    }
  });
});
