import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfcByLines } from '../../src/io/normalised-text.js';

async function* from(chunks: string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}

async function collect(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const s of nfcByLines(from(chunks))) out.push(s);
  return out;
}

// Letters, decomposed accents (e + U+0301), marks in non-canonical order, Hangul jamo that compose
// (U+1100 U+1161 U+11A8), CJK, line breaks: cut anywhere, the pieces must normalise as the whole does.
const pieces = ['e', 'a', ' ', '\u0301', '\u0323', '\u0308', '\u1100', '\u1161', '\u11A8', '中', '文', '\n', 'ü', 'x'];

describe('nfcByLines', () => {
  it('gives the NFC of the whole text however the text is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 12 }), async (chars, cuts) => {
        const text = chars.join('');
        const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from0 = 0;
        for (const c of [...at, text.length]) {
          chunks.push(text.slice(from0, c));
          from0 = c;
        }
        const out = await collect(chunks);
        expect(out.join('')).toBe(text.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('normalises a line longer than a chunk in pieces: a long run of marks and CJK with no safe cut, and long plain text', async () => {
    const marks = `e${'\u0301\u0323'.repeat(600)}${'中'.repeat(700)}`;
    const plain = 'cafe\u0301 '.repeat(2000);
    for (const text of [marks, plain, `${plain}\n${marks}\n`]) {
      const chunks = text.match(/[\s\S]{1,300}/g)!;
      const out = await collect(chunks);
      expect(out.join('')).toBe(text.normalize('NFC'));
      // Handed on as it goes, not held until the line ends (the marks' run has no safe cut, so it stays whole).
      if (text === plain) expect(Math.max(...out.map((s) => s.length))).toBeLessThanOrEqual(600);
    }
  });
});
