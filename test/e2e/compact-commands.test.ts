import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCodedSegments } from '../../src/core/analysis/coded-segments.js';
import { computeFrequencyTable } from '../../src/core/analysis/frequency-table.js';
import { computeScopes } from '../../src/core/agreement/compute-scopes.js';
import { formatSampleCsv } from '../../src/core/sample/format-sample.js';
import { computeSample } from '../../src/core/sample/compute-sample.js';
import { formatSegmentsCsv, formatSegmentsJsonl } from '../../src/core/segment/format-segments.js';
import { readCodingFile } from '../../src/io/coding-file.js';
import { readProject } from '../../src/io/read-project.js';
import { readStudy } from '../../src/io/read-study.js';
import { runQcode } from '../helpers/run-cli.js';

// The commands ported to the compact study (segment, validate, sample, freq,
// agree) stream the corpus and read coding files into typed arrays. Their
// outputs must be what the in-memory functions make of readStudy's objects,
// byte for byte: checked here on a project with drop: rules, documents
// without segments, non-ASCII text and two coders.

/** Two categories, the second exclusive: what QC404 and the category scope of agree need. */
const CODEBOOK = readFileSync(path.resolve(import.meta.dirname, '../fixtures/codebooks/topic-and-exclusive-tone.yaml'), 'utf8');

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-compact-e2e-'));
  const sentences = ['Tariffs rose again.', 'Jobs fell; bad news.', 'Good gains in trade!', 'Read more at wire.com.', 'Ünïcode café naïve.', 'Nothing here.'];
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const text = i % 13 === 5 ? '   ' : Array.from({ length: 1 + (i % 5) }, (_, k) => sentences[(i + k) % sentences.length]).join(i % 2 ? ' ' : '\n\n');
    lines.push(JSON.stringify({ id: `n${i}`, text, type: ['wire', 'blog', 'press'][i % 3], date: `2026-0${1 + (i % 6)}-1${i % 9}` }));
  }
  writeFileSync(path.join(dir, 'corpus.jsonl'), lines.join('\n') + '\n');
  writeFileSync(path.join(dir, 'codebook.yaml'), CODEBOOK);
  writeFileSync(path.join(dir, 'qcode.yaml'), 'codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: sentence\ndrop: ["read more at*"]\n');
  mkdirSync(path.join(dir, 'out', 'codings'), { recursive: true });
  return dir;
}

describe('commands on the compact study give what the in-memory functions give', () => {
  it('segment, sample, freq and agree', async () => {
    const dir = project();
    expect((await runQcode(['code', '--force'], { cwd: dir })).code).toBe(0);
    // A second coder: the auto-coder's rows without every third one (a code left out, or a segment not reviewed).
    const auto = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8').trim().split('\n');
    const bob = [auto[0], ...auto.slice(1).flatMap((row, i) => (i % 3 === 0 ? [] : [row.replace(',auto,', ',bob,')]))];
    writeFileSync(path.join(dir, 'out/codings/bob.csv'), bob.join('\n') + '\n');

    const study = await readStudy(await readProject(dir));
    expect(study.dropped).toBeGreaterThan(0);

    expect((await runQcode(['segment', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'out/segments.csv'), 'utf8')).toBe(formatSegmentsCsv(study.segments));
    const jsonl = await runQcode(['segment', '-o', '-', '--format', 'jsonl'], { cwd: dir });
    expect(jsonl.stdout).toBe(formatSegmentsJsonl(study.segments));

    const sample = await runQcode(['sample', '--size', '17', '--seed', 'e2e', '--stratify', 'type', '--min-per-stratum', '2', '-o', '-'], { cwd: dir });
    expect(sample.code).toBe(0);
    const drawn = computeSample(study.segments, study.corpus, { size: 17, seed: 'e2e', stratify: { by: 'metadata', key: 'type' }, minPerStratum: 2 });
    expect(sample.stdout).toBe(formatSampleCsv(drawn.rows));

    const codings = (await readCodingFile(path.join(dir, 'out/codings/auto.csv'), { codebook: study.codebook, segments: study.segments, coder: 'auto' })).codings;
    const freq = await runQcode(['freq', '--by', 'type', '--format', 'json', '--tests'], { cwd: dir });
    expect(freq.code).toBe(0);
    const ft = computeFrequencyTable({ codebook: study.codebook, documents: study.corpus, coded: indexCodedSegments(study.segments, codings), by: 'type', rows: 'all' });
    const printed = JSON.parse(freq.stdout) as { rows: unknown[]; groups: unknown[] };
    expect(printed.rows.length).toBe(ft.rows.length);
    expect(printed.rows[0]).toMatchObject({ category: ft.rows[0]!.category, segments: ft.rows[0]!.segments, documents: ft.rows[0]!.documents });

    const agree = await runQcode(['agree', '--coders', 'auto,bob', '--format', 'json'], { cwd: dir });
    expect(agree.code).toBe(0);
    const bobCodings = (await readCodingFile(path.join(dir, 'out/codings/bob.csv'), { codebook: study.codebook, segments: study.segments, coder: 'bob' })).codings;
    const scopes = computeScopes(study.codebook, [{ coder: 'auto', codings }, { coder: 'bob', codings: bobCodings }], { missing: 'available' });
    const result = JSON.parse(agree.stdout) as { units: number; results: { id: string; metrics: Record<string, unknown> }[] };
    expect(result.units).toBe(scopes.units);
    expect(result.results.map((r) => [r.id, r.metrics.krippendorff_alpha])).toEqual(scopes.results.map((r) => [r.id, r.metrics.krippendorff_alpha]));
  });

  it('validate counts the streamed documents and reports the corpus problems of readCorpus', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'corpus.jsonl'), readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8') + '{"id": "n3", "text": "again"}\nnot json\n');
    const r = await runQcode(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('corpus: 41 documents (blog 13, press 13, wire 14)');
    expect(r.stderr).toMatch(/corpus\.jsonl:41.*QC303/);
    expect(r.stderr).toMatch(/corpus\.jsonl:42.*QC307/);
  });
});
