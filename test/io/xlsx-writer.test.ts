import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Workbook, WorkbookSheet } from '../../src/core/format/workbook.js';
import { formatXlsx, workbookTooLarge, XLSX_ZIP_DATE } from '../../src/io/xlsx.js';
import { excelWorkbook, loadExcel } from '../../src/io/xlsx-writer.js';
import { WHOLE_ENTRY_BYTES, ZIP_MAX_ENTRIES, ZipWriter } from '../../src/io/zip-writer.js';

/** What qcode wrote before the streamed writer: exceljs's workbook, packed again by zipSync with fixed dates. */
async function exceljsBytes(workbook: Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await excelWorkbook(await loadExcel(), workbook.sheets).xlsx.writeBuffer());
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) entries[name] = [data, { mtime: XLSX_ZIP_DATE }];
  return zipSync(entries, { level: 6 });
}

const sheet = (name: string, over: Partial<WorkbookSheet>): WorkbookSheet => ({ name, columns: [{ header: 'id' }, { header: 'text', wrap: true, width: 60 }], rows: [], ...over });

describe('formatXlsx (the streamed writer)', () => {
  const cases: [string, Workbook][] = [
    ['one sheet of text', { sheets: [sheet('s', { rows: [['a', 'b'], ['a', 'c']] })] }],
    ['no rows', { sheets: [sheet('s', {}), sheet('t', { columns: [{ header: 'only' }] })] }],
    [
      'every kind of cell, dates first used late and in the second sheet only',
      {
        sheets: [
          sheet('long', { columns: [{ header: 'id' }, { header: 'n' }, { header: 'when' }, { header: 'flag' }, { header: 'text', wrap: true }], rows: [['x', 1, null, true, ' lead'], ['y', 2.5, { date: '2024-02-29' }, false, 'a\nb'], ['z', -0, { date: '1999-12-31' }, null, 'tail ']], freeze: { rows: 1, columns: 1 } }),
          sheet('wide', { columns: [{ header: 'when', wrap: true }, { header: 'd' }, { header: 'hidden', hidden: true }], rows: [[null, null, null], ['a<&>"\'', { date: '2020-01-01' }, 'ctl\u0001\u007f'], [{ date: '2021-05-05' }, 3, 'x']] }),
        ],
      },
    ],
    [
      'validations and a frozen pane, as a coding sheet',
      {
        sheets: [
          sheet('coding', {
            columns: [{ header: 'segment_id', width: 20 }, { header: 'text', wrap: true, width: 60 }, { header: 'c1' }, { header: 'c2' }, { header: 'memo', hidden: true }],
            rows: [['s1', 'first', null, 'x', ''], ['s2', 'second', true, null, 'm']],
            freeze: { rows: 2, columns: 2 },
            validations: [{ firstRow: 3, lastRow: 4, firstColumn: 3, lastColumn: 4, list: ['x', '1'], prompt: 'x marks', warnOnly: true }],
          }),
          sheet('codebook', { rows: [['c1', 'one'], ['c2', 'two']] }),
        ],
      },
    ],
    [
      'numbers of every form, in more rows than one buffer of row bytes holds',
      {
        sheets: [
          sheet('n', {
            columns: [{ header: 'id' }, { header: 'n' }, { header: 'm' }, { header: 'flag' }],
            // Some 8,000 rows make over 1 MiB of row bytes, the writer's buffer (checked below): more rows only cost exceljs time.
            rows: Array.from({ length: 8_000 }, (_, i) => [`r${i % 7}`, [0, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -1, -0, 0.1, 1e21, 1e-7, -123.5][i % 14]!, i * 1_001, i % 3 === 0 ? null : i % 2 === 0]),
          }),
        ],
      },
    ],
  ];
  for (const [what, workbook] of cases) {
    it(`writes exceljs's bytes: ${what}`, async () => {
      const bytes = await formatXlsx(workbook);
      expect(Buffer.from(bytes).equals(Buffer.from(await exceljsBytes(workbook)))).toBe(true);
      if (what.includes('buffer of row bytes')) expect(unzipSync(bytes)['xl/worksheets/sheet1.xml']!.length).toBeGreaterThan(1 << 20);
    });
  }

  it('reads back a workbook with a streamed zip entry (sizes in a data descriptor): shared strings past WHOLE_ENTRY_BYTES', async () => {
    // Long distinct texts fill the shared strings part with few rows; sheet parts go through the same streamed entry.
    const rows = Array.from({ length: 1_000 }, (_, i) => [`seg-${i}`, `text ${i} ${'wörd '.repeat(1_800)}`]);
    const bytes = await formatXlsx({ sheets: [sheet('big', { rows })] });
    const entries = unzipSync(bytes);
    expect(entries['xl/sharedStrings.xml']!.length).toBeGreaterThan(WHOLE_ENTRY_BYTES);
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('big')!;
    expect(ws.rowCount).toBe(1_001);
    expect(ws.getRow(1_001).getCell(2).value).toBe(rows[999]![1]);
    expect(ws.getRow(378).getCell(2).value).toBe(rows[376]![1]);
  });
});

describe('ZipWriter', () => {
  it('writes zipSync\'s bytes for whole entries (folders and non-ASCII names too)', async () => {
    const files: [string, Uint8Array][] = [['a/', new Uint8Array(0)], ['a/b.txt', new TextEncoder().encode('hello '.repeat(1000))], ['é.txt', new Uint8Array([1, 2, 3])]];
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter(async (b) => void chunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    for (const [name, data] of files) await zip.add(name, data);
    await zip.finish();
    const entries: Zippable = {};
    for (const [name, data] of files) entries[name] = [data, { mtime: XLSX_ZIP_DATE }];
    expect(Buffer.concat(chunks).equals(Buffer.from(zipSync(entries, { level: 6 })))).toBe(true);
  });

  it('gives the sink a few large pieces, not one per header and entry, and entries written in pieces are zipSync\'s bytes', async () => {
    const files = Array.from({ length: 2_000 }, (_, i): [string, string] => [`sources/${i}.txt`, `document ${i} `.repeat(1 + (i % 50))]);
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter(async (b) => void chunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    for (const [name, text] of files) {
      const entry = zip.entry(name);
      await entry.write(text.slice(0, 7));
      await entry.write(text.slice(7));
      await entry.end();
    }
    await zip.finish();
    // Some 6,000 pieces (two headers and the deflated bytes per file) in a handful of writes; the sink keeps each (none is reused).
    expect(chunks.length).toBeLessThan(5);
    const entries: Zippable = {};
    for (const [name, text] of files) entries[name] = [new TextEncoder().encode(text), { mtime: XLSX_ZIP_DATE }];
    expect(Buffer.concat(chunks).equals(Buffer.from(zipSync(entries, { level: 6 })))).toBe(true);
  });

  it('appends a side archive\'s entries after its own as if added there: zipSync\'s bytes', async () => {
    const files: [string, Uint8Array][] = Array.from({ length: 50 }, (_, i) => [`f${i}.txt`, new TextEncoder().encode(`text ${i} `.repeat(i * 40))]);
    const chunks: Uint8Array[] = [];
    const sideChunks: Uint8Array[] = [];
    const zip = new ZipWriter(async (b) => void chunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    const side = new ZipWriter(async (b) => void sideChunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    // The first file goes last into the main writer, the others to the side meanwhile.
    for (const [name, data] of files.slice(1)) await side.add(name, data);
    await zip.add(files[0]![0], files[0]![1]);
    await side.flush();
    await zip.append(side, sideChunks);
    await zip.finish();
    const entries: Zippable = {};
    for (const [name, data] of files) entries[name] = [data, { mtime: XLSX_ZIP_DATE }];
    expect(Buffer.concat(chunks).equals(Buffer.from(zipSync(entries, { level: 6 })))).toBe(true);
    await expect(new ZipWriter(async () => undefined, XLSX_ZIP_DATE, workbookTooLarge).append(side, [new Uint8Array(3)])).rejects.toThrow(/3 bytes given/);
  });

  it('ends an archive of more than 65,535 files with ZIP64 records, which zip readers read back (Python\'s zipfile where installed)', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter(async (b) => void chunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    const text = (i: number) => (i % 1000 === 0 ? `file ${i} `.repeat(20) : '');
    for (let i = 0; i <= ZIP_MAX_ENTRIES; i++) await zip.add(`f${i}.txt`, new TextEncoder().encode(text(i)));
    await zip.finish();
    const bytes = Buffer.concat(chunks);
    // The ZIP64 end record and its locator before the end record, whose count says "see ZIP64".
    expect(bytes.readUInt32LE(bytes.length - 22 - 20 - 56)).toBe(0x06064b50);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(0xffff);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toHaveLength(ZIP_MAX_ENTRIES + 1);
    expect(new TextDecoder().decode(entries['f65000.txt'])).toBe(text(65_000));
    if (spawnSync('python3', ['--version']).status !== 0) return;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qcode-zip64-')), 'many.zip');
    writeFileSync(file, bytes);
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(len(z.namelist()), z.read("f65000.txt").decode())';
    const py = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    rmSync(path.dirname(file), { recursive: true, force: true });
    expect(py.stderr).toBe('');
    expect(py.stdout.trim()).toBe(`${ZIP_MAX_ENTRIES + 1} ${text(65_000)}`.trim());
  }, 60_000);

  it('keeps an archive of 65,535 files without ZIP64 records: none is needed', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter(async (b) => void chunks.push(b), XLSX_ZIP_DATE, workbookTooLarge);
    for (let i = 0; i < ZIP_MAX_ENTRIES; i++) await zip.add(`f${i}`, new Uint8Array(0));
    await zip.finish();
    const bytes = Buffer.concat(chunks);
    // The end record right after the last central header (46 bytes and the name), counting every file itself.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(ZIP_MAX_ENTRIES);
    expect(bytes.readUInt32LE(bytes.length - 22 - 46 - `f${ZIP_MAX_ENTRIES - 1}`.length)).toBe(0x02014b50);
  }, 60_000);
});
