import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENPYXL_SKIP, runPython } from '../helpers/openpyxl.js';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
/** A canonical coding file with the coder's name taken out, to compare two coders' files. */
const anonymous = (dir: string, coder: string) => read(dir, `out/codings/${coder}.csv`).replaceAll(`,${coder},`, ',CODER,');

/** The two-coders fixture with every segment in the sample: a:s1–a:s4, b:s1, b:s2. */
async function project(): Promise<string> {
  const dir = copyFixture('projects/two-coders');
  expect((await runQcode(['sample', '--fraction', '1', '--seed', '1', '-q'], { cwd: dir })).code).toBe(0);
  return dir;
}

// openpyxl fills the sheet as a script would: x, TRUE (text and boolean), 1.0; the row of the segment not coded is deleted.
const FILL = `
import openpyxl, sys
wb = openpyxl.load_workbook('out/sheets/ben.xlsx')
ws = wb['coding']
col = {c.value: c.column for c in ws[1]}
row = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
def put(seg, code, value): ws.cell(row[seg], col[code]).value = value
put('a:s1', 'trade', 'x')
put('a:s2', 'trade', True); put('a:s2', 'negative', 'TRUE'); put('a:s2', 'memo', 'farmers')
put('a:s3', 'security', 1.0)
put('b:s1', 'positive', 'X'); put('b:s1', 'trade', 1.0); put('b:s1', 'security', True)
extra = sys.argv[1] if len(sys.argv) > 1 else ''
if extra: put('a:s4', 'positive', extra)
ws.delete_rows(row['b:s2'])
wb.save('filled.xlsx')
`;

describe('coding sheets', () => {
  beforeAll(async () => {
    await import('../../src/cli/commands/sheet.js');
  });

  it.skipIf(OPENPYXL_SKIP !== '')(`an xlsx sheet filled by openpyxl with x, TRUE and 1.0 imports to the same file as the list CSV${OPENPYXL_SKIP}`, async () => {
    const dir = await project();
    const sheet = await runQcode(['sheet', '--coder', 'ben', '--with', 'type'], { cwd: dir });
    expect(sheet.code, sheet.stderr).toBe(0);
    const layout = JSON.parse(
      runPython(
        `import openpyxl, json
wb = openpyxl.load_workbook('out/sheets/ben.xlsx')
ws = wb['coding']
dv = ws.data_validations.dataValidation[0]
print(json.dumps({'sheets': wb.sheetnames, 'header': [c.value for c in ws[1]], 'labels': [c.value for c in ws[2]], 'freeze': ws.freeze_panes,
  'validation': [str(dv.sqref), dv.formula1], 'wrap': ws['E3'].alignment.wrap_text, 'rows': ws.max_row, 'codebook': [c.value for c in wb['codebook'][2]][:4]}))`,
        dir,
      ),
    );
    expect(layout).toMatchObject({
      sheets: ['coding', 'codebook', 'instructions'],
      header: ['segment_id', 'doc_id', 'text_sha', 'context_before', 'text', 'context_after', 'type', 'trade', 'security', 'positive', 'negative', 'memo'],
      labels: [null, null, null, null, null, null, null, 'Topic: Trade', 'Topic: Security', 'Tone: Positive', 'Tone: Negative', 'notes (optional)'],
      freeze: 'B3',
      validation: ['H3:K8', '"1,0"'],
      wrap: true,
      rows: 8,
      codebook: ['Topic', 'trade', 'Trade', 'About trade.'],
    });
    runPython(FILL, dir);
    const fromSheet = await runQcode(['import', 'filled.xlsx', '--coder', 'sheeted'], { cwd: dir });
    expect(fromSheet.code, fromSheet.stderr).toBe(0);
    expect((await runQcode(['import', 'imports/list.csv', '--coder', 'listed'], { cwd: dir })).code).toBe(0);
    expect(anonymous(dir, 'sheeted')).toBe(anonymous(dir, 'listed'));
  });

  it.skipIf(OPENPYXL_SKIP !== '')(`a 2 in a code cell fails with its sheet, cell, code and segment${OPENPYXL_SKIP}`, async () => {
    const dir = await project();
    expect((await runQcode(['sheet', '--coder', 'ben'], { cwd: dir })).code).toBe(0);
    runPython(`import sys; sys.argv = ['', '2']\n${FILL}`, dir);
    const r = await runQcode(['import', 'filled.xlsx', '--coder', 'ben'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain("filled.xlsx:6:9 - error QC424: sheet 'coding', cell I6 (code 'positive', segment 'a:s4') holds '2'");
  });

  it('a csv sheet round-trips, and its label row and text columns are passed over', async () => {
    const dir = await project();
    expect((await runQcode(['sheet', '--coder', 'ben', '-o', 'ben.csv', '--no-context'], { cwd: dir })).code).toBe(0);
    const lines = read(dir, 'ben.csv').split('\n');
    expect(lines[0]).toBe('\uFEFFsegment_id,doc_id,text_sha,text,trade,security,positive,negative,memo');
    expect(lines[1]).toBe(',,,,Topic: Trade,Topic: Security,Tone: Positive,Tone: Negative,notes (optional)');
    const marks: Record<string, string> = { 'a:s1': '1,,,', 'a:s2': 'yes,no,,✓', 'a:s3': ',1.0,0,NA', 'a:s4': ',,,', 'b:s1': 'true,x,X,FALSE' };
    const filled = lines
      .filter((l) => !l.startsWith('b:s2'))
      .map((l) => {
        const id = l.split(',')[0]!;
        return marks[id] === undefined ? l : l.replace(/,,,,,$/, `,${marks[id]},${id === 'a:s2' ? 'farmers' : ''}`);
      });
    writeFileSync(path.join(dir, 'filled.csv'), filled.join('\n'));
    const r = await runQcode(['import', 'filled.csv', '--coder', 'sheeted'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((await runQcode(['import', 'imports/list.csv', '--coder', 'listed'], { cwd: dir })).code).toBe(0);
    expect(anonymous(dir, 'sheeted')).toBe(anonymous(dir, 'listed'));
  });

  it("imports R's write.csv of a wide table: row names, quoted header, NA and TRUE/FALSE", async () => {
    const dir = await project();
    writeFileSync(
      path.join(dir, 'from-r.csv'),
      [
        '"","segment_id","trade","security","positive","negative","memo"',
        '"1","a:s1",TRUE,FALSE,NA,NA,NA',
        '"2","a:s2",TRUE,FALSE,FALSE,TRUE,"farmers"',
        '"3","a:s3",FALSE,TRUE,NA,NA,""',
        '"4","a:s4",FALSE,FALSE,FALSE,FALSE,""',
        '"5","b:s1",TRUE,TRUE,TRUE,FALSE,""',
        '',
      ].join('\r\n'),
    );
    const r = await runQcode(['import', 'from-r.csv', '--coder', 'rstats'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((await runQcode(['import', 'imports/list.csv', '--coder', 'listed'], { cwd: dir })).code).toBe(0);
    // R writes NA for an empty memo: a memo "NA" is kept as text, as R wrote it.
    expect(anonymous(dir, 'rstats').replace(',NA\n', ',\n')).toBe(anonymous(dir, 'listed'));
  });

  it('reads a Windows-1252 CSV with --encoding, and names --encoding when the bytes are not UTF-8', async () => {
    const dir = await project();
    const text = 'segment_id,codes,memo\r\na:s1,trade,café – señal\r\n';
    // Windows-1252: é 0xE9, ñ 0xF1, – (en dash) 0x96.
    const bytes = Buffer.from([...text].map((ch) => ({ é: 0xe9, ñ: 0xf1, '–': 0x96 })[ch] ?? ch.charCodeAt(0)));
    writeFileSync(path.join(dir, 'win.csv'), bytes);
    const plain = await runQcode(['import', 'win.csv', '--coder', 'win'], { cwd: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('error QC302: win.csv is not valid UTF-8');
    expect(plain.stderr).toContain('--encoding windows-1252');
    const r = await runQcode(['import', 'win.csv', '--coder', 'win', '--encoding', 'windows-1252'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'out/codings/win.csv')).toContain(',win,topic,trade,café – señal\n');
    // A UTF-8 BOM is dropped.
    writeFileSync(path.join(dir, 'bom.csv'), `\uFEFFsegment_id,codes\na:s1,trade\n`);
    expect((await runQcode(['import', 'bom.csv', '--coder', 'bom'], { cwd: dir })).code).toBe(0);
  });

  it('a sheet whose text changed since it was written stops the import; --rebase places it by text', async () => {
    const dir = await project();
    expect((await runQcode(['sheet', '--coder', 'ben', '-o', 'ben.csv'], { cwd: dir })).code).toBe(0);
    // security on a:s3 (the four code cells and the memo end the row).
    const filled = read(dir, 'ben.csv').replace(/^(a:s3,.*),,,,,$/m, '$1,,1,,,');
    expect(filled).not.toBe(read(dir, 'ben.csv'));
    writeFileSync(path.join(dir, 'ben.csv'), filled);
    const doc = path.join(dir, 'corpus/a.md');
    writeFileSync(doc, read(dir, 'corpus/a.md').replace('Police raided', 'Overnight, police raided'));
    const r = await runQcode(['import', 'ben.csv', '--coder', 'ben'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error QC421');
    expect(r.stderr).toContain('import with --rebase');
    const again = await runQcode(['import', 'ben.csv', '--coder', 'ben', '--rebase'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('orphaned 1');
    expect(read(dir, 'out/codings/ben.orphans.csv')).toContain('a:s3,a,dc938a780d873a7f,ben,topic,security,,text edited or deleted,Police raided a cartel hideout.');
  });
});
