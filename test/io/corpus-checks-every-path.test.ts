import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.js';
import { QcodeError } from '../../src/core/diagnostics/qcode-error.js';
import { CodebookSchema } from '../../src/core/model/codebook.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { streamCode } from '../../src/io/stream-code.js';

// Issue 16.4: the auto-coder's byte path applies the same corpus checks as
// the in-memory reader, whatever the size. Every corpus fixture goes through
// both: readCorpus, and `qcode code`'s pipeline in one slice and in three
// (the large-corpus route: slices as worker threads would read them); the
// diagnostics must be the same, in the same order.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/corpora');
const codebook = CodebookSchema.parse({
  name: 'c',
  version: '1.0.0',
  categories: [{ id: 'k', label: 'K', codes: [{ id: 'trade', label: 'T', patterns: ['tariff*', 'mexico'] }] }],
});
const show = (d: Diagnostic) => `${d.location?.file ?? ''}:${d.location?.line ?? ''} ${d.severity} ${d.code} ${d.message}`;

async function caught<T>(run: () => Promise<T>): Promise<{ value?: T; diagnostics: Diagnostic[] }> {
  try {
    return { value: await run(), diagnostics: [] };
  } catch (e) {
    if (e instanceof QcodeError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

async function inMemory(file: string): Promise<string[]> {
  const r = await caught(() => readCorpus(file, undefined, (p) => path.relative(FIXTURES, p)));
  return [...r.diagnostics, ...(r.value?.diagnostics ?? [])].map(show);
}

async function coded(file: string, workers: number, unit: 'document' | 'sentence' = 'document') {
  const out = mkdtempSync(path.join(tmpdir(), 'qcode-checks-'));
  const r = await caught(() =>
    streamCode({
      file,
      shownFile: path.relative(FIXTURES, file),
      codebook,
      unit,
      coder: 'auto',
      columns: { idColumn: 'id', textColumn: 'text' },
      jsonlCodings: false,
      codingsFile: path.join(out, 'auto.csv'),
      evidenceFile: path.join(out, 'auto.matches.csv'),
      workers,
      display: (p) => path.relative(FIXTURES, p),
    }),
  );
  return { diagnostics: [...r.diagnostics, ...(r.value?.diagnostics ?? [])].map(show), out, value: r.value };
}

describe('the same corpus checks on every path', () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it('covers the defects of the audit', () => {
    for (const name of ['invalid-utf8', 'duplicate-ids', 'invalid-ids', 'empty', 'missing-id-column', 'malformed-json-lines', 'bom-at-text-start']) {
      expect(fixtures.some((f) => f.startsWith(name)), name).toBe(true);
    }
  });

  for (const name of fixtures) {
    it(`${name}: the in-memory reader and the coder in one and in three slices report the same`, async () => {
      const file = path.join(FIXTURES, name);
      const expected = await inMemory(file);
      if (!/^(bom|crlf)/.test(name)) expect(expected.length, 'a fixture proves a check').toBeGreaterThan(0);
      expect((await coded(file, 1)).diagnostics).toEqual(expected);
      if (name.endsWith('.jsonl')) expect((await coded(file, 3)).diagnostics).toEqual(expected);
    });
  }

  it('a text starting with U+FEFF (raw or escaped) has the evidence offsets of the same text without it', async () => {
    const { value } = await coded(path.join(FIXTURES, 'bom-at-text-start.jsonl'), 1, 'sentence');
    // streamCode leaves the finished files in temp files for its caller to publish.
    const rows = readFileSync(value!.evidenceTemp, 'utf8').trim().split('\n').slice(1);
    const offsets = (doc: string) => rows.filter((r) => r.startsWith(`${doc}:`)).map((r) => r.split(',').slice(3, 6).join(','));
    expect(offsets('c')).toEqual(['Tariffs,0,7', 'Mexico,16,22']);
    expect(offsets('a')).toEqual(offsets('c'));
    expect(offsets('b')).toEqual(offsets('c'));
  });
});
