import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { readCorpus } from '../../src/io/read-corpus.js';
import { computeCorpusHash } from '../../src/core/corpus/compute-corpus-hash.js';
import { QcodeError } from '../../src/core/diagnostics/qcode-error.js';

const docs = [
  { id: 'a-1', title: 'First', type: 'news', language: 'en', text: 'Tariffs rose.\n\nMexico said "no".\n' },
  { id: 'b-2', title: 'Segundo', type: 'official', language: 'es', text: 'La soberanía de México.\nEE. UU. respondió.' },
  { id: 'c-3', title: 'Comma, "quoted"', type: 'social', language: 'en', text: 'Line one\nline two, with comma' },
];

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'qcode-corpus-'));
}

function writeFolder(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const d of docs) {
    const fm = `---\nid: ${d.id}\ntitle: '${d.title.replace(/'/g, "''")}'\ntype: ${d.type}\nlanguage: ${d.language}\n---\n`;
    writeFileSync(path.join(dir, `${d.id}.md`), fm + d.text);
  }
}

describe('readCorpus', () => {
  it('loads the same documents from a folder, a CSV and a JSONL file', async () => {
    const root = tmp();
    writeFolder(path.join(root, 'folder'));
    writeFileSync(path.join(root, 'docs.csv'), stringify(docs, { header: true, columns: ['id', 'title', 'type', 'language', 'text'] }));
    writeFileSync(path.join(root, 'docs.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const strip = (ds: { id: string; text: string; metadata: Record<string, string> }[]) =>
      ds.map(({ id, text, metadata }) => ({ id, text, metadata }));
    const folder = await readCorpus(path.join(root, 'folder'));
    const csv = await readCorpus(path.join(root, 'docs.csv'));
    const jsonl = await readCorpus(path.join(root, 'docs.jsonl'));
    expect(folder.diagnostics).toEqual([]);
    expect(csv.diagnostics).toEqual([]);
    expect(jsonl.diagnostics).toEqual([]);
    expect(strip(folder.documents)).toEqual(strip(csv.documents));
    expect(strip(jsonl.documents)).toEqual(strip(csv.documents));
    expect(folder.documents.map((d) => d.id)).toEqual(['a-1', 'b-2', 'c-3']);
    expect(computeCorpusHash(folder.documents)).toBe(computeCorpusHash(jsonl.documents));
  });

  it('strips a BOM, turns CRLF and CR into LF and composes to NFC', async () => {
    const root = tmp();
    const decomposed = 'Me\u0301xico'; // e + combining acute
    writeFileSync(path.join(root, 'bom.txt'), `\uFEFFline one\r\nline two\rline three ${decomposed}`);
    const { documents } = await readCorpus(root);
    expect(documents[0]!.text).toBe('line one\nline two\nline three México');
    expect(documents[0]!.text).toBe(documents[0]!.text.normalize('NFC'));
    expect(documents[0]!.id).toBe('bom');
  });

  it('names the file and byte offset of invalid UTF-8', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'bad.txt'), Buffer.from([0x61, 0x62, 0x0a, 0x63, 0xc3, 0x28, 0x64]));
    const { diagnostics } = await readCorpus(root, undefined, (p) => path.basename(p));
    expect(diagnostics.map((d) => d.code)).toEqual(['QC302', 'QC310']);
    expect(diagnostics[0]!.message).toContain('byte offset 4');
    expect(diagnostics[0]!.location).toEqual({ file: 'bad.txt', line: 2 });
  });

  it('reports each CSV row with a wrong field count by line, and missing columns', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'c.csv'), 'id,text,type\nd1,"hello\nworld",news\nd2,too few\nd3,ok,news\nd4,a,b,c\n');
    const { documents, diagnostics } = await readCorpus(path.join(root, 'c.csv'), undefined, (p) => path.basename(p));
    expect(documents.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['QC305', 4],
      ['QC305', 6],
    ]);
    writeFileSync(path.join(root, 'm.csv'), 'doc,body\nd1,x\n');
    const missing = await readCorpus(path.join(root, 'm.csv'));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['QC306', 'QC306', 'QC310']);
    const mapped = await readCorpus(path.join(root, 'm.csv'), { idColumn: 'doc', textColumn: 'body' });
    expect(mapped.documents[0]).toMatchObject({ id: 'd1', text: 'x' });
  });

  it('reports duplicate ids, empty documents, bad ids and bad JSONL lines', async () => {
    const root = tmp();
    writeFileSync(
      path.join(root, 'c.jsonl'),
      ['{"id":"x","text":"a"}', '{"id":"x","text":"b"}', '{"id":"e","text":"  "}', 'not json', '[1]', '{"id":"has space","text":"t"}'].join('\n'),
    );
    const { diagnostics } = await readCorpus(path.join(root, 'c.jsonl'), undefined, (p) => path.basename(p));
    expect(diagnostics.map((d) => `${d.code}@${d.location?.line}`).sort()).toEqual(
      ['QC303@2', 'QC304@3', 'QC307@4', 'QC307@5', 'QC309@6'].sort(),
    );
  });

  it('skips README files and reads sub-folders in path order', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'README.md'), '# About this corpus');
    mkdirSync(path.join(root, 'b'));
    writeFileSync(path.join(root, 'b', 'z.txt'), 'z');
    writeFileSync(path.join(root, 'a.md'), 'a');
    writeFileSync(path.join(root, 'notes.json'), '{}');
    const { documents } = await readCorpus(root);
    expect(documents.map((d) => d.id)).toEqual(['a', 'z']);
  });

  it('refuses a path that is neither a folder, a CSV nor a JSONL', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'x.xlsx'), '');
    await expect(readCorpus(path.join(root, 'x.xlsx'))).rejects.toBeInstanceOf(QcodeError);
    await expect(readCorpus(path.join(root, 'missing'))).rejects.toMatchObject({ code: 'QC002' });
  });
});
