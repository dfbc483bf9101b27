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

  it('takes the coder from qcode.yaml, then gold, then auto', async () => {
    const dir = copyFixture(FIXTURE);
    writeFileSync(path.join(dir, 'qcode.yaml'), `${readFileSync(path.join(dir, 'qcode.yaml'), 'utf8')}coder: nobody\n`);
    const r = await runQcode(['freq'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC412');
    expect(r.stderr).toContain('nobody');
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
