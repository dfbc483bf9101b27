import { describe, expect, it } from 'vitest';
import { formatProjectFrame, formatTextSource, type ProjectSelection, type SourceFrame } from '../../../src/core/refi/format-project-qde.js';
import { formatEscapedXmlInto } from '../../../src/core/refi/format-xml.js';
import { CodebookSchema } from '../../../src/core/model/codebook.js';
import type { DocumentHead } from '../../../src/core/segment/segment-table.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';

// One long document coded sentence by sentence holds millions of selections:
// its TextSource as one string passed what a string can hold (QC099 "Invalid
// string length" on a 200 MB document). It comes in pieces (of about 4 MB;
// smaller here), each cut after a whole selection.

const codebook = CodebookSchema.parse({ name: 'p', version: '1.0.0', categories: [{ id: 'c', label: 'C', codes: [{ id: 'x', label: 'X', patterns: ['x'] }] }] });

/** formatTextSource's pieces: the text of what it left in its buffer each time it yielded, and at its end. */
function pieces(doc: DocumentHead, sels: ProjectSelection[], frame: SourceFrame, nameOf: (start: number, end: number) => string, pieceBytes?: number): string[] {
  const nameInto = (into: ByteRows, start: number, end: number) => formatEscapedXmlInto(into, nameOf(start, end), true);
  const out = new ByteRows();
  const all: string[] = [];
  const take = () => {
    all.push(new TextDecoder().decode(out.bytes.subarray(0, out.length)));
    out.clear();
  };
  for (const _ of formatTextSource(doc, sels, frame, nameInto, out, pieceBytes)) take();
  if (out.length > 0) take();
  return all;
}

describe('formatTextSource', () => {
  it('gives a document of many selections in pieces, cut between selections, that join to the one element', () => {
    const doc = { id: 'long', metadata: { type: 'wire' } };
    const frame = formatProjectFrame({ name: 'p', codebook, documents: [doc], coders: ['ana'] });
    const n = 300;
    const sels: ProjectSelection[] = Array.from({ length: n }, (_, i) => ({ start: 10 * i, end: 10 * i + 9, coder: 'ana', memo: '', codes: ['x'] }));
    const parts = pieces(doc, sels, frame, (s) => `sentence ${s}`, 20_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const piece of parts.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(20_000);
      expect(piece.length).toBeLessThan(20_000 + 1000);
      expect(piece.endsWith('</PlainTextSelection>')).toBe(true);
    }
    const whole = parts.join('');
    expect(whole.startsWith('    <TextSource ')).toBe(true);
    expect(whole.endsWith('\n    </TextSource>')).toBe(true);
    expect(whole.split('<PlainTextSelection ').length - 1).toBe(n);
    expect(whole).toContain('<TextValue>wire</TextValue>');
  });

  it('gives a short document in one piece', () => {
    const doc = { id: 'short', metadata: {} };
    const frame = formatProjectFrame({ name: 'p', codebook, documents: [doc], coders: ['ana'] });
    expect(pieces(doc, [], frame, () => '')).toHaveLength(1);
    expect(pieces(doc, [{ start: 0, end: 3, coder: 'ana', memo: 'm', codes: ['x'] }], frame, () => 'abc')).toHaveLength(1);
  });

  it('writes memos and ids escaped and encoded as escapeXmlAttribute and UTF-8 would, surrogates and all', () => {
    const doc = { id: 'd&"<1>', metadata: { note: 'a\tb' } };
    const frame = formatProjectFrame({ name: 'p', codebook, documents: [doc], coders: ['ana'] });
    const name = 'Tab\there "q" & <a> \r\n é 教 😀 lone \ud800 end \udc00';
    const whole = pieces(doc, [{ start: 0, end: 3, coder: 'ana', memo: 'memo & <b> "q"\n\té😀\r', codes: ['x', 'unknown'] }], frame, () => name).join('');
    expect(whole).toContain(`name="Tab&#9;here &quot;q&quot; &amp; &lt;a&gt; &#13;&#10; é 教 😀 lone \ufffd end \ufffd"`);
    expect(whole).toContain('<Description>memo &amp; &lt;b&gt; "q"\n\té😀&#13;</Description>');
    expect(whole).toContain('name="d&amp;&quot;&lt;1&gt;"');
    expect(whole).toMatch(/<Coding guid="[0-9a-f-]{36}" creatingUser="[0-9a-f-]{36}">\n {10}<CodeRef targetGUID="[0-9a-f-]{36}"\/>\n {8}<\/Coding>\n {8}<Coding guid="[0-9a-f-]{36}" creatingUser="[0-9a-f-]{36}">\n {10}<CodeRef\/>\n {8}<\/Coding>\n {6}<\/PlainTextSelection>/);
  });
});
