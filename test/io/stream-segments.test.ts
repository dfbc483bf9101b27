import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSegmentsHeader, formatSegmentsRows } from '../../src/core/segment/format-segments.js';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable, type CompactStudy } from '../../src/io/read-segment-table.js';
import { writeSegmentRows } from '../../src/io/stream-segments.js';
import { StreamedOutput } from '../../src/io/streamed-output.js';

// `qcode segment` over the coder's pipeline (slices, rows made from bytes)
// must write the bytes the reader's hook writes and build the same segment
// table, for awkward corpora: ids and texts that CSV must quote, escapes,
// CRLF and BOM and NFC-changing text the reader normalises, blank
// documents, metadata, boilerplate dropped; in one slice and in three.

const CODEBOOK = readFileSync(path.resolve(import.meta.dirname, '../fixtures/codebooks/topic-and-exclusive-tone.yaml'), 'utf8');

const sentence = fc.constantFrom(
  'Tariffs rose.',
  'Jobs "fell", said he!',
  'Good news?',
  'Read more at wire.',
  'Cafe\u0301 é.',
  '😀 ok.',
  'Tab\there.',
  'Line\r\nbreak.',
  '\uFEFFBom first.',
  'Quote " and, comma.',
);
const text = fc
  .array(fc.array(sentence, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 3 })
  .map((ps) => ps.map((p) => p.join(' ')).join('\n\n'));
const id = fc.constantFrom('d', 'a,b', 'q"x', 'é', 'x-y');
const corpus = fc.array(fc.tuple(id, text), { minLength: 1, maxLength: 7 });

function writeProject(docs: readonly [string, string][], unit: string, drop: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-segrows-'));
  writeFileSync(path.join(dir, 'codebook.yaml'), CODEBOOK);
  const lines = docs.map(([prefix, t], i) => JSON.stringify({ id: `${prefix}${i}`, text: t, type: i % 2 ? 'wire' : 'caf\u0065\u0301' }));
  writeFileSync(path.join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'qcode.yaml'), `codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: ${unit}\n${drop ? 'drop: ["read more at*"]\n' : ''}`);
  mkdirSync(path.join(dir, 'out'), { recursive: true });
  return dir;
}

const options = { command: 'qcode segment', force: true, display: (p: string) => path.basename(p) };

/** Every fact of a table, segment by segment, and its documents. */
function tableFacts(s: CompactStudy) {
  const t = s.segments;
  const rows = [];
  for (let n = 0; n < t.length; n++) rows.push([t.segmentId(n), t.doc(n), t.index(n), t.start(n), t.end(n), t.textSha(n)]);
  return { rows, documents: t.documents, dropped: s.dropped, corpusSha256: s.corpusSha256, diagnostics: s.diagnostics, unit: s.unit };
}

describe('writeSegmentRows', () => {
  it('writes the rows of readSegmentTable with formatSegmentsRows and builds the same table, in one slice or three', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.constantFrom('sentence', 'paragraph', 'document'), fc.boolean(), fc.constantFrom('csv' as const, 'jsonl' as const), async (docs, unit, drop, format) => {
        const dir = writeProject(docs, unit, drop);
        const project = await readProject(dir);
        let expected = formatSegmentsHeader(format);
        const reader = await readSegmentTable(project, { onDocument: (_d, segments) => void (expected += formatSegmentsRows(segments, format)) });
        for (const workers of [1, 3]) {
          const file = path.join(dir, 'out', `segments-${workers}.${format}`);
          const out = await StreamedOutput.open(project, file, options.display);
          const study = await writeSegmentRows(project, { workers }, format, out);
          expect(study).not.toBeNull();
          await out.publish(study!, { kind: 'derived' }, options);
          expect(readFileSync(file, 'utf8')).toBe(expected);
          expect(tableFacts(study!)).toEqual(tableFacts(reader));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes a long document whose rows are handed over in pieces (over 64K characters) as the reader does', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => ['Tariffs rose.', 'Jobs "fell", said he!', 'Cafe\u0301 é 😀.'][i % 3]).join(' ');
    for (const format of ['csv', 'jsonl'] as const) {
      const dir = writeProject([['d', long], ['e', 'Short one.']], 'sentence', false);
      const project = await readProject(dir);
      let expected = formatSegmentsHeader(format);
      await readSegmentTable(project, { onDocument: (_d, segments) => void (expected += formatSegmentsRows(segments, format)) });
      expect(expected.length).toBeGreaterThan(3 * 65_536);
      const file = path.join(dir, 'out', `segments.${format}`);
      const out = await StreamedOutput.open(project, file, options.display);
      const study = await writeSegmentRows(project, { workers: 1 }, format, out);
      await out.publish(study!, { kind: 'derived' }, options);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    }
  });

  it('leaves a corpus with errors to the reader (null, nothing written)', async () => {
    const dir = writeProject([['d', 'One.']], 'sentence', false);
    writeFileSync(path.join(dir, 'corpus.jsonl'), '{"id":"a","text":"x"}\n{"id":"a","text":"y"}\nnot json\n');
    const project = await readProject(dir);
    const out = await StreamedOutput.open(project, path.join(dir, 'out', 'segments.csv'), options.display);
    expect(await writeSegmentRows(project, {}, 'csv', out)).toBeNull();
    await out.discard();
  });
});
