import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/io/read-project.js';
import { forEachStudyDocument, readSegmentTable, type CompactStudy } from '../../src/io/read-segment-table.js';
import { corpusColumns } from '../../src/io/read-study.js';
import { readCodebook } from '../../src/io/read-codebook.js';
import { readCorpusFingerprint, readSegmentIndex, segmentIndexKey, segmentIndexPath } from '../../src/io/segment-index.js';
import type { Unit } from '../../src/core/model/codebook.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// The segment index is a cache under out/.index: a study read from it must be
// the study the corpus gives, and an index that no longer fits the corpus or
// the settings (edited bytes of the same length, another unit or drop: rule,
// a truncated or corrupt file, another qcode version) must never be used.

/** Everything a command can see of a compact study's table and corpus facts. */
function snapshot(study: CompactStudy) {
  const t = study.segments;
  const rows: string[] = [];
  for (let n = 0; n < t.length; n++) rows.push(`${t.segmentId(n)} ${t.doc(n)} ${t.start(n)} ${t.end(n)} ${t.textSha(n)}`);
  const docs = t.documents.map((d, i) => `${d.id} ${JSON.stringify(d.metadata)} ${t.segmentsOf(i).from}-${t.segmentsOf(i).to}`);
  return { rows, docs, unit: study.unit, dropped: study.dropped, corpusSha256: study.corpusSha256, file: study.corpusFileSha256, diagnostics: study.diagnostics };
}

const indexFiles = (dir: string) => (existsSync(path.join(dir, 'out/.index')) ? readdirSync(path.join(dir, 'out/.index')).filter((f) => f.endsWith('.bin')) : []);

async function read(dir: string, unit?: Unit) {
  return readSegmentTable(await readProject(dir), unit ? { unit } : {});
}

/** The study read with no index at all: what a stale index must never stand in for. */
async function fresh(dir: string, unit?: Unit) {
  rmSync(path.join(dir, 'out/.index'), { recursive: true, force: true });
  const study = await read(dir, unit);
  return study;
}

async function indexOf(dir: string) {
  const project = await readProject(dir);
  const codebook = (await readCodebook(project.codebookPath!)).codebook!;
  const key = segmentIndexKey(project, codebook, 'sentence', corpusColumns(project, {}), (p) => p);
  return { key, file: segmentIndexPath(project.outDir, key), fingerprint: (await readCorpusFingerprint(project.corpusPath!))! };
}

/** A JSONL project with a blank document (a corpus warning the index must give back) and metadata. */
function jsonlProject(): string {
  const dir = copyFixture('projects/code-stream-equals-plain');
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n{"id":"blank","text":"   ","source":"wire"}\n`);
  mkdirSync(path.join(dir, 'out'));
  return dir;
}

describe('segment index', () => {
  it('is written by the first read and gives the second the same study', async () => {
    const dir = jsonlProject();
    const first = await read(dir);
    expect(first.diagnostics.map((d) => d.code)).toContain('QC304');
    const { key, file, fingerprint } = await indexOf(dir);
    expect(existsSync(file)).toBe(true);
    const indexed = readSegmentIndex(file, key, fingerprint);
    expect(indexed).not.toBeNull();
    expect(indexed!.segments.length).toBe(first.segments.length);
    expect(snapshot(await read(dir))).toEqual(snapshot(first));
  });

  it('is not used once the corpus bytes change, even at the same size', async () => {
    const dir = jsonlProject();
    const first = await read(dir);
    const { key, file } = await indexOf(dir);
    const corpus = path.join(dir, 'corpus.jsonl');
    const before = readFileSync(corpus, 'utf8');
    // One letter for another: same length, same line breaks, other segments' fingerprints.
    const k = before.indexOf('"text":"') + 8;
    const edited = before.slice(0, k) + (before[k] === 'Q' ? 'Z' : 'Q') + before.slice(k + 1);
    writeFileSync(corpus, edited);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(before));
    expect(readSegmentIndex(file, key, (await readCorpusFingerprint(corpus))!)).toBeNull();
    const after = await read(dir);
    expect(snapshot(after)).toEqual(snapshot(await fresh(dir)));
    expect(after.corpusSha256).not.toBe(first.corpusSha256);
  });

  it('is kept per unit and drop: rule, each giving the study of its settings', async () => {
    const dir = jsonlProject();
    await read(dir);
    const paragraphs = await read(dir, 'paragraph');
    expect(paragraphs.unit).toBe('paragraph');
    expect(indexFiles(dir)).toHaveLength(2);
    expect(snapshot(await read(dir, 'paragraph'))).toEqual(snapshot(await fresh(dir, 'paragraph')));
    const yaml = path.join(dir, 'qcode.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}drop:\n  - "tariff*"\n`);
    const dropped = await read(dir);
    expect(dropped.dropped).toBeGreaterThan(0);
    expect(snapshot(dropped)).toEqual(snapshot(await fresh(dir)));
  });

  it('is rebuilt when truncated or corrupt, and the study is still the corpus\'s', async () => {
    const dir = jsonlProject();
    const expected = snapshot(await read(dir));
    const { key, file, fingerprint } = await indexOf(dir);
    const size = readFileSync(file).length;
    truncateSync(file, size - 7);
    expect(readSegmentIndex(file, key, fingerprint)).toBeNull();
    expect(snapshot(await read(dir))).toEqual(expected);
    expect(readFileSync(file).length).toBe(size);
    // One bit flipped in the last column (a text_sha): the digest catches it.
    const bytes = readFileSync(file);
    bytes[size - 40]! ^= 1;
    writeFileSync(file, bytes);
    expect(readSegmentIndex(file, key, fingerprint)).toBeNull();
    expect(snapshot(await read(dir))).toEqual(expected);
    writeFileSync(file, 'not an index');
    expect(snapshot(await read(dir))).toEqual(expected);
    expect(readSegmentIndex(file, key, fingerprint)).not.toBeNull();
  });

  it('is not used by another qcode version or for another codebook language', async () => {
    const dir = jsonlProject();
    await read(dir);
    const { key, file, fingerprint } = await indexOf(dir);
    // The same file with the header's version changed and its digest made right again: only the version differs.
    const bytes = readFileSync(file);
    const text = bytes.toString('latin1');
    const version = /"version":"([^"]*)"/.exec(text)!;
    const other = Buffer.from(text.replace(version[0], `"version":"${'9'.repeat(version[1]!.length)}"`), 'latin1');
    other.set(createHash('sha256').update(other.subarray(0, other.length - 32)).digest(), other.length - 32);
    writeFileSync(file, other);
    expect(readSegmentIndex(file, key, fingerprint)).toBeNull();
    writeFileSync(file, bytes);
    expect(readSegmentIndex(file, key, fingerprint)).not.toBeNull();
    expect(readSegmentIndex(file, { ...key, language: 'es' }, fingerprint)).toBeNull();
  });

  it('is written only into an out folder that exists (a command printing to stdout creates none)', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    await read(dir);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('sees an edited file of a folder corpus', async () => {
    const dir = copyFixture('projects/tiny');
    mkdirSync(path.join(dir, 'out'));
    const first = await read(dir);
    expect(snapshot(await read(dir))).toEqual(snapshot(first));
    const doc = path.join(dir, 'corpus/d1.md');
    writeFileSync(doc, `${readFileSync(doc, 'utf8')}\nOne more sentence here.\n`);
    const after = await read(dir);
    expect(after.segments.length).toBe(first.segments.length + 1);
    expect(snapshot(after)).toEqual(snapshot(await fresh(dir)));
  });

  it('leaves the second text pass its check of a corpus changed since (QC010)', async () => {
    const dir = jsonlProject();
    await read(dir);
    const study = await read(dir);
    const corpus = path.join(dir, 'corpus.jsonl');
    writeFileSync(corpus, readFileSync(corpus, 'utf8').split('\n').slice(1).join('\n'));
    await expect(forEachStudyDocument(study, {}, () => true, () => undefined)).rejects.toThrow(/changed while qcode was reading it/);
  });

  it('is written by `qcode segment` (its threaded pass, not the reader), byte for byte the index a read writes', async () => {
    const dir = jsonlProject();
    const r = await runQcode(['segment'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(indexFiles(dir)).toHaveLength(1);
    // The folder tells git to ignore it.
    expect(readFileSync(path.join(dir, 'out/.index/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const file = path.join(dir, 'out/.index', indexFiles(dir)[0]!);
    const bySegment = readFileSync(file);
    // freq reads the study from it (the index is left as it was), then the same with no index: the same table.
    const codeRun = await runQcode(['code'], { cwd: dir });
    expect(codeRun.code, codeRun.stderr).toBe(0);
    const fromIndex = await runQcode(['freq', '--by', 'source'], { cwd: dir });
    expect(readFileSync(file)).toEqual(bySegment);
    rmSync(path.join(dir, 'out/.index'), { recursive: true });
    const fromCorpus = await runQcode(['freq', '--by', 'source'], { cwd: dir });
    expect(fromIndex).toEqual(fromCorpus);
    expect(fromIndex.code).toBe(0);
    // The read writes the index again: the bytes segment wrote.
    expect(readFileSync(file)).toEqual(bySegment);
  });
});
