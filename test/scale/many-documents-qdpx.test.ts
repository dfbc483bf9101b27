import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 15, opt in (QCODE_HEAVY=1 npx vitest run test/scale): qdpx of more
// documents than a zip without ZIP64 holds files, through the command. It
// takes some 9 s, so the default run proves the same archive at the
// ZipWriter (test/io/xlsx-writer.test.ts: 65,536 files read back by fflate
// and Python's zipfile, and none of the ZIP64 records below that).

describe.skipIf(process.env.QCODE_HEAVY !== '1')('export --format qdpx past 65,535 files (QCODE_HEAVY=1 to run)', () => {
  it('writes a corpus of more documents than a zip without ZIP64 holds files: the archive ends with ZIP64 records and holds every document', async () => {
    const dir = copyFixture('projects/tiny');
    const lines = Array.from({ length: 65_535 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Tariffs rose ${i}.` }));
    writeFileSync(path.join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'qcode.yaml'), 'codebook: codebook.yaml\ncorpus: many.jsonl\nunit: document\n');
    const r = await runQcode(['export', '--format', 'qdpx', '-o', 'many.qdpx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const entries = unzipSync(readFileSync(path.join(dir, 'many.qdpx')));
    expect(Object.keys(entries)).toHaveLength(65_536);
    const texts = Object.keys(entries).filter((e) => e.startsWith('sources/')).map((e) => new TextDecoder().decode(entries[e]));
    expect(new Set(texts)).toEqual(new Set(lines.map((_, i) => `Tariffs rose ${i}.`)));
  }, 120_000);
});
