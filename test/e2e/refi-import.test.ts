import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REFI_DIR, REFI_SKIP, refiFile } from '../helpers/refi-files.js';
import { hasStackTrace, runQcode } from '../helpers/run-cli.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'qcode-refi-'));
const readSpans = (file: string) => parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
const codeGuids = (dir: string) => {
  const cb = parseYaml(readFileSync(path.join(dir, 'codebook.yaml'), 'utf8')) as { categories: { codes: { id: string; guid?: string }[] }[] };
  return new Map(cb.categories.flatMap((c) => c.codes).map((c) => [c.guid!.toLowerCase(), c.id]));
};
/** Attributes of every match of an element in XML text, read with a regular expression: independent of qcode's parser. */
const elements = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}\\s([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));

beforeAll(async () => {
  await Promise.all([import('../../src/cli/commands/init.js'), import('../../src/io/refi/import-refi.js')]);
});

describe(`init --from on real QDA exports${REFI_SKIP}`, () => {
  it.skipIf(!REFI_DIR)('NVivo 12.6: 2 documents, the full code tree, 303 spans whose text is what NVivo’s UTF-16 positions select', async () => {
    const dir = path.join(scratch(), 'study');
    const qdpx = refiFile('nvivo-12.6-win/oltas0517.qdpx');
    const r = await runQcode(['init', '--from', qdpx, dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('positions  UTF-16 code units, by the origin "NVivo for Windows 12.6"');
    expect(r.stderr).toMatch(/QC808: 297 coding\(s\) name a different user than their selection \(297: the Coding names Gergo, the selection floriansipos\)/);
    expect(readdirSync(path.join(dir, 'corpus')).sort()).toEqual(['videos_10_selected.txt', 'videos_selection.txt']);

    // Independently: unzip, read selections with a regular expression, slice the raw text in UTF-16 units.
    const zip = unzipSync(readFileSync(qdpx));
    const qde = new TextDecoder().decode(zip['project.qde']);
    const codes = elements(qde, 'Code');
    const guids = codeGuids(dir);
    expect(guids.size).toBe(codes.filter((c) => c.isCodable === 'true').length);
    for (const c of codes.filter((x) => x.isCodable === 'true')) expect(guids.has(c.guid!.toLowerCase()), c.name).toBe(true);
    const expected: string[] = [];
    for (const source of qde.split('<TextSource ').slice(1)) {
      const attrs = elements(`<TextSource ${source}`, 'TextSource')[0]!;
      const raw = new TextDecoder().decode(zip[`Sources/${attrs.plainTextPath!.slice('internal://'.length)}`]).replace(/^\uFEFF/, '');
      for (const sel of source.split('<PlainTextSelection ').slice(1)) {
        const s = elements(`<PlainTextSelection ${sel}`, 'PlainTextSelection')[0]!;
        const code = elements(sel, 'CodeRef')[0]!.targetGUID!.toLowerCase();
        const shown = raw.slice(Number(s.startPosition), Number(s.endPosition)).replace(/\r\n?/g, '\n').normalize('NFC');
        expected.push(`${attrs.name}|${guids.get(code)}|${shown}`);
      }
    }
    const spans = readSpans(path.join(dir, 'out/codings/spans/Gergo.csv'));
    expect(spans).toHaveLength(303);
    expect(spans.map((s) => `${s.doc_id}|${s.code}|${s.text}`).sort()).toEqual(expected.sort());
  });

  it.skipIf(!REFI_DIR)('qc 1.3.2: every span is the whole line its selection names, trailing newline included', async () => {
    const dir = path.join(scratch(), 'qc');
    const r = await runQcode(['init', '--from', refiFile('qc-1.3.2/demo.qdpx'), dir]);
    expect(r.code, r.stderr).toBe(0);
    const zip = unzipSync(readFileSync(refiFile('qc-1.3.2/demo.qdpx')));
    const qde = new TextDecoder().decode(zip['project.qde']);
    const lineOf = new Map<string, string>();
    for (const source of qde.split('<TextSource ').slice(1)) {
      const attrs = elements(`<TextSource ${source}`, 'TextSource')[0]!;
      const lines = new TextDecoder().decode(zip[`sources/${attrs.plainTextPath}`]).split('\n');
      for (const s of elements(source, 'PlainTextSelection')) lineOf.set(`${attrs.plainTextPath!.replace(/\.txt$/, '')}:${s.startPosition}`, `${lines[Number(s.name!.slice('line:'.length))]}\n`);
    }
    const spans = readSpans(path.join(dir, 'out/codings/spans/cp.csv'));
    expect(spans).toHaveLength(205);
    for (const s of spans) expect(s.text).toBe(lineOf.get(`${s.doc_id}:${s.start}`));
  });

  it.skipIf(!REFI_DIR)('ATLAS.ti 8 without its texts: exit 2, every skipped PDF, picture, audio and video source listed, nothing written', async () => {
    const dir = path.join(scratch(), 'atlas');
    const r = await runQcode(['init', '--from', refiFile('atlas.ti-8-mac/TestProject.qdpx'), dir]);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('error QC811: none of the 6 text source(s)');
    expect(r.stderr).toContain('read: 3 user(s), 14 code(s), 16 set(s), 0 case(s)');
    for (const kind of ['2 PDF source(s)', '1 picture source(s)', '1 audio source(s)', '2 video source(s)']) expect(r.stderr).toContain(`QC807: ${kind} not imported`);
    expect(r.stderr).toMatch(/Project\.qde:56 - warning QC804: text source 'Mabel\.txt' not imported/);
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(!REFI_DIR)('ATLAS.ti 8 with its texts supplied: documents, coders from users, "gender: male" sets as metadata', async () => {
    // The archive's sources folder is empty; the test supplies stand-in texts long enough for every selection.
    const qde = readFileSync(refiFile('atlas.ti-8-mac/Project.qde'));
    const entries: Record<string, Uint8Array> = { 'Project.qde': qde };
    const text = new TextDecoder().decode(qde);
    for (const s of elements(text, 'TextSource')) {
      entries[`Sources/${s.plainTextPath!.slice('internal://'.length)}`] = new TextEncoder().encode(`${s.name} `.repeat(200));
    }
    const work = scratch();
    writeFileSync(path.join(work, 'atlas.qdpx'), zipSync(entries));
    const r = await runQcode(['init', '--from', 'atlas.qdpx', 'study'], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    const dir = path.join(work, 'study');
    // Names that are valid ids stay as they are; others become slugs.
    expect(readdirSync(path.join(dir, 'corpus')).sort()).toEqual([
      '1960s-coca-cola-commercial-audio.txt',
      '1960s-coca-cola-commercial-visual.txt',
      '1994-diet-coke-diet-coke-break.txt',
      'Mabel.txt',
      'Simon.txt',
      'mabel-2ieme.txt',
    ]);
    const simon = readFileSync(path.join(dir, 'corpus/Simon.txt'), 'utf8');
    expect(simon).toMatch(/^---\nid: Simon\ntitle: Simon\.docx\ngender: male\nsets: Simon; Text files\nage: "67"\nguid: AE5298BE-7C94-4B66-8A9C-51FBE232D2F5\n---\n/);
    expect(readdirSync(path.join(dir, 'out/codings/spans'))).toEqual(['Friedrich-Markgraf.csv']);
    expect(readSpans(path.join(dir, 'out/codings/spans/Friedrich-Markgraf.csv'))).toHaveLength(7);
    expect(r.stdout).toContain('users without codings: ATLAS.ti, Sebastian Petrausch');
  });
});

describe('init --from refuses what it must', () => {
  it('never overwrites an existing project', async () => {
    const dir = scratch();
    expect((await runQcode(['init', dir])).code).toBe(0);
    const before = readFileSync(path.join(dir, 'codebook.yaml'), 'utf8');
    const qdpx = path.join(scratch(), 'p.qdpx');
    writeFileSync(qdpx, zipSync({ 'project.qde': new TextEncoder().encode('<Project name="p"/>') }));
    const r = await runQcode(['init', '--from', qdpx, dir]);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'codebook.yaml'), 'utf8')).toBe(before);
  });

  it('reports a damaged archive and malformed XML with the entry and line', async () => {
    const dir = scratch();
    const good = zipSync({ 'project.qde': new TextEncoder().encode('<?xml version="1.0"?>\n<Project name="p">\n  <Users>\n') });
    writeFileSync(path.join(dir, 'cut.qdpx'), good.subarray(0, good.length - 30));
    const cut = await runQcode(['init', '--from', 'cut.qdpx', 'a'], { cwd: dir });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cut\.qdpx - error QC801: cut\.qdpx is not a readable zip archive/);
    writeFileSync(path.join(dir, 'bad.qdpx'), good);
    const bad = await runQcode(['init', '--from', 'bad.qdpx', 'b'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.qdpx\/project\.qde:4:1 - error QC802: not well-formed XML/m);
    expect(hasStackTrace(bad.stderr + cut.stderr)).toBe(false);
  });
});
