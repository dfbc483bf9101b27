import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../src/core/format/format-csv.js';
import { parseCsvWithPositions } from '../../../src/core/util/parse-csv-positions.js';
import { readCsvRecords } from '../../../src/io/csv-byte-reader.js';
import { csvText } from '../../helpers/csv-text.js';

// Every CSV qcode writes goes through formatCsv/formatCsvRow. Tables of
// arbitrary text (CR, CRLF, lone CR, NUL, quotes, commas, edge white space,
// emoji, RTL, combining marks) must come back cell for cell through Python's
// csv module and through qcode's own readers; and what Python writes, qcode
// reads. QCODE_CSV_CASES sets the number of tables (default 300).
const CASES = Number(process.env.QCODE_CSV_CASES) || 300;
const python = spawnSync('python3', ['-c', 'import csv, json, sys; print(sys.version_info >= (3, 11))'], { encoding: 'utf8' });
/** Python's csv module reads NUL from 3.11 on. */
const PYTHON_OK = python.status === 0 && python.stdout.trim() === 'True';
const SKIP = PYTHON_OK ? '' : ' (skipped: needs python3 ≥ 3.11 for its csv module)';

const PY = `
import csv, json, sys
folder, n = sys.argv[1], int(sys.argv[2])
read = []
for i in range(n):
    with open(f"{folder}/qcode-{i}.csv", newline="", encoding="utf-8") as f:
        read.append(list(csv.reader(f)))
    with open(f"{folder}/table-{i}.json", encoding="utf-8") as f:
        table = json.load(f)
    with open(f"{folder}/python-{i}.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(table)
with open(f"{folder}/read.json", "w", encoding="utf-8") as f:
    json.dump(read, f)
`;

const table = fc
  .integer({ min: 2, max: 5 })
  .chain((width) => fc.array(fc.array(csvText, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 6 }));

// ignoreBOM: a field may itself start with U+FEFF; the default decoder would drop it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The streaming byte reader (ratings files) on a file, fields decoded. */
function byteReaderRows(file: string): string[][] {
  const rows: string[][] = [];
  const error = readCsvRecords(file, (r) => {
    rows.push(Array.from({ length: r.count }, (_, i) => decoder.decode(r.bytes.subarray(r.starts[i]!, r.ends[i]!))));
  });
  expect(error).toBeNull();
  return rows;
}

/** What qcode's readers make of a file: its own positional reader, the streaming byte reader, and csv-parse as the corpus readers set it. */
function qcodeReads(file: string): { own: string[][]; bytes: string[][]; csvParse: string[][] } {
  const text = readFileSync(file, 'utf8');
  const own = parseCsvWithPositions(text);
  expect(own.errors).toEqual([]);
  return {
    own: own.rows.map((r) => r.fields),
    bytes: byteReaderRows(file),
    csvParse: parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][],
  };
}

describe(`CSV round trip through Python's csv module and qcode's readers${SKIP}`, () => {
  it.skipIf(!PYTHON_OK)(`${CASES} tables of hard text come back cell for cell, both ways`, () => {
    const tables = fc.sample(table, { numRuns: CASES, seed: 20240516 });
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-csv-'));
    tables.forEach((t, i) => {
      writeFileSync(path.join(dir, `qcode-${i}.csv`), formatCsv(t[0]!, t.slice(1)));
      // Python writes a fixed header first, so a BOM-like first cell cannot be taken for a byte-order mark.
      writeFileSync(path.join(dir, `table-${i}.json`), JSON.stringify([t[0]!.map((_, j) => `h${j}`), ...t]));
    });
    const run = spawnSync('python3', ['-c', PY, dir, String(tables.length)], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const pythonRead = JSON.parse(readFileSync(path.join(dir, 'read.json'), 'utf8')) as string[][][];
    let cells = 0;
    tables.forEach((t, i) => {
      const shown = `table ${i}: ${JSON.stringify(t)}`;
      expect(pythonRead[i], shown).toEqual(t);
      const mine = qcodeReads(path.join(dir, `qcode-${i}.csv`));
      expect(mine.own, shown).toEqual(t);
      expect(mine.bytes, shown).toEqual(t);
      expect(mine.csvParse, shown).toEqual(t);
      const theirs = qcodeReads(path.join(dir, `python-${i}.csv`));
      expect(theirs.own.slice(1), shown).toEqual(t);
      expect(theirs.bytes.slice(1), shown).toEqual(t);
      expect(theirs.csvParse.slice(1), shown).toEqual(t);
      cells += t.length * t[0]!.length;
    });
    expect(cells).toBeGreaterThan(CASES * 4);
  });
});
