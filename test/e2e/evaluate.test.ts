import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../helpers/run-cli.js';

// Hand computation for the two-coders fixture (gold = imports/long.csv, auto = imports/auto-list.csv):
//   trade    TP 2 (a:s1, b:s1)  FP 1 (a:s4)  FN 1 (a:s2)  P 2/3  R 2/3  F1 2/3
//   security TP 1 (a:s3)        FP 0         FN 1 (b:s1)  P 1    R 1/2  F1 2/3
//   positive TP 1 (b:s1)        FP 0         FN 0         P 1    R 1    F1 1
//   negative TP 1 (a:s2)        FP 1 (a:s3)  FN 0         P 1/2  R 1    F1 2/3
//   micro    TP 5 FP 2 FN 2 → P = R = F1 = 5/7
//   macro    P = (2/3+1+1+1/2)/4 = 19/24, R = 19/24, F1 = (2/3+2/3+1+2/3)/4 = 3/4
describe('qcode evaluate', () => {
  const setup = () => {
    const dir = copyFixture('projects/two-coders');
    expect(runCli(['import', 'imports/long.csv', '--coder', 'gold'], { cwd: dir }).code).toBe(0);
    expect(runCli(['import', 'imports/auto-list.csv', '--coder', 'auto'], { cwd: dir }).code).toBe(0);
    return dir;
  };

  it('computes per-code, micro and macro precision, recall and F1', () => {
    const dir = setup();
    const r = runCli(['evaluate', '--gold', 'gold', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.segments).toBe(5);
    const byCode = Object.fromEntries(e.codes.map((c: { code: string }) => [c.code, c]));
    expect(byCode.trade).toMatchObject({ tp: 2, fp: 1, fn: 1, support: 3 });
    expect(byCode.trade.precision.value).toBeCloseTo(2 / 3, 12);
    expect(byCode.security.recall.value).toBeCloseTo(1 / 2, 12);
    expect(byCode.security.f1.value).toBeCloseTo(2 / 3, 12);
    expect(byCode.negative.precision.value).toBeCloseTo(1 / 2, 12);
    expect(e.micro.f1.value).toBeCloseTo(5 / 7, 12);
    expect(e.macro.precision.value).toBeCloseTo(19 / 24, 12);
    expect(e.macro.f1.value).toBeCloseTo(3 / 4, 12);
  });

  it('prints a table and writes every error with its text', () => {
    const dir = setup();
    const r = runCli(['evaluate', '--gold', 'gold', '--errors', 'errors.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/trade\s+topic\s+0\.667\s+0\.667\s+0\.667\s+3/);
    expect(r.stdout).toMatch(/micro\s+0\.714\s+0\.714\s+0\.714\s+7/);
    const errors = readFileSync(path.join(dir, 'errors.csv'), 'utf8').trim().split('\n');
    expect(errors[0]).toBe('segment_id,doc_id,code,error,text,matched');
    expect(errors.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'a:s2,a,trade,false_negative',
      'a:s3,a,negative,false_positive',
      'a:s4,a,trade,false_positive',
      'b:s1,b,security,false_negative',
    ]);
  });

  it('says which coder file is missing', () => {
    const dir = copyFixture('projects/two-coders');
    const r = runCli(['evaluate', '--gold', 'nobody'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC412');
  });
});
