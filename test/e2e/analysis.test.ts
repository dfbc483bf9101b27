import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

// Golden outputs of the analysis commands on a fixture project (test/golden/analysis).
const FIXTURE = 'projects/analysis-three-source-types';

const cases: [string, string[]][] = [
  ['freq.txt', ['freq']],
  ['freq-by-type.txt', ['freq', '--by', 'type']],
  ['freq-by-type.json', ['freq', '--by', 'type', '--json']],
  ['freq-by-language.json', ['freq', '--by', 'language', '--rows', 'code', '--format', 'json']],
  ['freq-by-type-tests.csv', ['freq', '--by', 'type', '--tests', '--format', 'csv']],
  ['freq-by-doc-category.md', ['freq', '--by', 'doc', '--rows', 'category', '--format', 'md']],
  ['freq-code.tex', ['freq', '--rows', 'code', '--format', 'latex']],
  ['cooccur.txt', ['cooccur']],
  ['cooccur.csv', ['cooccur', '--format', 'csv']],
  ['kwic-tariff.txt', ['kwic', 'tariff*', '--window', '20']],
  ['kwic-code-drugs.csv', ['kwic', '--code', 'drugs', '--format', 'csv']],
  ['themes.txt', ['themes', '--top', '3', '--exemplars', '2']],
  ['themes-reform.json', ['themes', '--code', 'reform', '--json']],
  ['export-long.csv', ['export', '--format', 'long', '-o', '-']],
  ['export-wide.csv', ['export', '--format', 'wide', '-o', '-']],
  ['export-segments.jsonl', ['export', '--format', 'jsonl', '-o', '-']],
];

describe('analysis commands on a fixture project (goldens)', () => {
  const dir = copyFixture(FIXTURE);
  for (const [name, args] of cases) {
    it(`qcode ${args.join(' ')}`, async () => {
      const r = await runQcode([...args, '-C', dir], { cwd: dir });
      // kwic reads the corpus only; the others say whose codings they count
      if (args[0] !== 'kwic') expect(r.stderr).toContain('coder gold: 15 of 16 segments reviewed');
      expect(r.code).toBe(0);
      expectGolden(`analysis/${name}`, r.stdout);
    });
  }
});

describe('analysis commands: behaviour', () => {
  it('export --excel adds a BOM and neutralises =, +, -, @ cells; the default keeps text as is', async () => {
    const dir = copyFixture(FIXTURE);
    const excel = (await runQcode(['export', '--format', 'long', '--excel', '-o', '-'], { cwd: dir })).stdout;
    const plain = (await runQcode(['export', '--format', 'long', '-o', '-'], { cwd: dir })).stdout;
    expect(excel.startsWith('\uFEFFsegment_id,')).toBe(true);
    expect(plain.startsWith('segment_id,')).toBe(true);
    for (const cell of ['=SUM(A1) tariffs now!', '+1 for the customs reform.', '-no decision yet', '@trade desk']) {
      expect(excel).toContain(`,'${cell}`);
      expect(plain).toContain(`,${cell}`);
      expect(plain).not.toContain(`'${cell}`);
    }
  });

  it('writes the export into out/exports and records it in the manifest, byte-identical on rerun', async () => {
    const dir = copyFixture(FIXTURE);
    expect((await runQcode(['export', '--format', 'wide'], { cwd: dir })).code).toBe(0);
    const file = path.join(dir, 'out/exports/gold-wide.csv');
    const first = readFileSync(file, 'utf8');
    expect((await runQcode(['export', '--format', 'wide'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.outputs['out/exports/gold-wide.csv'].command).toBe('qcode export --format wide');
  });

  it('takes the coder from --coder, else qcode.yaml, else auto; never gold because its file exists', async () => {
    const dir = copyFixture(FIXTURE);
    const yaml = readFileSync(path.join(dir, 'qcode.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'qcode.yaml'), yaml.replace('coder: gold\n', 'coder: nobody\n'));
    const named = await runQcode(['freq'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('error QC412: no coding file for coder nobody');
    expect(named.stderr).toContain('(coders here: gold)');
    writeFileSync(path.join(dir, 'qcode.yaml'), yaml.replace('coder: gold\n', ''));
    // gold's file is there, but nobody named it: auto, which has no file yet, and a hint naming gold.
    const unnamed = await runQcode(['freq'], { cwd: dir });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('error QC412: no coding file for coder auto');
    expect(unnamed.stderr).toContain('run qcode code for the auto-coder, or name the coder with --coder NAME or coder: in qcode.yaml (coders here: gold)');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const auto = await runQcode(['freq', '--json'], { cwd: dir });
    expect(JSON.parse(auto.stdout)).toMatchObject({ coder: 'auto', coverage: { reviewed: 16, segments: 16 } });
    const gold = await runQcode(['freq', '--coder', 'gold'], { cwd: dir });
    expect(gold.stdout.split('\n')[0]).toBe('Code frequencies (coder gold: 15 of 16 segments reviewed)');
  });

  it('reports an unknown --by key with a did-you-mean, exit 2, no stack trace', async () => {
    const dir = copyFixture(FIXTURE);
    const r = await runQcode(['freq', '--by', 'typ'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error QC701: no document has the metadata key 'typ' (did you mean 'type'?)");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('reports an unknown code for kwic and themes', async () => {
    const dir = copyFixture(FIXTURE);
    for (const args of [['kwic', '--code', 'drug'], ['themes', '--code', 'drug']]) {
      const r = await runQcode(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("error QC702: no code 'drug' in the codebook (did you mean 'drugs'?)");
    }
  });

  it('refuses kwic with both a pattern and --code, and a regex that does not compile', async () => {
    const dir = copyFixture(FIXTURE);
    expect((await runQcode(['kwic', 'x', '--code', 'drugs'], { cwd: dir })).stderr).toContain('QC001');
    const bad = await runQcode(['kwic', '/(unclosed/'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('QC703');
  });
});
