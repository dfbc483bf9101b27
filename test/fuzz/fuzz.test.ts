import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCodingSheet, computeCodingWorkbook } from '../../src/core/coding/coding-sheet.js';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { formatXlsx } from '../../src/io/xlsx.js';
import { FuzzRunner, checkRun, fuzzRuns, makeProject, readTree } from './harness.js';
import {
  CODEBOOK,
  CORPUS_CSV,
  CORPUS_JSONL,
  DOC_A,
  RATINGS_CSV,
  SHEET_CSV,
  argv,
  baseProject,
  mutated,
  mutatedBytes,
} from './inputs.js';

// Bad input never hurts data (issue 10, point 5): whatever the file or
// command line, qcode answers 0, 1 or 2 with a diagnostic, never QC099, a
// stack trace or a hang, writes nothing outside the project, and a failed
// run leaves the files it found as they were. Cases per input kind: the
// number below in npm test, QCODE_FUZZ_RUNS=n for a long run (e.g. 2000).
const RUNS = fuzzRuns(25);

const runner = new FuzzRunner();
afterAll(() => runner.close());

/** Cases run, by kind, and what the checks found; printed at the end for the record. */
const tally = new Map<string, number>();

/** One fuzz case: the files of a project, a command, and the rules checked. */
async function fuzzCase(kind: string, files: Record<string, string | Uint8Array>, args: readonly string[], options: { allowOutside?: boolean } = {}): Promise<void> {
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
  const where = await makeProject(files);
  const { problem, result } = await checkRun(runner, [...args], where, options);
  if (problem) {
    const shown = (s: string) => JSON.stringify(s.length > 400 ? `${s.slice(0, 400)}…` : s);
    throw new Error(`${kind}: qcode ${args.map((a) => JSON.stringify(a)).join(' ')} → ${problem}\nexit ${result.code}; stderr ${shown(result.stderr)}`);
  }
}

const property = <T>(arb: fc.Arbitrary<T>, body: (v: T) => Promise<void>) => fc.assert(fc.asyncProperty(arb, body), { numRuns: RUNS });

/** The seed project after a good run of segment, code and sample: outputs a failed run must leave as they are. */
let prepared: Record<string, string | Uint8Array> = {};
const project = () => ({ ...prepared });

async function prepare(): Promise<void> {
  const where = await makeProject(baseProject());
  for (const args of [['segment'], ['code'], ['sample', '--size', '3', '--seed', '1']]) {
    const r = await runner.run(args, where.project);
    if (r.code !== 0) throw new Error(`preparing the fuzz project: qcode ${args.join(' ')}: ${r.stderr}`);
  }
  prepared = await readTree(where.project);
}

describe(`fuzz: bad input never hurts data (${RUNS} cases per input kind; QCODE_FUZZ_RUNS for more)`, () => {
  let xlsx: Uint8Array;
  // Bundling the worker and coding the seed project: past the default 10 s on a loaded machine.
  beforeAll(async () => {
    await prepare();
    const codebook = parseCodebook(CODEBOOK, 'codebook.yaml').codebook!;
    const segments = [{ segment_id: 'a:s1', doc_id: 'a', text: 'New tariffs were announced on Jan. 29.', before: '', after: '', metadata: {} }];
    const sheet = computeCodingSheet({ codebook, segments, withKeys: [], context: true });
    sheet.rows[0]![sheet.firstCode] = 'x';
    xlsx = await formatXlsx(computeCodingWorkbook(sheet, codebook, 'x'));
  }, 60_000);

  afterAll(() => {
    process.stdout.write(`fuzz cases run: ${[...tally].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  });

  it('codebooks', async () => {
    await property(fc.tuple(mutated(CODEBOOK), fc.constantFrom(['validate'], ['codebook', 'show'], ['segment', '-o', '-'], ['code'], ['kwic', '--code', 'trade'])), ([text, args]) =>
      fuzzCase('codebook', { ...project(), 'codebook.yaml': text }, args),
    );
  });

  it('corpus folders (front matter and text)', async () => {
    await property(fc.tuple(mutated(DOC_A), fc.constantFrom(['validate'], ['segment', '-o', '-'], ['code'], ['kwic', 'tariff*'], ['sample', '--size', '2', '--seed', '1'])), ([text, args]) =>
      fuzzCase('corpus folder', { ...project(), 'corpus/a.md': text }, args),
    );
  });

  it('corpus CSV and JSONL files', async () => {
    const kinds = fc.oneof(
      mutated(CORPUS_CSV).map((t) => ({ file: 'corpus.csv', text: t })),
      mutated(CORPUS_JSONL).map((t) => ({ file: 'corpus.jsonl', text: t })),
    );
    await property(fc.tuple(kinds, fc.constantFrom(['validate'], ['segment', '-o', '-'], ['code'], ['code', '--workers', '2'], ['freq', '--coder', 'a'])), ([corpus, args]) => {
      const { 'corpus/a.md': _a, 'corpus/b.md': _b, ...rest } = project();
      return fuzzCase('corpus table', { ...rest, 'qcode.yaml': `codebook: codebook.yaml\ncorpus: ${corpus.file}\nunit: sentence\n`, [corpus.file]: corpus.text }, args);
    });
  });

  it('coding files', async () => {
    const commands = fc.constantFrom(['agree', '--coders', 'a,b'], ['freq', '--coder', 'a'], ['disagreements', '--coders', 'a,b', '-o', '-'], ['rebase', 'a'], ['adjudicate', '--coders', 'a,b', '--as', 'g', '--prefer', 'a'], ['export', '--coder', 'a', '-o', '-']);
    await property(fc.tuple(mutated(baseProject()['out/codings/a.csv'] as string), commands), ([text, args]) => fuzzCase('coding file', { ...project(), 'out/codings/a.csv': text }, args));
  });

  it('coding sheets to import (CSV in any layout and encoding, xlsx)', async () => {
    const csv = fc.tuple(mutated(SHEET_CSV), fc.constantFrom([], ['--format', 'wide'], ['--format', 'list'], ['--format', 'long'], ['--encoding', 'windows-1252'], ['--rebase']));
    await property(fc.tuple(csv, fc.boolean()), async ([[text, extra], asXlsx]) => {
      if (asXlsx) {
        // The xlsx bytes, garbled: only when asked for, since the seed is the same each time.
        const bytes = fc.sample(mutatedBytes(xlsx), { numRuns: 1, seed: text.length })[0]!;
        return fuzzCase('import sheet', { ...project(), 'sheet.xlsx': bytes }, ['import', 'sheet.xlsx', '--coder', 'x']);
      }
      return fuzzCase('import sheet', { ...project(), 'sheet.csv': text }, ['import', 'sheet.csv', '--coder', 'x', ...extra]);
    });
  });

  it('ratings tables', async () => {
    const options = fc.constantFrom([], ['--level', 'ordinal'], ['--level', 'interval'], ['--categories', 'a,b,c'], ['--bootstrap', '20'], ['--format', 'json']);
    await property(fc.tuple(mutated(RATINGS_CSV), options), ([text, extra]) => fuzzCase('ratings', { ...project(), 'ratings.csv': text }, ['agree', '--ratings', 'ratings.csv', ...extra]));
  });

  it('command lines', async () => {
    // A path option given ../ or / writes where it is told: the rule is for names and ids.
    const PATH_OPTIONS = new Set(['-o', '--output', '--errors', '--codebook', '--corpus', '--sample', '--texts', '--ratings', '--resolved']);
    await property(argv, (args) => {
      const explicit = args.some((a, i) => /(^|\/)\.\.(\/|$)|^\//.test(a) && (PATH_OPTIONS.has(args[i - 1] ?? '') || args[0] === 'init'));
      return fuzzCase('arguments', project(), args, { allowOutside: explicit });
    });
  });

  it('the harness catches what it is for', async () => {
    // A case that hangs is stopped and reported, and a crash is not taken for a diagnostic.
    const where = await makeProject(project());
    const fine = await checkRun(runner, ['validate'], where);
    expect(fine.problem).toBe('');
    expect(fine.result.code).toBe(0);
    // Last: stopping the thread means the next case would wait for a new one.
    const slow = await runner.run(['validate'], where.project, 0);
    expect(slow.timedOut).toBe(true);
  });
});
