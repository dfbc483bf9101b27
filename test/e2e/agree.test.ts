import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { copyDemo, REPO, copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

const FIXTURES = path.join(REPO, 'test/fixtures');

/** Byte-for-byte comparison with test/golden/agreement/<name> (UPDATE_GOLDEN=1 rewrites). */
const golden = (name: string, actual: string) => expectGolden(`agreement/${name}`, actual);

function ratings(fixture: string, args: string[] = []) {
  return runQcode(['agree', '--ratings', 'ratings.csv', ...args], { cwd: path.join(FIXTURES, fixture) });
}

async function json(fixture: string, args: string[] = []) {
  const r = await ratings(fixture, [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout);
  expect(data.results).toHaveLength(1);
  expect(data.results[0].scope).toBe('variable');
  return data.results[0].metrics;
}

const near = (x: number, published: number, digits: number) => expect(Math.abs(x - published)).toBeLessThanOrEqual(0.5 * 10 ** -digits);

// The published values themselves are checked in test/core/agreement/published-values.test.ts;
// these two prove the CLI wiring only: every --level value reaches the computation (no golden
// covers nominal or ratio), and a many-rater file gets Fleiss' κ and no two-rater Cohen's κ.
// The long layout, --categories and --level ordinal/interval are proved by the goldens below.
describe('qcode agree --ratings passes its options to the computation (published values)', () => {
  it('Krippendorff (2011): α nominal .743, ordinal .815, interval .849, ratio .797', async () => {
    const fx = 'agreement-krippendorff-2011-four-observers-missing';
    near((await json(fx)).krippendorff_alpha, 0.743, 3);
    near((await json(fx, ['--level', 'ordinal'])).krippendorff_alpha, 0.815, 3);
    near((await json(fx, ['--level', 'interval'])).krippendorff_alpha, 0.849, 3);
    near((await json(fx, ['--level', 'ratio'])).krippendorff_alpha, 0.797, 3);
  });

  it('Fleiss (1971): κ 0.4302445, z 17.65183 (R irr)', async () => {
    const m = await json('agreement-fleiss-1971-diagnoses');
    near(m.fleiss_kappa, 0.4302445, 7);
    near(m.fleiss_kappa_z, 17.65183, 5);
    expect(m).not.toHaveProperty('cohen_kappa');
    expect(m).toHaveProperty('mean_pairwise_cohen_kappa');
  });
});

describe('qcode agree output formats (golden files)', () => {
  for (const format of ['table', 'csv', 'md', 'latex', 'json'] as const) {
    it(`--ratings, SAS example at the ordinal level with a bootstrap: ${format}`, async () => {
      const r = await ratings('agreement-sas-cohen-kappa-3x3', ['--level', 'ordinal', '--bootstrap', '200', '--seed', '7', '--format', format]);
      expect(r.code).toBe(0);
      golden(`sas-ordinal.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`--ratings, Krippendorff's data with missing values: ${format}`, async () => {
      const r = await ratings('agreement-krippendorff-2011-four-observers-missing', ['--level', 'interval', '--format', format]);
      expect(r.code).toBe(0);
      golden(`krippendorff-interval.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`--coders on a two-coder project: ${format}`, async () => {
      const dir = await codedProject();
      const r = await runQcode(['agree', '--coders', 'alice,bob', '--format', format], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(`two-coders.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`undefined values: null with a reason, "—" with a footnote: ${format}`, async () => {
      const r = await ratings('agreement-single-category', ['--categories', 'yes,no', '--format', format]);
      expect(r.code).toBe(0);
      golden(`single-category.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });
  }

  it('is byte-identical on a rerun, and --json equals --format json', async () => {
    const a = await ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '300', '--seed', '3', '--json']);
    const b = await ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '300', '--seed', '3', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('qcode agree on coding files', () => {
  it('prints per-code, per-category, pooled and mean results', async () => {
    const dir = await codedProject();
    const data = JSON.parse((await runQcode(['agree', '--coders', 'alice,bob', '--json'], { cwd: dir })).stdout);
    expect(data.coders).toEqual(['alice', 'bob']);
    expect(data.results.map((r: { scope: string; id: string }) => `${r.scope}:${r.id}`)).toEqual([
      'code:trade',
      'code:security',
      'code:positive',
      'code:negative',
      'category:tone',
      'pooled:all',
      'mean:all',
    ]);
    for (const r of data.results) {
      const keys = r.scope === 'mean' ? ['scope', 'id', 'n', 'metrics', 'notes'] : ['scope', 'id', 'n', 'units', 'metrics', 'intervals', 'notes'];
      expect(Object.keys(r)).toEqual(keys);
    }
  });

  it('takes coding files as arguments', async () => {
    const dir = await codedProject();
    const byName = await runQcode(['agree', '--coders', 'alice,bob', '--json'], { cwd: dir });
    const byFile = await runQcode(['agree', 'out/codings/alice.csv', 'out/codings/bob.csv', '--json'], { cwd: dir });
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toBe(byName.stdout);
  });

  it('--fail-under exits 1 below the threshold, 0 at or above it', async () => {
    const dir = await codedProject();
    const low = await runQcode(['agree', '--coders', 'alice,bob', '--fail-under', '0.8', '--format', 'csv'], { cwd: dir });
    expect(low.code).toBe(1);
    expect(low.stderr).toContain('error QC606: pooled all: krippendorff_alpha = 0.571 is below 0.8');
    expect((await runQcode(['agree', '--coders', 'alice,bob', '--fail-under', '0.5', '-q'], { cwd: dir })).code).toBe(0);
    const each = await runQcode(['agree', '--coders', 'alice,bob', '--fail-under', '0.5', '--each', '--metric', 'cohen_kappa', '-q'], { cwd: dir });
    expect(each.code).toBe(1);
    expect(each.stderr).toContain('code trade: cohen_kappa = 0.167 is below 0.5');
    expect(each.stderr).not.toContain('code security');
  });

  it('an undefined value fails a gate, with its reason', async () => {
    const r = await ratings('agreement-single-category', ['--categories', 'yes,no', '--fail-under', '0.1', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/krippendorff_alpha is undefined and cannot reach 0\.1 .*all pairable values are 'yes'/);
  });

  it('a metric the data do not have is an error (exit 2)', async () => {
    const r = await ratings('agreement-fleiss-1971-diagnoses', ['--fail-under', '0.1', '--metric', 'cohen_kappa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC607');
  });
});

describe('qcode agree on the demo study', () => {
  const hasCoders = existsSync(path.join(REPO, 'coders/usmca-2026/coder-a.csv'));
  it.skipIf(!hasCoders)('prints per-code, pooled and mean tables for the two demo coders (golden)', async () => {
    const dir = copyDemo();
    for (const coder of ['coder-a', 'coder-b']) {
      const r = await runQcode(['import', `coders/usmca-2026/${coder}.csv`, '--coder', coder, '--format', 'list'], { cwd: dir });
      expect(r.code).toBe(0);
    }
    for (const format of ['table', 'json'] as const) {
      const r = await runQcode(['agree', '--coders', 'coder-a,coder-b', '--bootstrap', '1000', '--seed', '2026', '--format', format], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(`demo-coder-a-coder-b.${format === 'table' ? 'txt' : 'json'}`, r.stdout);
    }
  });
});

describe('qcode agree errors', () => {
  it('names the cell of a value outside --categories, and every other problem', async () => {
    const r = await ratings('agreement-sas-cohen-kappa-3x3', ['--categories', '1,2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ratings\.csv:\d+:3 - error QC602: '3' is not among --categories/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('needs numbers for --level interval', async () => {
    const r = await ratings('agreement-irrcac-cont3x3abstractors', ['--level', 'interval']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC605');
  });

  it('needs two coders, and a ratings file that exists', async () => {
    const dir = await codedProject();
    expect((await runQcode(['agree', '--coders', 'alice'], { cwd: dir })).stderr).toContain('QC604');
    expect((await runQcode(['agree', '--coders', 'alice,alice'], { cwd: dir })).stderr).toContain('QC611');
    expect((await runQcode(['agree', '--coders', 'alice,nobody'], { cwd: dir })).stderr).toContain('QC412');
    const missing = await runQcode(['agree', '--ratings', 'nope.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('QC002');
  });

  it('rejects bad option values', async () => {
    expect((await ratings('agreement-sas-cohen-kappa-3x3', ['--level', 'fuzzy'])).code).toBe(2);
    expect((await ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '0'])).code).toBe(2);
    expect((await ratings('agreement-sas-cohen-kappa-3x3', ['--fail-under', 'x'])).code).toBe(2);
  });
});

/** The two-coders fixture with alice (imports/long.csv) and bob (imports/auto-list.csv) imported. */
async function codedProject(): Promise<string> {
  const dir = copyFixture('projects/two-coders');
  expect((await runQcode(['import', 'imports/long.csv', '--coder', 'alice'], { cwd: dir })).code).toBe(0);
  expect((await runQcode(['import', 'imports/auto-list.csv', '--coder', 'bob'], { cwd: dir })).code).toBe(0);
  return dir;
}
