import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/core/diagnostics/diagnostic.js';
import { QcodeError } from '../../src/core/diagnostics/qcode-error.js';
import { computeReviewedScopes, computeScopes, reviewedUnitsOf } from '../../src/core/agreement/compute-scopes.js';
import { computeTextSha } from '../../src/core/util/hash.js';
import { readCodingFile } from '../../src/io/coding-file.js';
import { readCodingTable } from '../../src/io/read-coding-table.js';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable } from '../../src/io/read-segment-table.js';
import { readStudy } from '../../src/io/read-study.js';

// The compact tables must say what the object path says: the same segments
// (ids, documents, offsets, text_sha, drop: applied after ids are given),
// and for a coding file the same codings in the same order and the same
// diagnostics, on generated corpora and coding files full of defects.

/** Two categories, the second exclusive: what QC404 and the category scope of agree need. */
const CODEBOOK = readFileSync(path.resolve(import.meta.dirname, '../fixtures/codebooks/topic-and-exclusive-tone.yaml'), 'utf8');

const sentence = fc.constantFrom('Tariffs rose.', 'Jobs fell!', 'Good news?', 'Bad day.', 'Read more at wire.', 'Ünïcode é.', 'Same.', 'Same.', '😀 ok.');
const document = fc.array(fc.array(sentence, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 3 }).map((ps) => ps.map((p) => p.join(' ')).join('\n\n'));
const corpus = fc.array(document, { minLength: 1, maxLength: 6 });

function writeProject(docs: readonly string[], unit: string, drop: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-compact-'));
  writeFileSync(path.join(dir, 'codebook.yaml'), CODEBOOK);
  writeFileSync(path.join(dir, 'corpus.jsonl'), docs.map((text, i) => JSON.stringify({ id: `d${i + 1}`, text, type: i % 2 ? 'wire' : 'blog' })).join('\n') + '\n');
  writeFileSync(path.join(dir, 'qcode.yaml'), `codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: ${unit}\n${drop ? 'drop: ["read more at*"]\n' : ''}`);
  mkdirSync(path.join(dir, 'out', 'codings'), { recursive: true });
  return dir;
}

const show = (ds: readonly Diagnostic[]) =>
  sortDiagnostics(ds).map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? ''}:${d.location?.col ?? ''} ${d.severity} ${d.code} ${d.message} | ${d.hint ?? ''}`);

async function outcome<T>(run: () => Promise<T>): Promise<{ value?: T; thrown?: string[] }> {
  try {
    return { value: await run() };
  } catch (e) {
    if (e instanceof QcodeError) return { thrown: show(e.diagnostics) };
    throw e;
  }
}

describe('the segment table', () => {
  it('holds the segments of readStudy: ids, documents, indexes, offsets, text_sha; lookups of every id and of ids that are not there', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.constantFrom('sentence', 'paragraph', 'document'), fc.boolean(), async (docs, unit, drop) => {
        const dir = writeProject(docs, unit, drop);
        const project = await readProject(dir);
        const study = await readStudy(project);
        const compact = await readSegmentTable(project);
        const t = compact.segments;
        expect(t.length).toBe(study.segments.length);
        expect(compact.dropped).toBe(study.dropped);
        expect(compact.corpusSha256).toBe(study.corpusSha256);
        expect(compact.corpusFileSha256).toBe(study.corpusFileSha256);
        expect(t.documents.map((d) => d.id)).toEqual(study.corpus.map((d) => d.id));
        study.segments.forEach((s, n) => {
          expect(t.segmentNumber(s.segment_id)).toBe(n);
          expect([t.segmentId(n), t.docId(n), t.index(n), t.start(n), t.end(n), t.textSha(n)]).toEqual([s.segment_id, s.doc_id, s.index, s.start, s.end, computeTextSha(s.text)]);
          expect(t.hasTextSha(n, computeTextSha(s.text))).toBe(true);
        });
        const letter = unit[0];
        for (const id of [`d1:${letter}0`, `d1:${letter}01`, `d1:x1`, `zz:${letter}1`, `d1:${letter}99`, `d1:${letter}`, `d1${letter}1`, `d1:${letter}1 `]) {
          expect(t.segmentNumber(id), id).toBe(study.segments.findIndex((s) => s.segment_id === id));
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Rows of a coding file: good ones from the segments, and every kind of defect. */
const defect = fc.constantFrom(
  'ok',
  'ok',
  'ok',
  'none',
  'unknown-segment',
  'unknown-doc-segment',
  'wrong-doc',
  'accented-doc-and-category',
  'wrong-coder',
  'unknown-code',
  'wrong-category',
  'category-only',
  'duplicate',
  'moved',
  'orphan',
  'bad-sha',
  'no-sha',
  'short-row',
  'exclusive',
  // Cells the byte path (PlainCodingRows) must leave to the parser: trimming changes them, or the fingerprint is upper-case.
  'padded-segment',
  'padded-doc',
  'padded-code',
  'padded-coder',
  'upper-sha',
  'empty-coder',
);
const memo = fc.constantFrom('', '', 'note', 'a, b', 'say "hi"', 'é😀', 'two\nlines', ' lead');

interface Row {
  cells: string[];
}

function codingRows(segments: { segment_id: string; doc_id: string; text: string }[], picks: { seg: number; defect: string; memo: string; code: number }[]): Row[] {
  const codes = [
    ['topic', 'trade'],
    ['topic', 'jobs'],
    ['tone', 'pos'],
    ['tone', 'neg'],
  ] as const;
  const out: Row[] = [];
  for (const p of picks) {
    if (segments.length === 0) break;
    const s = segments[p.seg % segments.length]!;
    const other = segments[(p.seg + 1) % segments.length]!;
    const [category, code] = codes[p.code % codes.length]!;
    const sha = computeTextSha(s.text);
    const row = [s.segment_id, s.doc_id, sha, 'ana', category, code, p.memo];
    switch (p.defect) {
      case 'none': row[4] = ''; row[5] = ''; break;
      case 'unknown-segment': row[0] = `${s.doc_id}:s999`; row[2] = ''; break;
      case 'unknown-doc-segment': row[0] = 'nodoc:s1'; row[1] = ''; row[2] = ''; break;
      case 'wrong-doc': row[1] = other.doc_id === s.doc_id ? 'elsewhere' : other.doc_id; break;
      // Columns count UTF-16 units: a cell after one with accents and an emoji.
      case 'accented-doc-and-category': row[1] = 'dé😀'; row[4] = category === 'topic' ? 'tone' : 'topic'; break;
      case 'wrong-coder': row[3] = 'bob'; break;
      case 'unknown-code': row[5] = 'trad'; break;
      case 'wrong-category': row[4] = category === 'topic' ? 'tone' : 'topic'; break;
      case 'category-only': row[5] = ''; break;
      case 'duplicate': out.push({ cells: [...row] }); break;
      case 'moved': row[2] = computeTextSha(other.text); break;
      case 'orphan': row[2] = computeTextSha('gone'); break;
      case 'bad-sha': row[2] = 'XYZ'; break;
      case 'no-sha': row[2] = ''; break;
      case 'short-row': row.pop(); break;
      case 'padded-segment': row[0] = ` ${row[0]}`; break;
      case 'padded-doc': row[1] = `${row[1]}\t`; break;
      case 'padded-code': row[5] = `${row[5]} `; break;
      case 'padded-coder': row[3] = ' ana'; break;
      case 'upper-sha': row[2] = sha.toUpperCase(); break;
      case 'empty-coder': row[3] = ''; break;
      case 'exclusive': out.push({ cells: [s.segment_id, s.doc_id, sha, 'ana', 'tone', 'pos', ''] }); row[4] = 'tone'; row[5] = 'neg'; break;
    }
    out.push({ cells: row });
  }
  return out;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('the coding table', () => {
  const pick = fc.record({ seg: fc.nat(40), defect, memo, code: fc.nat(3) });
  // Rows a segment at a time (grouped, as qcode writes them) are settled as they stream; others are read again and sorted.
  it('reads a coding file (CSV or JSONL) as readCodingFile does: the same codings in order, the same diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.array(pick, { maxLength: 25 }), fc.constantFrom('csv', 'jsonl'), fc.boolean(), fc.boolean(), fc.boolean(), async (...args) => {
        await readsAlike(...args);
      }),
      { numRuns: 120 },
    );
  });

  it('points a QC404 at the code cell after a memo of accents and an emoji, as the in-memory parser does (columns in UTF-16 units)', async () => {
    const shown = await readsAlike(['Tariffs rose. Jobs fell!'], [{ seg: 0, defect: 'exclusive', memo: 'é😀', code: 0 }], 'csv', false, true, true);
    expect(shown.filter((d) => d.includes('QC404'))).toHaveLength(1);
  });

  it('refuses a coding CSV that is not UTF-8 as readCodingFile does, wherever the bad byte lies; a character cut by a chunk end is no bad byte', async () => {
    const dir = writeProject(['Tariffs rose. Jobs fell!'], 'sentence', false);
    const project = await readProject(dir);
    const study = await readStudy(project);
    const compact = await readSegmentTable(project);
    const seg = study.segments[0]!;
    // Memos of four-byte characters over 1.2 MiB: the reader's first 1 MiB chunk ends inside one of them.
    const memo = '😀'.repeat(2500) + 'é';
    const row = (pad = '') => `${seg.segment_id},${seg.doc_id},${computeTextSha(seg.text)},ana,,,${pad}${memo}\n`;
    // A pad in the first memo moves the chunk's end to the middle of a character.
    const made = ['', 'x', 'xx', 'xxx'].map((pad) => Buffer.from(`segment_id,doc_id,text_sha,coder,category,code,memo\n${row(pad)}${row().repeat(124)}`));
    const good = made.find((b) => (b[1 << 20]! & 0xc0) === 0x80)!;
    expect(good).toBeDefined();
    const file = path.join(dir, 'out', 'codings', 'ana.csv');
    const display = (p: string) => path.relative(dir, p);
    const read = async () => {
      const objects = await outcome(() => readCodingFile(file, { codebook: study.codebook, segments: study.segments, coder: 'ana', study, display }));
      const table = await outcome(() => readCodingTable(file, { codebook: compact.codebook, segments: compact.segments, coder: 'ana', study: compact, display }));
      expect(table.thrown).toEqual(objects.thrown);
      return table.thrown ?? [];
    };
    writeFileSync(file, good);
    expect(await read()).toEqual([]);
    for (const at of [60, (1 << 20) - 1, (1 << 20) + 5000, good.length - 3]) {
      const bad = Buffer.from(good);
      bad[at] = 0xff;
      writeFileSync(file, bad);
      // Inside a character, the offset is its first byte's.
      expect((await read()).join('\n')).toMatch(/error QC302 out\/codings\/ana\.csv is not valid UTF-8: byte 0x(ff|f0) at byte offset \d+/);
    }
    // A sequence the file's end cuts.
    writeFileSync(file, Buffer.concat([good, Buffer.from([0xf0, 0x9f])]));
    expect((await read()).join('\n')).toContain('QC302');
  });

  async function readsAlike(docs: string[], picks: { seg: number; defect: string; memo: string; code: number }[], ext: string, bom: boolean, grouped: boolean, memoFirst: boolean): Promise<string[]> {
    const dir = writeProject(docs, 'sentence', false);
    const project = await readProject(dir);
    const study = await readStudy(project);
    const compact = await readSegmentTable(project);
    const n = Math.max(1, study.segments.length);
    // The memo first: the code cell's column then counts the memo's UTF-16 units (a QC404 points at it).
    const order = (cells: string[]) => (memoFirst ? [cells[6]!, ...cells.slice(0, 6)] : cells);
    const rows = codingRows(study.segments, grouped ? [...picks].sort((a, b) => (a.seg % n) - (b.seg % n)) : picks).map((r) => ({ cells: order(r.cells) }));
    const header = order(['segment_id', 'doc_id', 'text_sha', 'coder', 'category', 'code', 'memo']);
    const file = path.join(dir, 'out', 'codings', `ana.${ext}`);
    const text =
      ext === 'csv'
        ? [header, ...rows.map((r) => r.cells)].map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
        : rows.map((r) => JSON.stringify(Object.fromEntries(r.cells.map((v, i) => [header[i], v])))).join('\n') + '\n';
    writeFileSync(file, (bom && ext === 'csv' ? '\ufeff' : '') + text);
    const display = (p: string) => path.relative(dir, p);
    const objects = await outcome(() => readCodingFile(file, { codebook: study.codebook, segments: study.segments, coder: 'ana', study, display }));
    const table = await outcome(() => readCodingTable(file, { codebook: compact.codebook, segments: compact.segments, coder: 'ana', study: compact, display }));
    expect(table.thrown).toEqual(objects.thrown);
    if (!objects.value) return [];
    const t = table.value!.codings;
    expect(Array.from({ length: t.length }, (_, r) => t.coding(r))).toEqual(objects.value.codings);
    expect(show(table.value!.diagnostics)).toEqual(show(objects.value.diagnostics));
    expect(t.reviewed).toBe(new Set(objects.value.codings.map((c) => c.segment_id)).size);
    return show(table.value!.diagnostics);
  }
});

describe('agreement on coding tables', () => {
  const pick = fc.record({ seg: fc.nat(40), defect: fc.constantFrom('ok', 'ok', 'none', 'exclusive', 'duplicate'), memo: fc.constant(''), code: fc.nat(3) });
  it('equals computeScopes over Coding objects, for two and three coders, with and without --complete-units', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.array(fc.array(pick, { maxLength: 20 }), { minLength: 2, maxLength: 3 }), fc.boolean(), async (docs, coderPicks, complete) => {
        const dir = writeProject(docs, 'sentence', false);
        const project = await readProject(dir);
        const study = await readStudy(project);
        const compact = await readSegmentTable(project);
        const objects = [];
        const tables = [];
        for (const [i, picks] of coderPicks.entries()) {
          const coder = `c${i}`;
          const rows = codingRows(study.segments, picks).map((r) => [...r.cells.slice(0, 3), coder, ...r.cells.slice(4)]);
          const file = path.join(dir, 'out', 'codings', `${coder}.csv`);
          writeFileSync(file, ['segment_id,doc_id,text_sha,coder,category,code,memo', ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n');
          const read = await readCodingFile(file, { codebook: study.codebook, segments: study.segments, coder });
          objects.push({ coder, codings: read.codings });
          tables.push({ coder, codings: (await readCodingTable(file, { codebook: compact.codebook, segments: compact.segments, coder })).codings });
        }
        const options = { missing: complete ? ('complete' as const) : ('available' as const) };
        const expected = computeScopes(study.codebook, objects, { ...options, segmentOrder: study.segments.map((s) => s.segment_id) });
        expect(computeReviewedScopes(compact.codebook, reviewedUnitsOf(tables), options)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
