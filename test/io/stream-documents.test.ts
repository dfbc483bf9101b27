import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCorpusHash } from '../../src/core/corpus/compute-corpus-hash.js';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.js';
import { QcodeError } from '../../src/core/diagnostics/qcode-error.js';
import type { Document } from '../../src/core/model/document.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { streamDocuments } from '../../src/io/stream-documents.js';

// The streamed reader must be readCorpus one document at a time: the same
// documents, diagnostics (codes, positions, order) and hashes on every corpus.

const CORPORA = path.resolve(import.meta.dirname, '../fixtures/corpora');
const PROJECTS = path.resolve(import.meta.dirname, '../fixtures/projects');
const show = (d: Diagnostic) => `${d.location?.file ?? ''}:${d.location?.line ?? ''}:${d.location?.col ?? ''} ${d.severity} ${d.code} ${d.message} ${d.hint ?? ''}`;
const display = (p: string) => path.relative(CORPORA, p);

type Outcome = { documents: Document[]; diagnostics: string[]; hash?: string; fileSha256?: string | undefined };

async function inMemory(file: string): Promise<Outcome> {
  try {
    const r = await readCorpus(file, undefined, display);
    return { documents: r.documents, diagnostics: r.diagnostics.map(show), hash: computeCorpusHash(r.documents), fileSha256: r.fileSha256 };
  } catch (e) {
    if (e instanceof QcodeError) return { documents: [], diagnostics: e.diagnostics.map(show) };
    throw e;
  }
}

async function streamed(file: string): Promise<Outcome> {
  const stream = streamDocuments(file, undefined, display);
  const documents: Document[] = [];
  try {
    for await (const d of stream.documents) documents.push(d);
  } catch (e) {
    if (e instanceof QcodeError) return { documents: [], diagnostics: e.diagnostics.map(show) };
    throw e;
  }
  const end = stream.end();
  return { documents, diagnostics: end.diagnostics.map(show), hash: end.corpusSha256, fileSha256: end.fileSha256 };
}

/** What readCorpus gives for an input that has errors: only the diagnostics count (the command stops). */
function comparable(o: Outcome): Outcome {
  return o.diagnostics.some((d) => / error /.test(d)) ? { documents: [], diagnostics: o.diagnostics } : o;
}

describe('streamDocuments reads what readCorpus reads', () => {
  const fixtures = [
    ...readdirSync(CORPORA).sort().map((n) => path.join(CORPORA, n)),
    path.join(PROJECTS, 'analysis-three-source-types/corpus'),
    path.join(PROJECTS, 'code-stream-equals-plain/corpus.csv'),
    path.join(PROJECTS, 'code-stream-equals-plain/corpus.jsonl'),
    path.join(PROJECTS, 'tiny/corpus'),
  ];
  for (const file of fixtures) {
    it(path.relative(path.dirname(CORPORA), file), async () => {
      expect(comparable(await streamed(file))).toEqual(comparable(await inMemory(file)));
    });
  }

  it('on generated JSONL and CSV corpora: odd line ends, BOMs, decomposed accents, blank and broken lines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-stream-docs-'));
    const piece = fc.constantFrom('a', 'e\u0301', 'e\u0301', 'x y', ' ', '\r\n', '\r', '\n', ',', '"', 'Ünï', '\ufeff', '.', 'Z');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const id = fc.constantFrom('a', 'b', 'c', 'd d', 'e:1', '');
    const row = fc.record({ id, text, kind: fc.constantFrom('ok', 'ok', 'ok', 'blank', 'broken') });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), async (rows, bom, eol) => {
        const jsonl = rows.map((r) => (r.kind === 'blank' ? '  ' : r.kind === 'broken' ? '{"id": ' : JSON.stringify({ id: r.id, text: r.text, ['te\u0301']: 'é' })));
        const csv = ['id,text,te\u0301', ...rows.map((r) => (r.kind === 'blank' ? '' : r.kind === 'broken' ? 'x' : `${r.id},"${r.text.replace(/"/g, '""')}",e\u0301`))];
        for (const [ext, lines] of [['jsonl', jsonl], ['csv', csv]] as const) {
          const file = path.join(dir, `c${n++}.${ext}`);
          writeFileSync(file, (bom ? '\ufeff' : '') + lines.join(eol));
          expect(comparable(await streamed(file))).toEqual(comparable(await inMemory(file)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
