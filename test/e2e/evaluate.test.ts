import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemo, copyFixture, runQcode } from '../helpers/run-cli.js';

// Hand computation for the two-coders fixture (gold = imports/long.csv, auto = imports/auto-list.csv):
//   trade    TP 2 (a:s1, b:s1)  FP 1 (a:s4)  FN 1 (a:s2)  P 2/3  R 2/3  F1 2/3
//   security TP 1 (a:s3)        FP 0         FN 1 (b:s1)  P 1    R 1/2  F1 2/3
//   positive TP 1 (b:s1)        FP 0         FN 0         P 1    R 1    F1 1
//   negative TP 1 (a:s2)        FP 1 (a:s3)  FN 0         P 1/2  R 1    F1 2/3
//   micro    TP 5 FP 2 FN 2 → P = R = F1 = 5/7
//   macro    P = (2/3+1+1+1/2)/4 = 19/24, R = 19/24, F1 = (2/3+2/3+1+2/3)/4 = 3/4
describe('qcode evaluate', () => {
  const setup = async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'gold'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['import', 'imports/auto-list.csv', '--coder', 'auto'], { cwd: dir })).code).toBe(0);
    return dir;
  };

  it('computes per-code, micro and macro precision, recall and F1', async () => {
    const dir = await setup();
    const r = await runQcode(['evaluate', '--gold', 'gold', '--json'], { cwd: dir });
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

  it('prints a table and writes every error with its text', async () => {
    const dir = await setup();
    const r = await runQcode(['evaluate', '--gold', 'gold', '--errors', 'errors.csv'], { cwd: dir });
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

  it('says which coder file is missing', async () => {
    const dir = copyFixture('projects/two-coders');
    const r = await runQcode(['evaluate', '--gold', 'nobody'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC412');
  });
});


describe('qcode evaluate on the demo study', () => {
  it('per-code counts and scores equal an independent tally of the two coding files', async () => {
    const dir = copyDemo();
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a', '-q'], { cwd: dir })).code).toBe(0);
    const r = await runQcode(['evaluate', '--gold', 'coder-a', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);

    // The tally, written without qcode's code: sets of codes per segment from each CSV.
    const sets = (file: string) => {
      const m = new Map<string, Set<string>>();
      for (const line of readFileSync(path.join(dir, file), 'utf8').trim().split('\n').slice(1)) {
        const [segment, , , , , code] = line.split(','); // segment_id,doc_id,text_sha,coder,category,code
        if (!m.has(segment!)) m.set(segment!, new Set());
        if (code) m.get(segment!)!.add(code);
      }
      return m;
    };
    const auto = sets('out/codings/auto.csv');
    const gold = sets('out/codings/coder-a.csv');
    expect(e.segments).toBe(70);
    let tpAll = 0;
    let fpAll = 0;
    let fnAll = 0;
    for (const c of e.codes) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [segment, codes] of gold) {
        const a = auto.get(segment)!.has(c.code);
        const g = codes.has(c.code);
        if (a && g) tp++;
        else if (a) fp++;
        else if (g) fn++;
      }
      expect([c.code, c.tp, c.fp, c.fn]).toEqual([c.code, tp, fp, fn]);
      if (tp + fp > 0) expect(c.precision.value).toBeCloseTo(tp / (tp + fp), 12);
      else expect(c.precision).toMatchObject({ value: null });
      if (tp + fn > 0) expect(c.recall.value).toBeCloseTo(tp / (tp + fn), 12);
      tpAll += tp;
      fpAll += fp;
      fnAll += fn;
    }
    expect(e.micro.precision.value).toBeCloseTo(tpAll / (tpAll + fpAll), 12);
    expect(e.micro.recall.value).toBeCloseTo(tpAll / (tpAll + fnAll), 12);
    // Read off the demo files by hand: coder-a coded ntb on 10 sampled sentences,
    // the dictionary found 6 of them and no other; praise was never coded by coder-a.
    const ntb = e.codes.find((c: { code: string }) => c.code === 'ntb');
    expect(ntb).toMatchObject({ tp: 6, fp: 0, fn: 4, support: 10 });
    expect(e.codes.find((c: { code: string }) => c.code === 'praise').recall).toMatchObject({ value: null });
  });
});
