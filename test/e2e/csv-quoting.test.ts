import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvWithPositions } from '../../src/core/util/parse-csv-positions.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 16, point 1: text holding a carriage return (a memo, a metadata value
// written with a YAML escape) must survive every CSV qcode writes, and
// --excel must leave no line a spreadsheet could run as a formula.
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const rowsOf = (text: string) => parseCsvWithPositions(text).rows.map((r) => r.fields);

/** A copy of the two-coder project, auto-coded, whose document a carries `note` (a YAML double-quoted string) and the id given. */
async function projectWithNote(yamlNote: string, id = 'a'): Promise<string> {
  const dir = copyFixture('projects/two-coders');
  const file = path.join(dir, 'corpus/a.md');
  writeFileSync(file, read(dir, 'corpus/a.md').replace('id: a\n', `id: "${id}"\nnote: "${yamlNote}"\n`));
  expect((await runQcode(['code'], { cwd: dir })).code).toBe(0);
  return dir;
}

/** Every line start a spreadsheet could see: the file split at CR, LF and the delimiter, ignoring quotes. */
function lineAndCellStarts(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|,/).map((s) => s.replace(/^"/, ''));
}

describe('CSV quoting of carriage returns', () => {
  it('a memo holding a CR imports, and every later command reads the coding file back (failed before: QC411)', async () => {
    const dir = copyFixture('projects/two-coders');
    writeFileSync(path.join(dir, 'imports/cr.csv'), 'code,segment_id,memo\ntrade,a:s1,"line one\rline two"\nnegative,a:s2,"a\r\nb"\n');
    expect((await runQcode(['import', 'imports/cr.csv', '--coder', 'ana'], { cwd: dir })).code).toBe(0);
    const freq = await runQcode(['freq', '--coder', 'ana'], { cwd: dir });
    expect(freq.stderr).not.toContain('QC411');
    expect(freq.code).toBe(0);
    const exported = await runQcode(['export', '--coder', 'ana', '-o', '-'], { cwd: dir });
    expect(exported.code).toBe(0);
    expect(rowsOf(exported.stdout).map((r) => r[5])).toEqual(['memo', 'line one\rline two', 'a\r\nb']);
  });

  it('freq --format csv keeps a group name with a CR in its row (failed before: the row split)', async () => {
    const dir = await projectWithNote('left\\rright');
    const r = await runQcode(['freq', '--by', 'note', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    const width = rows[0]!.length;
    expect(rows.every((row) => row.length === width)).toBe(true);
    expect(rows.some((row) => row.includes('left\rright'))).toBe(true);
  });
});

describe('export --excel', () => {
  it("leaves no line start a spreadsheet would run, even after a CR in a cell (failed before: a new row began '=cmd')", async () => {
    const dir = await projectWithNote("\\r=cmd|' /C calc'!A0");
    const r = await runQcode(['export', '--excel', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const start of lineAndCellStarts(r.stdout)) expect(start, JSON.stringify(start)).not.toMatch(/^[=+@]|^-(?!\d)/);
    expect(rowsOf(r.stdout.slice(1)).find((row) => row[1] === 'a')).toContain("\r'=cmd|' /C calc'!A0");
  });

  it('keeps numbers as numbers and neutralises formula text, in metadata and document ids alike', async () => {
    const values = ['-5', '-0.3', '+1', '=1+1', '@SUM(A1)', "+cmd|' /C calc'!A0", '-2+3'];
    const expected = ['-5', '-0.3', '+1', "'=1+1", "'@SUM(A1)", "'+cmd|' /C calc'!A0", "'-2+3"];
    for (const [i, v] of values.entries()) {
      // A document id holds no white space; the one value with spaces goes in the metadata only.
      const id = /\s/.test(v) ? 'a' : v;
      const dir = await projectWithNote(v, id);
      const r = await runQcode(['export', '--excel', '-o', '-'], { cwd: dir });
      expect(r.code, v).toBe(0);
      const [header, ...rows] = rowsOf(r.stdout.slice(1));
      const note = header!.indexOf('note');
      const mine = rows.filter((row) => row[note] !== '');
      expect(mine.length, v).toBeGreaterThan(0);
      // The document id (column 2) and the metadata value, both as a spreadsheet should take them.
      for (const row of mine) expect([row[1], row[note]], v).toEqual([id === v ? expected[i] : 'a', expected[i]]);
    }
  });
});
