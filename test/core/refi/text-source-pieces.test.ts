import { describe, expect, it } from 'vitest';
import { formatProjectFrame, formatTextSource, type ProjectSelection } from '../../../src/core/refi/format-project-qde.js';
import { CodebookSchema } from '../../../src/core/model/codebook.js';

// One long document coded sentence by sentence holds millions of selections:
// its TextSource as one string passed what a string can hold (QC099 "Invalid
// string length" on a 200 MB document). It comes in pieces (of about 16M
// characters; smaller here), each cut after a whole selection.

const codebook = CodebookSchema.parse({ name: 'p', version: '1.0.0', categories: [{ id: 'c', label: 'C', codes: [{ id: 'x', label: 'X', patterns: ['x'] }] }] });

describe('formatTextSource', () => {
  it('gives a document of many selections in pieces, cut between selections, that join to the one element', () => {
    const doc = { id: 'long', metadata: { type: 'wire' } };
    const frame = formatProjectFrame({ name: 'p', codebook, documents: [doc], coders: ['ana'] });
    const n = 300;
    const sels: ProjectSelection[] = Array.from({ length: n }, (_, i) => ({ start: 10 * i, end: 10 * i + 9, coder: 'ana', memo: '', codes: ['x'] }));
    const pieces = [...formatTextSource(doc, sels, frame, (s) => `sentence ${s}`, 20_000)];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(20_000);
      expect(piece.length).toBeLessThan(20_000 + 1000);
      expect(piece.endsWith('</PlainTextSelection>')).toBe(true);
    }
    const whole = pieces.join('');
    expect(whole.startsWith('    <TextSource ')).toBe(true);
    expect(whole.endsWith('\n    </TextSource>')).toBe(true);
    expect(whole.split('<PlainTextSelection ').length - 1).toBe(n);
    expect(whole).toContain('<TextValue>wire</TextValue>');
  });

  it('gives a short document in one piece', () => {
    const doc = { id: 'short', metadata: {} };
    const frame = formatProjectFrame({ name: 'p', codebook, documents: [doc], coders: ['ana'] });
    expect([...formatTextSource(doc, [], frame, () => '')]).toHaveLength(1);
    expect([...formatTextSource(doc, [{ start: 0, end: 3, coder: 'ana', memo: 'm', codes: ['x'] }], frame, () => 'abc')]).toHaveLength(1);
  });
});
