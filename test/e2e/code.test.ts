import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(read(dir, 'human.matches.csv')).toMatch(/^segment_id,code,pattern,matched_text,start,end,outcome\n/);
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

/** The fixture's JSONL corpus as a folder of .md files (front matter: id and metadata as strings), in the same order. */
function writeFolder(dir: string): void {
  const lines = read(dir, 'corpus.jsonl').trimEnd().split('\n');
  mkdirSync(path.join(dir, 'folder'));
  lines.forEach((line, i) => {
    const { id, text, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const meta = Object.entries(rest).map(([k, v]) => `${k}: ${JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v))}`);
    writeFileSync(path.join(dir, 'folder', `${String(i).padStart(3, '0')}.md`), `---\nid: ${JSON.stringify(id)}\n${meta.join('\n')}\n---\n${text}`);
  });
}

describe('one pipeline: every corpus form gives the same files and the same corpus hash', () => {
  // Every unit and both codebooks (the regex one needs segment texts) over the combinations that differ.
  for (const [codebook, unit] of [
    ['codebook.yaml', 'document'],
    ['codebook-regex.yaml', 'sentence'],
    ['codebook-regex.yaml', 'paragraph'],
  ] as const) {
    {
      it(`${codebook}, ${unit} units: JSONL in one and in three slices, CSV, a folder and stdin`, async () => {
        const dir = copyFixture('projects/code-stream-equals-plain');
        writeFolder(dir);
        const run = async (corpus: string, out: string, extra: string[] = [], input?: string) => {
          const r = await runQcode(['code', '--codebook', codebook, '--corpus', corpus, '--unit', unit, '-o', out, ...extra], { cwd: dir, ...(input ? { input } : {}) });
          expect(r.stderr).not.toMatch(/error/);
          expect(r.code).toBe(0);
          const hash = JSON.parse(read(dir, 'out/manifest.json')).outputs[out].corpus_sha256;
          return [read(dir, out), read(dir, out.replace(/\.csv$/, '.matches.csv')), hash];
        };
        const whole = await run('corpus.jsonl', 'one.csv', ['--workers', '1']);
        expect(whole[1]!.split('\n').length).toBeGreaterThan(100);
        expect(await run('corpus.jsonl', 'three.csv', ['--workers', '3'])).toEqual(whole);
        // The fixture's CSV has no `nested` column, so its documents' metadata (and corpus hash) differ; its rows do not.
        expect((await run('corpus.csv', 'csv.csv')).slice(0, 2)).toEqual(whole.slice(0, 2));
        expect(await run('folder', 'folder.csv')).toEqual(whole);
        expect(await run('-', 'stdin.csv', [], read(dir, 'corpus.jsonl'))).toEqual(whole);
        const piped = await runQcode(['code', '--codebook', codebook, '--corpus', '-', '--unit', unit, '-o', '-'], { cwd: dir, input: read(dir, 'corpus.jsonl') });
        expect(piped.stdout).toBe(whole[0]);
      });
    }
  }

  it('the manifest records the hash over the documents, so a coding file read back is recognised as made from the current corpus', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    expect((await runQcode(['code', '--workers', '2'], { cwd: dir })).code).toBe(0);
    const back = await runQcode(['export', '--coder', 'auto', '--format', 'long', '-o', '-'], { cwd: dir });
    expect(back.code).toBe(0);
    expect(back.stderr).not.toContain('QC410');
    writeFileSync(path.join(dir, 'corpus.jsonl'), read(dir, 'corpus.jsonl').replace('{"text":"', '{"text":"Changed. '));
    expect((await runQcode(['export', '--coder', 'auto', '--format', 'long', '-o', '-'], { cwd: dir })).stderr).toContain('QC410');
  });
});
