import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENPYXL_SKIP, runPython } from '../helpers/openpyxl.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

/** The analysis fixture plus a document whose metadata and text look like formulas and numbers. */
async function project(): Promise<string> {
  const dir = copyFixture('projects/analysis-three-source-types');
  writeFileSync(
    path.join(dir, 'corpus/social-3.md'),
    "---\nid: social-3\ntitle: \"=1+1\"\ndate: 2026-02-01\ntype: social\nlanguage: en\n---\n+cmd|' /C calc'!A0 tariff talk. @SUM(A1) on drug routes. -2+3 is the tariff math.\n",
  );
  expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
  return dir;
}

describe('export --format xlsx', () => {
  it.skipIf(OPENPYXL_SKIP !== '')(`a long and a wide sheet: numbers numeric, dates dates, formula-like text text${OPENPYXL_SKIP}`, async () => {
    const dir = await project();
    const r = await runQcode(['export', '--coder', 'auto', '--format', 'xlsx', '-o', 'tables.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const cells = JSON.parse(
      runPython(
        `import openpyxl, json
wb = openpyxl.load_workbook('tables.xlsx')
out = {'sheets': wb.sheetnames}
for name in wb.sheetnames:
  ws = wb[name]
  head = [c.value for c in ws[1]]
  rows = [[(c.data_type, c.is_date, str(c.value)) for c in r] for r in ws.iter_rows(min_row=2)]
  out[name] = {'head': head, 'rows': rows}
print(json.dumps(out))`,
        dir,
      ),
    );
    expect(cells.sheets).toEqual(['long', 'wide']);
    const col = (sheet: string, name: string) => (cells[sheet].rows as [string, boolean, string][][]).map((r) => r[cells[sheet].head.indexOf(name)]!);
    // Numbers are numeric cells.
    expect(col('wide', 'index').every(([t]) => t === 'n')).toBe(true);
    expect(col('wide', 'drugs').every(([t, , v]) => t === 'n' && (v === '0' || v === '1'))).toBe(true);
    // Dates are date cells.
    expect(col('long', 'date').every(([t, isDate]) => t === 'd' || isDate)).toBe(true);
    expect(col('long', 'date').map(([, , v]) => v)).toContain('2026-02-01 00:00:00');
    // Formula-like text is a text cell with the text as it is, no apostrophe.
    const texts = col('long', 'text').map(([t, , v]) => [t, v]);
    expect(texts).toContainEqual(['s', "+cmd|' /C calc'!A0 tariff talk."]);
    expect(texts).toContainEqual(['s', '@SUM(A1) on drug routes.']);
    expect(texts).toContainEqual(['s', '-2+3 is the tariff math.']);
    expect(col('long', 'title').map(([t, , v]) => [t, v])).toContainEqual(['s', '=1+1']);
    expect(texts.every(([t]) => t === 's')).toBe(true);
  });

  it('gives the same bytes on a rerun, and refuses --excel', async () => {
    const dir = await project();
    expect((await runQcode(['export', '--coder', 'auto', '--format', 'xlsx'], { cwd: dir })).code).toBe(0);
    const file = path.join(dir, 'out/exports/auto-tables.xlsx');
    const first = readFileSync(file);
    expect((await runQcode(['export', '--coder', 'auto', '--format', 'xlsx'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
    const excel = await runQcode(['export', '--format', 'xlsx', '--excel'], { cwd: dir });
    expect(excel.code).toBe(2);
    expect(excel.stderr).toContain('option --excel');
  });
});

describe('export --format xlsx, streamed', () => {
  it('writes the bytes of the workbook made in memory (computeExportWorkbook), a text column of numbers and dates typed from the texts', async () => {
    const { mkdtempSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { computeExportWorkbook } = await import('../../src/core/analysis/export-workbook.js');
    const { computeLongExport, computeWideExport } = await import('../../src/core/analysis/export-tables.js');
    const { indexCodedSegments } = await import('../../src/core/analysis/coded-segments.js');
    const { readProject } = await import('../../src/io/read-project.js');
    const { readStudy } = await import('../../src/io/read-study.js');
    const { readCodingFile, codingPath } = await import('../../src/io/coding-file.js');
    const { formatXlsx } = await import('../../src/io/xlsx.js');
    for (const texts of [['42', '2024-01-02', '-3.5'], ['2024-01-02', '1999-12-31'], ['7', '8'], ['tariff talk', '12']]) {
      const dir = mkdtempSync(path.join(tmpdir(), 'qcode-xlsx-'));
      writeFileSync(path.join(dir, 'codebook.yaml'), 'name: t\nversion: 1.0.0\nlanguage: en\ncategories:\n  - id: all\n    label: All\n    codes:\n      - id: any\n        label: Any\n        definition: Anything with a digit.\n        patterns: ["/[0-9]/"]\n');
      writeFileSync(path.join(dir, 'corpus.jsonl'), texts.map((text, i) => JSON.stringify({ id: String(100 + i), text, year: String(2000 + i), when: `2020-0${i + 1}-15` })).join('\n') + '\n');
      writeFileSync(path.join(dir, 'qcode.yaml'), 'codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: document\n');
      mkdirSync(path.join(dir, 'out'), { recursive: true });
      const coded = await runQcode(['code', '-q'], { cwd: dir });
      expect(coded.code, coded.stderr).toBe(0);
      const r = await runQcode(['export', '--coder', 'auto', '--format', 'xlsx', '-o', 'tables.xlsx'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const project = await readProject(dir);
      const study = await readStudy(project);
      const { codings } = await readCodingFile(codingPath(project, 'auto'), { codebook: study.codebook, segments: study.segments, coder: 'auto' });
      const input = { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded: indexCodedSegments(study.segments, codings) };
      const expected = await formatXlsx(computeExportWorkbook({ long: computeLongExport(input), wide: computeWideExport(input) }));
      expect(readFileSync(path.join(dir, 'tables.xlsx')).equals(Buffer.from(expected)), texts.join(' | ')).toBe(true);
    }
  });
});
