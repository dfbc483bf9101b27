import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCodebook, generateHugeDocument, generateShortSentences } from '../../scripts/bench-corpus.mjs';
import { BIN, REPO } from '../helpers/run-cli.js';
import { longDocumentCommands } from '../helpers/long-document.js';

// Issue 15 at full size, opt in: QCODE_HEAVY=1 npx vitest run test/scale
// (needs `npm run build`; an hour or more on a small machine). A 200 MB
// document with no paragraph break (the bench's generator) through every
// command at the document and sentence units, and a coding file of over
// five million rows (50 documents of 100,000 short sentences) through every
// command that reads codings. Each command runs as its own process, as a
// user runs it: its memory is what is under test, so the peak RSS is read
// from /usr/bin/time -v and printed, and must stay under QCODE_HEAVY_RSS_MB
// (default 4,000). The cheap walk of the same commands runs in every test
// run: test/e2e/one-long-document.test.ts.

const HEAVY = process.env.QCODE_HEAVY === '1';
const DATA = path.join(REPO, 'bench-data');
const RSS_LIMIT_MB = Number(process.env.QCODE_HEAVY_RSS_MB ?? 4000);
const HOUR = 3_600_000;
/** A code of the bench codebook (scripts/bench-corpus.mjs generateCodebook). */
const CODE = { category: 'cat0', code: 'code-0-0' };

if (!HEAVY) {
  describe('scale (QCODE_HEAVY=1 to run)', () => {
    it.skip('200 MB single document and 5 million coding rows through every command: set QCODE_HEAVY=1 and npm run build first', () => {});
  });
}

/** Runs the built CLI under /usr/bin/time -v: exit code, stderr, peak RSS in MB. */
function run(args: string[], dir: string): { code: number; stderr: string; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, ...args, '-C', dir], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const stderr = r.stderr ?? '';
  const status = /Exit status: (\d+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { code: status ? Number(status[1]) : (r.status ?? -1), stderr, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

function project(name: string, corpus: string, unit: 'document' | 'sentence', codebook: string): string {
  const dir = path.join(DATA, `scale-${name}-${unit}`);
  mkdirSync(path.join(dir, 'out', 'codings', 'spans'), { recursive: true });
  writeFileSync(path.join(dir, 'qcode.yaml'), `codebook: ${JSON.stringify(codebook)}\ncorpus: ${JSON.stringify(corpus)}\nunit: ${unit}\n`);
  // A span coder for `units --from-spans`: the document's first 40 characters (ASCII there in both corpora).
  const first = JSON.parse(firstLine(corpus)) as { id: string; text: string };
  writeFileSync(path.join(dir, 'out/codings/spans/ann.csv'), `doc_id,start,end,code,text,memo\n${first.id},0,40,${CODE.code},${JSON.stringify(first.text.slice(0, 40))},\n`);
  return dir;
}

/** Lines of a file, counted in its bytes (no string of hundreds of megabytes). */
function countLines(file: string): number {
  const bytes = readFileSync(file);
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** The first line of a file (the corpora here are a few hundred megabytes). */
function firstLine(file: string): string {
  const bytes = readFileSync(file);
  return bytes.subarray(0, bytes.indexOf(10)).toString('utf8');
}

function walk(dir: string, unit: 'document' | 'sentence', label: string, manyRows: boolean): void {
  for (const step of longDocumentCommands(unit, CODE, manyRows)) {
    step.before?.(dir);
    const r = run(step.args, dir);
    process.stdout.write(`${label} ${unit} ${step.name}: exit ${r.code}, peak RSS ${r.rssMb.toFixed(0)} MB\n`);
    // Soft: a failed step is reported and the walk goes on, so one run tells every command's state.
    expect.soft(r.stderr, step.name).not.toMatch(/QC099|Maximum call stack|RangeError|heap out of memory/);
    expect.soft({ step: step.name, code: r.code }).toEqual({ step: step.name, code: step.code });
    if (step.problem) expect.soft(r.stderr, step.name).toContain(step.problem);
    expect.soft(r.rssMb, step.name).toBeLessThan(RSS_LIMIT_MB);
  }
}

describe.runIf(HEAVY)('scale: issue 15 at full size', () => {
  it('has a build to run', () => {
    expect(existsSync(BIN), 'npm run build first').toBe(true);
  });

  const codebook = path.join(DATA, 'codebook.yaml');
  for (const unit of ['document', 'sentence'] as const) {
    it(`runs a 200 MB document with no paragraph break through every command (${unit} unit)`, { timeout: 4 * HOUR }, () => {
      mkdirSync(DATA, { recursive: true });
      generateCodebook(codebook);
      const corpus = path.join(DATA, 'news-one-document-200mb.jsonl');
      if (!existsSync(corpus)) generateHugeDocument(corpus, 200);
      expect(statSync(corpus).size).toBeGreaterThan(200e6);
      // Some 2 million sentences: more rows than a sheet holds.
      walk(project('huge', corpus, unit, codebook), unit, 'one 200 MB document', unit === 'sentence');
    });
  }

  it('runs a coding file of over 5 million rows through every command', { timeout: 4 * HOUR }, () => {
    mkdirSync(DATA, { recursive: true });
    generateCodebook(codebook);
    const corpus = path.join(DATA, 'short-sentences-5m.jsonl');
    if (!existsSync(corpus)) generateShortSentences(corpus, 50, 100_000);
    const dir = project('rows', corpus, 'sentence', codebook);
    const code = run(['code', '--force', '-q'], dir);
    expect(code.code).toBe(0);
    expect(countLines(path.join(dir, 'out/codings/auto.csv')) - 1).toBeGreaterThan(5_000_000);
    walk(dir, 'sentence', '5M rows', true);
  });
});
