import { describe, expect, it } from 'vitest';
import { compileKwicPattern, computeKwic, formatKwicLines } from '../../../src/core/analysis/kwic.js';
import { QcodeError } from '../../../src/core/diagnostics/qcode-error.js';
import type { Document } from '../../../src/core/model/document.js';
import type { Segment } from '../../../src/core/model/segment.js';

/** One document of one segment that starts `lead` code points into the document. */
function oneSegment(lead: string, text: string): { documents: Document[]; segments: Segment[] } {
  const start = [...lead].length;
  return {
    documents: [{ id: 'd', text: lead + text, metadata: {}, source: { file: 'd.md' } }],
    segments: [{ segment_id: 'd:s2', doc_id: 'd', unit: 'sentence', index: 2, start, end: start + [...text].length, text }],
  };
}

const kwic = (lead: string, text: string, pattern: string, window: number) => {
  const { documents, segments } = oneSegment(lead, text);
  return computeKwic(documents, segments, compileKwicPattern(pattern), window);
};

describe('computeKwic offsets and context', () => {
  it('gives code-point offsets into the document past astral characters before and inside the segment', () => {
    const lead = '\u{1F1F2}\u{1F1FD} 𝐀. ';
    const text = 'Vamos 🇲🇽 con México y 😀 mexico';
    const lines = kwic(lead, text, 'mexico', 3);
    const doc = [...lead + text];
    expect(lines.map((l) => [l.keyword, doc.slice(l.start, l.end).join('')])).toEqual([
      ['México', 'México'],
      ['mexico', 'mexico'],
    ]);
    expect(lines.map((l) => [l.left, l.right])).toEqual([
      ['on ', ' y '],
      [' 😀 ', ''],
    ]);
  });

  it('finds a decomposed accent and never cuts a combining mark or a flag from its letter', () => {
    const text = 'x\u0301 🇲🇽Me\u0301xico y\u0301z';
    const [line] = kwic('', text, 'mexico', 2);
    expect(line!.keyword).toBe('Me\u0301xico');
    expect([...text].slice(line!.start, line!.end).join('')).toBe('Me\u0301xico');
    expect(line!.left).toBe(' 🇲🇽');
    expect(line!.right).toBe(' y\u0301');
  });

  it('counts the window in user-perceived characters when aligning', () => {
    const lines = kwic('', 'e\u0301e\u0301 tariff', 'tariff', 4);
    expect(lines[0]!.left).toBe('e\u0301e\u0301 ');
    expect(formatKwicLines(lines, 4)).toBe('d:s2   e\u0301e\u0301 [tariff]\n');
  });

  it('lists a regex match with the same offsets as a word match', () => {
    const text = '😀 U.S. tariffs';
    const lines = kwic('😀. ', text, '/U\\.S\\./', 10);
    expect(lines.map((l) => [l.keyword, l.start, l.end, l.left])).toEqual([['U.S.', 5, 9, '😀 ']]);
  });
});

describe('compileKwicPattern refuses what the codebook refuses, as QC703 with the codebook’s hint', () => {
  const refusal = (pattern: string) => {
    try {
      compileKwicPattern(pattern);
    } catch (e) {
      if (e instanceof QcodeError) return e.diagnostics.map((d) => [d.code, d.message, d.hint]);
    }
    return [];
  };
  it.each([
    ['/(unclosed/', 'QC207', /Unterminated group/, /JavaScript syntax/],
    ['//', 'QC207', /regular expression is empty/, /JavaScript syntax/],
    ['/x/g', 'QC207', /flag 'g' is not allowed/, /JavaScript syntax/],
    ['/(a+)+/', 'QC208', /nests repetition/, /nested repetition/],
    ['U.S.', 'QC210', /'\.' is never part of a token/, /regex/],
    ['* *', 'QC210', /only wildcards/, /regex/],
    ['', 'QC210', /cannot be empty/, /regex/],
  ])('%s', (pattern, codebookCode, message, hint) => {
    const [d] = refusal(pattern);
    expect(d).toEqual(['QC703', expect.stringMatching(message), expect.stringMatching(hint)]);
    expect(d![1]).toContain(`(${codebookCode} in a codebook)`);
  });
});
