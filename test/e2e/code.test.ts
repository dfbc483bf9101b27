import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { copyDemo, copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const rows = (dir: string, file: string): string[][] => (parse(read(dir, file)) as string[][]).slice(1);

describe('qcode code on the demo', () => {
  it('writes the coding and evidence files the goldens hold, and a rerun is byte-identical', async () => {
    const dir = copyDemo();
    const first = await runQcode(['code'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/350 segments in 29 documents coded by auto: \d+ matches, \d+ with a code/);
    const codings = read(dir, 'out/codings/auto.csv');
    const evidence = read(dir, 'out/codings/auto.matches.csv');
    expectGolden('code/demo-auto.csv', codings);
    expectGolden('code/demo-auto.matches.csv', evidence);
    const manifest = read(dir, 'out/manifest.json');
    expect((await runQcode(['code'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'out/codings/auto.csv')).toBe(codings);
    expect(read(dir, 'out/codings/auto.matches.csv')).toBe(evidence);
    expect(read(dir, 'out/manifest.json')).toBe(manifest);
  });

  it('reviews every segment: each segment has a row, a code or "none"', async () => {
    const dir = copyDemo();
    expect((await runQcode(['code', '--unit', 'paragraph'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['segment', '--unit', 'paragraph'], { cwd: dir })).code).toBe(0);
    const segments = rows(dir, 'out/segments.csv').map((r) => r[0]);
    const coded = new Set(rows(dir, 'out/codings/auto.csv').map((r) => r[0]));
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.filter((s) => !coded.has(s))).toEqual([]);
  });

  it('gives every match of the evidence file as the document text at [start, end)', async () => {
    const dir = copyDemo();
    expect((await runQcode(['code', '--unit', 'document'], { cwd: dir })).code).toBe(0);
    const matches = rows(dir, 'out/codings/auto.matches.csv');
    expect(matches.length).toBeGreaterThan(20);
    for (const [segment, , , text, start, end] of matches) {
      const docId = segment!.replace(/:d1$/, '');
      const source = read(dir, `corpus/usmca-2026/${docId}.md`).replace(/^---\n[\s\S]*?\n---\n/, '');
      expect([...source].slice(Number(start), Number(end)).join('')).toBe(text);
    }
  });

  it('--json prints a summary on stdout', async () => {
    const dir = copyDemo();
    const r = await runQcode(['code', '--json', '--coder', 'dict'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ coder: 'dict', segments: 350, documents: 29 });
    expect(existsSync(path.join(dir, 'out/codings/dict.matches.csv'))).toBe(true);
  });
});

describe('qcode code never destroys a coder file', () => {
  it('refuses to replace a file it did not make, unless --force', async () => {
    const dir = copyDemo();
    const human = 'segment_id,doc_id,coder,category,code,memo\n';
    writeFileSync(path.join(dir, 'human.csv'), human);
    const r = await runQcode(['code', '-o', 'human.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC004');
    expect(read(dir, 'human.csv')).toBe(human);
    expect((await runQcode(['code', '-o', 'human.csv', '--force'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'human.matches.csv')).toMatch(/^segment_id,code,pattern,matched_text,start,end\n/);
  });
});

describe('qcode code reports unusable patterns', () => {
  it('names every bad pattern and its code, exit 2, no stack trace', async () => {
    const dir = copyDemo();
    const cb = path.join(dir, 'codebooks/usmca-2026.yaml');
    writeFileSync(cb, read(dir, 'codebooks/usmca-2026.yaml').replace('- non-tariff', '- "U.S. tariffs"\n          - "(NTB)"'));
    const r = await runQcode(['code'], { cwd: dir });
    expect(r.code).toBe(2);
    // Reported by the codebook check, with the pattern's position in the YAML.
    expect(r.stderr).toMatch(/codebooks\/usmca-2026\.yaml:\d+:\d+ - error QC210: code 'ntb': pattern "U\.S\. tariffs"/);
    expect(r.stderr).toMatch(/codebooks\/usmca-2026\.yaml:\d+:\d+ - error QC210: code 'ntb': pattern "\(NTB\)"/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'out/codings/auto.csv'))).toBe(false);
  });
});

describe('a streamed corpus gives the same files as a corpus read whole', () => {
  for (const codebook of ['codebook.yaml', 'codebook-regex.yaml']) {
    for (const unit of ['document', 'sentence', 'paragraph']) {
      it(`${codebook}, ${unit} units: JSONL in one and in three slices, and CSV`, async () => {
        const dir = copyFixture('projects/code-stream-equals-plain');
        const run = async (corpus: string, out: string, extra: string[]) => {
          const r = await runQcode(['code', '--codebook', codebook, '--corpus', corpus, '--unit', unit, '-o', out, ...extra], { cwd: dir });
          expect(r.stderr).not.toMatch(/error/);
          expect(r.code).toBe(0);
          return [read(dir, out), read(dir, out.replace(/\.csv$/, '.matches.csv'))];
        };
        const whole = await run('corpus.jsonl', 'whole.csv', []);
        expect(whole[1]!.split('\n').length).toBeGreaterThan(100);
        expect(await run('corpus.jsonl', 'one.csv', ['--stream', '--workers', '1'])).toEqual(whole);
        expect(await run('corpus.jsonl', 'three.csv', ['--stream', '--workers', '3'])).toEqual(whole);
        expect(await run('corpus.csv', 'csv.csv', ['--stream'])).toEqual(whole);
      });
    }
  }

  it('a streamed coding file is recognised as made from the current corpus (no QC410 when read back)', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    expect((await runQcode(['code', '--stream', '--workers', '2'], { cwd: dir })).code).toBe(0);
    const manifest = JSON.parse(read(dir, 'out/manifest.json'));
    expect(manifest.outputs['out/codings/auto.csv'].details.corpus_sha256_of).toBe('file bytes');
    const back = await runQcode(['export', '--coder', 'auto', '--format', 'long', '-o', '-'], { cwd: dir });
    expect(back.code).toBe(0);
    expect(back.stderr).not.toContain('QC410');
    writeFileSync(path.join(dir, 'corpus.jsonl'), read(dir, 'corpus.jsonl').replace('{"text":"', '{"text":"Changed. '));
    expect((await runQcode(['export', '--coder', 'auto', '--format', 'long', '-o', '-'], { cwd: dir })).stderr).toContain('QC410');
  });
});
