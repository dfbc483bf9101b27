import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

const manifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).outputs as Record<string, { command: string; details?: Record<string, unknown> }>;

describe('honest defaults', () => {
  it('validate in an empty folder exits 2 and names what is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-empty-'));
    const r = await runQcode(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error QC102: no codebook: there is no qcode.yaml in');
    expect(r.stderr).toContain('error QC103: no corpus:');
    expect(r.stdout).toBe('validation failed\n');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('after adjudicate, freq still counts the auto-coder over every segment, and says so', async () => {
    const dir = copyFixture('double-coding-two-coders');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const before = await runQcode(['freq', '--json'], { cwd: dir });
    expect((await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'alice', '-q'], { cwd: dir })).code).toBe(0);
    const after = await runQcode(['freq', '--json'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    const json = JSON.parse(after.stdout);
    expect(json.coder).toBe('auto');
    expect(json.coverage.reviewed).toBe(json.coverage.segments);
    const table = await runQcode(['cooccur'], { cwd: dir });
    expect(table.stdout.split('\n')[0]).toMatch(/^Code co-occurrence \(coder auto: (\d+) of \1 segments reviewed\)$/);
    const gold = await runQcode(['freq', '--coder', 'gold', '--json'], { cwd: dir });
    expect(JSON.parse(gold.stdout).coverage.reviewed).toBeLessThan(json.coverage.segments);
  });

  it('segment prints a summary, and per-document counts only with --verbose', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const quiet = await runQcode(['segment'], { cwd: dir });
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    expect(quiet.stderr).toMatch(/^\d+ paragraph segments in 6 documents → out\/segments.csv\n$/);
    const verbose = await runQcode(['segment', '--verbose'], { cwd: dir });
    expect(verbose.stderr).toContain('news-01\t');
    expect(verbose.stderr.trim().split('\n')).toHaveLength(7);
  });

  it('-o FILE on agree, freq, cooccur, themes, evaluate: the format from the extension, and a manifest entry each', async () => {
    const dir = copyFixture('double-coding-two-coders');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const ratings = path.join(REPO, 'test/fixtures/agreement-single-category/ratings.csv');
    const runs: [string[], string, (text: string) => void][] = [
      [['agree', '--coders', 'alice,bob'], 'tables/agree.json', (t) => expect(JSON.parse(t).results).toBeDefined()],
      [['agree', '--ratings', ratings], 'tables/ratings.md', (t) => expect(t).toContain('|')],
      [['freq', '--by', 'type'], 'tables/freq.csv', (t) => expect(t.split('\n')[0]).toBe('group,category,code,segments,segment_share,documents,document_share')],
      [['cooccur'], 'tables/cooccur.tex', (t) => expect(t).toContain('\\begin{tabular}')],
      [['themes'], 'tables/themes.txt', (t) => expect(t).toContain('Key terms per code')],
      [['evaluate', '--gold', 'alice'], 'tables/evaluate.json', (t) => expect(JSON.parse(t).micro).toBeDefined()],
    ];
    for (const [args, file, check] of runs) {
      const r = await runQcode([...args, '-o', `out/${file}`], { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe('');
      check(readFileSync(path.join(dir, 'out', file), 'utf8'));
      expect(manifest(dir)[`out/${file}`]?.command, file).toBe(`qcode ${[...args, '-o', `out/${file}`].join(' ')}`);
    }
    expect(manifest(dir)['out/tables/freq.csv']!.details).toMatchObject({ coder: 'auto', coverage: { reviewed: 16, segments: 16 } });
    const bad = await runQcode(['freq', '-o', 'out/freq.xyz'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option --output: no format goes with '.xyz'");
    expect((await runQcode(['freq', '-o', 'out/freq.xyz', '--format', 'csv'], { cwd: dir })).code).toBe(0);
  });

  it('-o FILE.tex writes the summary a paper prints (--detail: every table), each caption naming the coder and coverage', async () => {
    const dir = copyFixture('double-coding-two-coders');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    const captions = async (args: string[], file: string) => {
      expect((await runQcode([...args, '-o', `out/${file}`, '-q'], { cwd: dir })).code).toBe(0);
      return [...readFileSync(path.join(dir, 'out', file), 'utf8').matchAll(/\\caption\{(.*)\}|^\*\*(.*)\*\*$/gm)].map((m) => m[1] ?? m[2]);
    };
    const coverage = 'coder auto: 16 of 16 segments reviewed';
    expect(await captions(['freq', '--by', 'type'], 'freq.tex')).toEqual([`Codes by type: segments coded (${coverage})`, 'Presence by type: $\\chi^{2}$ tests of independence']);
    expect(await captions(['freq', '--by', 'type', '--detail'], 'freq-detail.tex')).toEqual([`Codes by type (${coverage})`, 'Presence by type: $\\chi^{2}$ tests of independence']);
    expect(await captions(['cooccur', '--summary'], 'cooccur.md')).toEqual([`Code co-occurrence within segments (${coverage})`]);
    expect(await captions(['cooccur'], 'cooccur-full.md')).toEqual([`Code co-occurrence (${coverage})`]);
  });
});
