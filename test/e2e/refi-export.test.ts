import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveGuid } from '../../src/core/refi/guid.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { XMLLINT_SKIP, xmllintErrors } from '../helpers/refi-files.js';
import { copyDemo, runQcode, spawnQcode } from '../helpers/run-cli.js';

let demo: string;

// One demo project with three coders (the auto-coder and two imported spreadsheets), shared by the tests.
beforeAll(async () => {
  demo = copyDemo();
  for (const args of [['code'], ['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a'], ['import', 'coders/usmca-2026/coder-b.csv', '--coder', 'coder-b']]) {
    const r = await runQcode([...args, '-q'], { cwd: demo });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  await Promise.all([import('../../src/io/refi/write-qdpx.js'), import('../../src/io/refi/import-refi.js'), import('../../src/cli/commands/units.js')]);
});

describe('export --format qdpx', () => {
  it('writes the same bytes every time, with project.qde and one internal .txt per document', async () => {
    const a = await runQcode(['export', '--format', 'qdpx', '-o', 'a.qdpx'], { cwd: demo });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('coder-a: 70 codings (from its coding file)');
    expect((await runQcode(['export', '--format', 'qdpx', '-o', 'b.qdpx'], { cwd: demo })).code).toBe(0);
    const bytes = readFileSync(path.join(demo, 'a.qdpx'));
    expect(bytes.equals(readFileSync(path.join(demo, 'b.qdpx')))).toBe(true);
    const entries = Object.keys(unzipSync(bytes));
    expect(entries[0]).toBe('project.qde');
    expect(entries.filter((e) => /^sources\/[0-9a-f-]{36}\.txt$/.test(e))).toHaveLength(29);
  });

  it('writes one internal .txt for documents of one GUID (given twice, or given as another document derives it): the first keeps it', async () => {
    const dir = copyDemo();
    const folder = path.join(dir, 'corpus/usmca-2026');
    const files = readdirSync(folder).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    const withGuid = (file: string, guid: string) => writeFileSync(path.join(folder, file), readFileSync(path.join(folder, file), 'utf8').replace(/^---\n/, `---\nguid: ${guid}\n`));
    withGuid(files[0]!, 'a3c1e0f2-1111-4222-8333-444455556666');
    withGuid(files[1]!, 'a3c1e0f2-1111-4222-8333-444455556666');
    // The GUID qcode derives for the third document, given to the fourth (which comes after it).
    withGuid(files[3]!, deriveGuid(`document:${files[2]!.replace(/\.md$/, '')}`));
    const r = await runQcode(['export', '--format', 'qdpx', '-o', 'g.qdpx', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(path.join(dir, 'g.qdpx'));
    // Counted in the end record (an unzipped object would fold two entries of one name into one): project.qde and 27 texts.
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(28);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).filter((e) => e.startsWith('sources/'))).toHaveLength(27);
    const qde = new TextDecoder().decode(entries['project.qde']);
    expect(qde.match(/<TextSource /g)).toHaveLength(29);
  });

  it('writes the same archive from a JSONL corpus (texts taken as the bytes they are in the line) as from the same texts in a CSV corpus', async () => {
    // Escapes, characters beyond U+FFFF (offsets in code points, names cut at 100), text NFC changes, CRLF, quotes.
    const texts = [
      'Tariffs rose again. Jobs fell.',
      'Emoji 😀 here. Tariffs 🇲🇽 rose!\n\nA new paragraph with “quotes” and café.',
      'Line one.\r\nLine two, a tariff.',
      'Decomposed cafe\u0301, a tariff. Good.',
      '😀😀 tariff 😀 astral 𝒜𝒷𝒸 and more tariff words, past a hundred code points in the name of the selection, surely by now.',
      'Quote "inside" and a back\\slash, tariff\ttab.',
    ];
    const made: Buffer[] = [];
    for (const [file, body] of [
      ['corpus.jsonl', texts.map((text, i) => JSON.stringify({ id: `d${i}`, text, type: 'wire' })).join('\n') + '\n'],
      ['corpus.csv', `id,text,type\n${texts.map((text, i) => `d${i},"${text.replace(/"/g, '""')}",wire`).join('\n')}\n`],
    ] as const) {
      const dir = mkdtempSync(path.join(tmpdir(), 'qcode-qdpx-corpus-'));
      writeFileSync(path.join(dir, 'corpus' + path.extname(file)), body);
      writeFileSync(path.join(dir, 'codebook.yaml'), readFileSync(path.resolve(import.meta.dirname, '../fixtures/codebooks/topic-and-exclusive-tone.yaml')));
      writeFileSync(path.join(dir, 'qcode.yaml'), `codebook: codebook.yaml\ncorpus: ${file}\nunit: sentence\n`);
      for (const args of [['code'], ['export', '--format', 'qdpx', '-o', 'p.qdpx']]) {
        const r = await runQcode([...args, '-q'], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
      }
      made.push(readFileSync(path.join(dir, 'p.qdpx')));
      // And in a process of its own, where the texts are deflated and formatted on worker threads (handed over, not shared).
      const spawned = spawnQcode(['export', '--format', 'qdpx', '-o', 's.qdpx', '-q'], { cwd: dir });
      expect(spawned.code, spawned.stderr).toBe(0);
      made.push(readFileSync(path.join(dir, 's.qdpx')));
    }
    const qde = new TextDecoder().decode(unzipSync(made[0]!)['project.qde']);
    expect(qde).toContain('name="😀😀 tariff 😀 astral 𝒜𝒷𝒸');
    for (const other of made.slice(1)) expect(made[0]!.equals(other)).toBe(true);
  });

  it.skipIf(XMLLINT_SKIP !== '')(`validates against the standard's Project.xsd${XMLLINT_SKIP}`, async () => {
    expect((await runQcode(['export', '--format', 'qdpx', '-o', 'v.qdpx'], { cwd: demo })).code).toBe(0);
    const qde = new TextDecoder().decode(unzipSync(readFileSync(path.join(demo, 'v.qdpx')))['project.qde']);
    expect(xmllintErrors(qde, 'Project.xsd')).toBe('');
  });

  it('round-trips: init --from the export gives back the documents, the codebook and every coder’s codings', async () => {
    expect((await runQcode(['export', '--format', 'qdpx', '-o', 'rt.qdpx'], { cwd: demo })).code).toBe(0);
    const init = await runQcode(['init', '--from', 'rt.qdpx', 'back'], { cwd: demo });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).not.toMatch(/warning|error/);
    const back = path.join(demo, 'back');
    const units = await runQcode(['units', '--from-spans', 'auto,coder-a,coder-b'], { cwd: back });
    expect(units.code, units.stderr).toBe(0);
    for (const coder of ['auto', 'coder-a', 'coder-b']) {
      expect(readFileSync(path.join(back, `out/codings/${coder}.csv`), 'utf8'), coder).toBe(readFileSync(path.join(demo, `out/codings/${coder}.csv`), 'utf8'));
    }
    const codebook = async (cwd: string) => JSON.parse((await runQcode(['codebook', 'show', '--json'], { cwd })).stdout);
    expect(await codebook(back)).toEqual(await codebook(demo));
    // The imported project is an ordinary qcode project: agree runs on its two human coders.
    const agree = await runQcode(['agree', '--coders', 'coder-a,coder-b', '--format', 'csv'], { cwd: back });
    expect(agree.code, agree.stderr).toBe(0);
    const docs = async (p: string) => (await readCorpus(p)).documents.map((d) => ({ id: d.id, text: d.text, metadata: d.metadata }));
    expect(await docs(path.join(back, 'corpus'))).toEqual(await docs(path.join(demo, 'corpus/usmca-2026')));
  });
});
