import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportWriter } from '../../src/core/analysis/export-writer.js';
import { readCodingTable } from '../../src/io/read-coding-table.js';
import { readProject } from '../../src/io/read-project.js';
import { readSegmentTable } from '../../src/io/read-segment-table.js';
import { writeDocumentRows } from '../../src/io/write-document-rows.js';
import { runQcode } from '../helpers/run-cli.js';
import { longDocumentCommands } from '../helpers/long-document.js';

// Issue 15: one huge document with no paragraph break (a scraped archive
// dumped as one text) must go through every command without QC099. The
// 200 MB run is test/scale/huge-document.test.ts (QCODE_HEAVY=1); this is
// the same walk on a document of about 0.1 MB, cheap enough for every run,
// at both units: the document unit makes one segment of the whole text (its
// long export repeats it in every row; no spreadsheet cell holds it), the
// sentence unit some 1,000 segments in one document. A longer text adds time,
// mostly in the xlsx and report writers, and proves nothing the 200 MB run
// does not.

const WORDS = (
  'the of and to in a that is for on said with tariff tariffs trade border cartel drug migration economy market ' +
  'exports farmers wages inflation peso court election vote treaty sanctions customs quota dispute plant jobs budget'
).split(' ');

const CODEBOOK = `name: long-document
version: 1.0.0
language: en
unit: document
categories:
  - id: trade
    label: Trade
    codes:
      - { id: tariff, label: Tariff, patterns: ["tariff*", "customs", "quota"] }
      - { id: exports, label: Exports, patterns: ["exports", "market"] }
  - id: security
    label: Security
    codes:
      - { id: cartel, label: Cartel, patterns: ["cartel", "drug"] }
      - { id: border, label: Border, patterns: ["border", "migration"] }
  - id: tone
    label: Tone
    exclusive: true
    codes:
      - { id: dispute, label: Dispute, patterns: ["dispute", "sanctions"] }
`;

/**
 * About `mb` megabytes of sentences, one document, no blank line; accents,
 * curly quotes and an astral emoji on the way. Sentences run 6 to 19 words,
 * times `wordsTimes`.
 */
function longText(mb: number, wordsTimes = 1): string {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const parts: string[] = [];
  let size = 0;
  for (let s = 0; size < mb * 1e6; s++) {
    const n = (6 + Math.floor(rand() * 14)) * wordsTimes;
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    if (s % 50 === 7) w.push('café “México” 🌮');
    const sentence = `${w.join(' ')}.`;
    parts.push(sentence[0]!.toUpperCase() + sentence.slice(1));
    size += sentence.length + 1;
  }
  return parts.join(' ');
}

function project(unit: 'document' | 'sentence', text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `qcode-long-${unit}-`));
  writeFileSync(path.join(dir, 'corpus.jsonl'), `${JSON.stringify({ id: 'long', date: '2020-01-01', source: 'wire', text })}\n`);
  writeFileSync(path.join(dir, 'codebook.yaml'), CODEBOOK);
  writeFileSync(path.join(dir, 'qcode.yaml'), `codebook: codebook.yaml\ncorpus: corpus.jsonl\nunit: ${unit}\n`);
  // A span coder for `units --from-spans`: the first 40 code points (the text is ASCII there).
  mkdirSync(path.join(dir, 'out', 'codings', 'spans'), { recursive: true });
  writeFileSync(path.join(dir, 'out/codings/spans/ann.csv'), `doc_id,start,end,code,text,memo\nlong,0,40,tariff,${JSON.stringify(text.slice(0, 40))},\n`);
  return dir;
}

const text = longText(0.1);

describe('one long document with no paragraph break, through every command', () => {
  for (const unit of ['document', 'sentence'] as const) {
    it(`at the ${unit} unit`, { timeout: 240_000 }, async () => {
      const dir = project(unit, text);
      for (const step of longDocumentCommands(unit)) {
        if (step.before) step.before(dir);
        const run = await runQcode([...step.args, '-C', dir], { cwd: dir });
        expect(run.stderr, step.name).not.toMatch(/QC099|stack|RangeError/);
        expect({ step: step.name, code: run.code, stderr: run.code === step.code ? '' : run.stderr }).toEqual({ step: step.name, code: step.code, stderr: '' });
        if (step.problem) expect(run.stderr, step.name).toContain(step.problem);
      }
      if (unit === 'document') {
        // The long export repeats the whole text in each coded row: more characters than one string may hold at 200 MB, so it is written in pieces.
        const rows = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8').trim().split('\n').length - 1;
        expect(rows).toBeGreaterThan(3);
        expect(statSync(path.join(dir, 'out/exports/auto-long.csv')).size).toBeGreaterThan(rows * text.length);
      }
    });
  }

  it('exports a qdpx whose long document (formatted apart from the batches around it) round-trips', { timeout: 120_000 }, async () => {
    // Past the megabyte of text a batch of documents holds: formatted on the main thread, between the short ones.
    // Its bytes are what matter here, not its number of segments: sentences ten times as long give ~1,300 segments
    // instead of ~13,000, which the export, the import and units spent seconds on.
    const long = longText(1.1, 10);
    const dir = project('sentence', long);
    const short = (id: string) => `${JSON.stringify({ id, date: '2020-01-02', source: 'wire', text: longText(0.002) })}\n`;
    writeFileSync(path.join(dir, 'corpus.jsonl'), short('a') + readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8') + short('z'));
    expect((await runQcode(['code', '--force', '-q'], { cwd: dir })).code).toBe(0);
    const exported = await runQcode(['export', '--format', 'qdpx', '--coder', 'auto', '-o', 'p.qdpx', '-q'], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect((await runQcode(['init', '--from', 'p.qdpx', 'back', '-q'], { cwd: dir })).code).toBe(0);
    const back = path.join(dir, 'back');
    expect((await runQcode(['units', '--from-spans', 'auto', '-q'], { cwd: back })).code).toBe(0);
    const codings = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8');
    expect(codings.split('\n').filter((l) => l.startsWith('long:')).length).toBeGreaterThan(1000);
    expect(readFileSync(path.join(back, 'out/codings/auto.csv'), 'utf8')).toBe(codings);
  });

  it('writes the export tables in pieces that join into the whole', { timeout: 120_000 }, async () => {
    const dir = project('sentence', text);
    expect((await runQcode(['code', '--force', '-q'], { cwd: dir })).code).toBe(0);
    const study = await readSegmentTable(await readProject(dir));
    for (const format of ['long', 'wide', 'jsonl'] as const) {
      const made = async (budget: number) => {
        const { codings } = await readCodingTable(path.join(dir, 'out/codings/auto.csv'), { codebook: study.codebook, segments: study.segments, coder: 'auto', study });
        const writer = new ExportWriter(format, codings, study.codebook);
        const pieces: string[] = [writer.head()];
        const pieceWriter = { get done() { return writer.done; }, hasRows: (d: number) => writer.hasRows(d), documentRows: (d: number, t: (n: number) => string) => writer.documentRows(d, t, budget) };
        await writeDocumentRows(study, {}, pieceWriter, async (s) => void pieces.push(s));
        return pieces;
      };
      const whole = await made(Infinity);
      const inPieces = await made(1000);
      expect(whole.length, format).toBe(2);
      expect(inPieces.length, format).toBeGreaterThan(10);
      expect(inPieces.join(''), format).toBe(whole.join(''));
    }
  });
});
