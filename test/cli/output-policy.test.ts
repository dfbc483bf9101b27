import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';


// Every command that writes goes through one output helper: one way to name
// the file (-o against the working folder, - for stdout, else out/), one
// overwrite policy, one manifest entry per file.
const DOUBLE = 'double-coding-two-coders';
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const manifest = (dir: string) => JSON.parse(read(dir, 'out/manifest.json')) as { outputs: Record<string, { kind: string; sha256: string }> };

describe('the overwrite policy, through the commands', () => {
  it('replaces a derived output it wrote, and refuses one changed since, unless --force', async () => {
    const dir = copyFixture(DOUBLE);
    expect((await runQcode(['segment'], { cwd: dir })).code).toBe(0);
    expect(manifest(dir).outputs['out/segments.csv']!.kind).toBe('derived');
    expect((await runQcode(['segment', '--unit', 'document'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'out/segments.csv'), `${read(dir, 'out/segments.csv')}my note\n`);
    const r = await runQcode(['segment'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('out/segments.csv - error QC004: out/segments.csv has changed since `qcode segment --unit document` wrote it');
    expect(read(dir, 'out/segments.csv')).toContain('my note');
    expect((await runQcode(['segment', '--force'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'out/segments.csv')).not.toContain('my note');
  });

  it('keeps a decision column the team typed into the disagreements list', async () => {
    const dir = copyFixture(DOUBLE);
    expect((await runQcode(['disagreements', '--coders', 'alice,bob'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'out/disagreements.csv'), read(dir, 'out/disagreements.csv').replace('\n', ',decision\n'));
    const r = await runQcode(['disagreements', '--coders', 'alice,bob'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC004');
    expect(read(dir, 'out/disagreements.csv')).toContain(',decision\n');
  });

  it('never replaces a file qcode did not write', async () => {
    const dir = copyFixture(DOUBLE);
    writeFileSync(path.join(dir, 'mine.csv'), 'mine\n');
    const r = await runQcode(['export', '--coder', 'alice', '-o', 'mine.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mine.csv exists and was not written by qcode');
    expect(read(dir, 'mine.csv')).toBe('mine\n');
  });

  it("never lets a derived run replace a coder's work; the same bytes again are allowed", async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'ana'], { cwd: dir })).code).toBe(0);
    expect(manifest(dir).outputs['out/codings/ana.csv']!.kind).toBe('work');
    // Wide gives the same canonical file as long: nothing would be lost.
    expect((await runQcode(['import', 'imports/wide.csv', '--coder', 'ana'], { cwd: dir })).code).toBe(0);
    const before = read(dir, 'out/codings/ana.csv');
    const r = await runQcode(['code', '--coder', 'ana'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("out/codings/ana.csv holds a coder's work or the sample coders work from (written by `qcode import imports/wide.csv --coder ana`)");
    expect(read(dir, 'out/codings/ana.csv')).toBe(before);
    expect(existsSync(path.join(dir, 'out/codings/ana.matches.csv'))).toBe(false);
  });

  it('records every output it writes, evaluate --errors included', async () => {
    const dir = copyFixture(DOUBLE);
    const r = await runQcode(['evaluate', '--gold', 'alice', '--coder', 'bob', '--errors', 'errors.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(manifest(dir).outputs['errors.csv']).toMatchObject({ kind: 'derived', command: 'qcode evaluate --gold alice --coder bob --errors errors.csv' });
  });
});

describe('output paths', () => {
  it('-o - writes to stdout where the command allows it, and is refused where it does not', async () => {
    const dir = copyFixture(DOUBLE);
    const seg = await runQcode(['segment', '-o', '-'], { cwd: dir });
    expect(seg.code).toBe(0);
    expect(seg.stdout).toMatch(/^segment_id,doc_id,unit,index,start,end,text_sha,text\n/);
    expect(existsSync(path.join(dir, 'out/manifest.json'))).toBe(false);
    for (const args of [['code'], ['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'alice']]) {
      const r = await runQcode([...args, '-o', '-'], { cwd: dir });
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain('error QC001: option --output: this command writes a file, not standard output');
    }
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('-o is relative to the working folder, the default to the project', async () => {
    const dir = copyFixture(DOUBLE);
    const sub = path.join(dir, 'corpus');
    expect((await runQcode(['segment', '-C', '..', '-o', 'here.csv'], { cwd: sub })).code).toBe(0);
    expect(existsSync(path.join(sub, 'here.csv'))).toBe(true);
    expect((await runQcode(['segment', '-C', '..'], { cwd: sub })).code).toBe(0);
    expect(existsSync(path.join(dir, 'out/segments.csv'))).toBe(true);
  });
});
