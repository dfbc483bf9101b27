import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCodedSegments } from '../../src/core/analysis/coded-segments.js';
import { computeJsonlExport, computeLongExport, computeWideExport } from '../../src/core/analysis/export-tables.js';
import { formatCsv } from '../../src/core/format/format-csv.js';
import { readCodingFile } from '../../src/io/coding-file.js';
import { readProject } from '../../src/io/read-project.js';
import { readStudy } from '../../src/io/read-study.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// The streamed export writes its rows straight (ExportWriter: fields
// formatted once per document and segment); they must be the bytes of the
// in-memory tables (computeLongExport, computeWideExport, computeJsonlExport)
// formatted whole, with metadata and memos CSV must quote or --excel must
// neutralise, from a folder corpus and from a JSONL one.

const FIXTURE = 'projects/analysis-three-source-types';

/** The fixture with awkward metadata and memos: commas, quotes, formula-like cells, edge spaces. */
function awkward(jsonl: boolean): string {
  const dir = copyFixture(FIXTURE);
  for (const name of ['news-1', 'official-2']) {
    const file = path.join(dir, 'corpus', `${name}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: '=HYPERLINK("x"), a "quoted" title '`));
  }
  const codings = path.join(dir, 'out/codings/gold.csv');
  const rows = readFileSync(codings, 'utf8').split('\n');
  writeFileSync(codings, rows.map((r, i) => (i > 0 && i % 3 === 0 && r.endsWith(',') ? `${r}"+memo, with ""quotes"""` : r)).join('\n'));
  if (jsonl) {
    const docs = ['news-1', 'news-2', 'official-1', 'official-2', 'social-1', 'social-2'].map((n) => {
      const [, head, text] = readFileSync(path.join(dir, 'corpus', `${n}.md`), 'utf8').split(/^---$/m);
      const meta = Object.fromEntries(head!.trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim().replace(/^'(.*)'$/, '$1')]));
      return JSON.stringify({ ...meta, text: text!.trim() });
    });
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${docs.join('\n')}\n`);
    writeFileSync(path.join(dir, 'qcode.yaml'), readFileSync(path.join(dir, 'qcode.yaml'), 'utf8').replace('corpus: corpus', 'corpus: corpus.jsonl'));
  }
  return dir;
}

async function inMemory(dir: string) {
  const study = await readStudy(await readProject(dir));
  const { codings } = await readCodingFile(path.join(dir, 'out/codings/gold.csv'), { codebook: study.codebook, segments: study.segments, coder: 'gold' });
  return { codebook: study.codebook, documents: study.corpus, segments: study.segments, codings, coded: indexCodedSegments(study.segments, codings) };
}

describe('export rows written straight', () => {
  for (const jsonl of [false, true]) {
    it(`are the in-memory tables' bytes: long, wide, jsonl, with and without --excel (${jsonl ? 'JSONL' : 'folder'} corpus)`, async () => {
      const dir = awkward(jsonl);
      const input = await inMemory(dir);
      const run = async (args: string[]) => {
        const r = await runQcode(['export', ...args, '-o', '-'], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      };
      const long = computeLongExport(input);
      const wide = computeWideExport(input);
      expect(long.rows.some((r) => String(r[5]).startsWith('+memo'))).toBe(true);
      for (const excel of [false, true]) {
        const flag = excel ? ['--excel'] : [];
        expect(await run(['--format', 'long', ...flag])).toBe(formatCsv(long.header, long.rows, { excel }));
        expect(await run(['--format', 'wide', ...flag])).toBe(formatCsv(wide.header, wide.rows, { excel }));
      }
      expect(await run(['--format', 'jsonl'])).toBe(computeJsonlExport(input, 'gold').map((o) => `${JSON.stringify(o)}\n`).join(''));
    });
  }
});
