import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/model/document.js';
import { stringTextBytes } from '../../src/core/match/code-document.js';
import { JsonContentBytes } from '../../src/core/match/decode-json-slice.js';
import { decodePickedText, forEachPickedJsonlText, pickedTextUtf8 } from '../../src/io/read-picked-jsonl.js';
import { streamDocuments } from '../../src/io/stream-documents.js';

// The second pass's JSONL reader must number and parse documents exactly as
// streamDocuments does (which the first pass used), whatever the line ends
// (LF, CRLF, a bare CR), blank lines, a byte-order mark, text and keys that
// NFC changes; and hash the same bytes.

const columns = { idColumn: 'id', textColumn: 'text' };
const text = fc.constantFrom('Tariffs rose.', 'Cafe\u0301 ok.', 'a\\nb', 'tab\\there', '😀 x', '', '  ', 'quote \\" end', 'e\\u0301', 'cr\\r\\nlf', 'cr\\u000d\\u000Alf', 'a\\/b', 'back\\\\u0301', 'lone \\ud800 x', 'pair \\ud83d\\ude00 x', 'caf\u00e9 \\u00e9');
const line = fc.oneof(
  fc.tuple(fc.constantFrom('d', 'e\u0301', 'x'), text, fc.constantFrom('type', 'typ\u0065\u0301', 'sou\u0301rce')).map(([id, t, key]) => ({ id, t, key })),
  fc.constantFrom('', '   ', '\t', '\u00a0'),
);
const ends = fc.constantFrom('\n', '\r\n', '\r');

describe('forEachPickedJsonlText and decodePickedText', () => {
  it('gives the documents streamDocuments gives, numbered alike, for any picks; and the sha256 of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, ends), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), fc.func(fc.boolean()), async (lines, bom, lastEnd, pick) => {
        let n = 0;
        const body = lines
          .map(([l, end], i) => {
            if (typeof l === 'string') return l + (i < lines.length - 1 || lastEnd ? end : '');
            // Besides the common line: a text key given twice (the last wins) and a text that is a number.
            const shape = n % 5;
            const texts = shape === 3 ? `"text":"first","text":"${l.t}"` : shape === 4 ? `"text":${n}` : `"text":"${l.t}"`;
            const raw = `{"id":"${l.id}${n++}",${texts},"${l.key}":"v\u0301"}`;
            return raw + (i < lines.length - 1 || lastEnd ? end : '');
          })
          .join('');
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'qcode-picked-')), 'corpus.jsonl');
        writeFileSync(file, (bom ? '\uFEFF' : '') + body);
        const stream = streamDocuments(file, columns);
        const all: Document[] = [];
        for await (const doc of stream.documents) all.push(doc);
        const end = stream.end();
        const want = (d: number) => pick(d) as boolean;
        const expected = all.flatMap((doc, d) => (want(d) ? [[d, doc.id, doc.text]] : []));
        const got: unknown[] = [];
        const content = new JsonContentBytes();
        const sha = await forEachPickedJsonlText(file, columns, want, (d, t) => {
          const bytes = pickedTextUtf8(t, content);
          // The UTF-8 handed out without a string is the text's own, whenever there is one.
          if (bytes) expect(Buffer.from(bytes).equals(Buffer.from(decodePickedText(t)))).toBe(true);
          got.push([d, t.id, decodePickedText(t)]);
        });
        expect(got).toEqual(expected);
        expect(sha).toBe(end.fileSha256);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a text’s UTF-8 from the line where normalising changes nothing: escapes resolved; not where NFC or a CR would change it or a lone surrogate was replaced', async () => {
    const texts = { plain: 'Tariffs rose.', escaped: 'a\\nb \\"q\\" caf\u00e9 \\u00e9', astral: 'pair \\ud83d\\ude00 😀', decomposed: 'e\\u0301', lone: 'lone \\ud800 x', crlf: 'a\\r\\nb' };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qcode-picked-')), 'corpus.jsonl');
    writeFileSync(file, Object.entries(texts).map(([id, t]) => `{"id":"${id}","text":"${t}"}\n`).join(''));
    const content = new JsonContentBytes();
    const got: Record<string, string | null> = {};
    await forEachPickedJsonlText(file, columns, () => true, (_d, t) => {
      const bytes = pickedTextUtf8(t, content);
      got[t.id] = bytes ? Buffer.from(bytes).toString() : null;
    });
    expect(got).toEqual({ plain: 'Tariffs rose.', escaped: 'a\nb "q" café é', astral: 'pair 😀 😀', decomposed: null, lone: null, crlf: null });
  });

  it('gives back a text held in memory as it is, a U+FEFF at its start included (what normalising leaves of two), as string and as UTF-8', () => {
    const content = new JsonContentBytes();
    for (const text of ['\ufeffabc', '\ufeff', 'plain', 'caf\u00e9 “q”', 'a\nb\t"c"\\', '😀\ufeff']) {
      const t = stringTextBytes(text);
      expect(decodePickedText(t)).toBe(text);
      expect(Buffer.from(pickedTextUtf8(t, content)!).toString()).toBe(text);
    }
  });
});
