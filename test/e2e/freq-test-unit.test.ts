import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyDemo, REPO, runQcode } from '../helpers/run-cli.js';

// `freq --by type --test-unit doc` against scipy on the document-level tables (see the fixture's SOURCE.md).
const reference = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/freq-demo-doc-level-scipy/reference.json'), 'utf8'));
let dir = '';

beforeAll(async () => {
  dir = copyDemo();
  const r = await runQcode(['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a', '--format', 'list'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
});

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('qcode freq --by type --test-unit doc', () => {
  it('tests documents, and every χ², p, df, Cramér’s V and Fisher p equals scipy’s', async () => {
    const r = await runQcode(['freq', '--by', 'type', '--test-unit', 'doc', '--json', '--coder', 'coder-a'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.test_unit).toBe('doc');
    expect(data.tests).toHaveLength(reference.tests.length);
    data.tests.forEach((t: Record<string, number | null>, i: number) => {
      const ref = reference.tests[i];
      expect([t.category, t.code]).toEqual([ref.category, ref.code]);
      if (ref.chi2 === undefined) {
        expect(t.chi2).toBeNull();
        return;
      }
      close(t.chi2!, ref.chi2);
      close(t.p!, ref.p);
      expect(t.df).toBe(ref.df);
      close(t.cramers_v!, ref.cramers_v);
      if (ref.fisher_p !== undefined) close(t.fisher_p!, ref.fisher_p);
    });
  });

  it('says in the table which unit was tested', async () => {
    const doc = await runQcode(['freq', '--by', 'type', '--test-unit', 'doc', '--tests', '--coder', 'coder-a'], { cwd: dir });
    expect(doc.stdout).toMatch(/Unit tested: the document\./);
  });
});
