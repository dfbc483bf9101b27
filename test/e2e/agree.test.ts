import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { copyDemo, REPO, copyFixture, hasStackTrace, runCli } from '../helpers/run-cli.js';

const FIXTURES = path.join(REPO, 'test/fixtures');

/** Byte-for-byte comparison with test/golden/agreement/<name> (UPDATE_GOLDEN=1 rewrites). */
const golden = (name: string, actual: string) => expectGolden(`agreement/${name}`, actual);

function ratings(fixture: string, args: string[] = []) {
  return runCli(['agree', '--ratings', 'ratings.csv', ...args], { cwd: path.join(FIXTURES, fixture) });
}

function json(fixture: string, args: string[] = []) {
  const r = ratings(fixture, [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout);
  expect(data.results).toHaveLength(1);
  expect(data.results[0].scope).toBe('variable');
  return data.results[0].metrics;
}

const near = (x: number, published: number, digits: number) => expect(Math.abs(x - published)).toBeLessThanOrEqual(0.5 * 10 ** -digits);

describe('qcode agree --ratings reproduces published values through the CLI', () => {
  it('Krippendorff (2011): α nominal .743, ordinal .815, interval .849, ratio .797', () => {
    const fx = 'agreement-krippendorff-2011-four-observers-missing';
    near(json(fx).krippendorff_alpha, 0.743, 3);
    near(json(fx, ['--level', 'ordinal']).krippendorff_alpha, 0.815, 3);
    near(json(fx, ['--level', 'interval']).krippendorff_alpha, 0.849, 3);
    near(json(fx, ['--level', 'ratio']).krippendorff_alpha, 0.797, 3);
  });

  it('Fleiss (1971): κ 0.4302445, z 17.65183 (R irr)', () => {
    const m = json('agreement-fleiss-1971-diagnoses');
    near(m.fleiss_kappa, 0.4302445, 7);
    near(m.fleiss_kappa_z, 17.65183, 5);
    expect(m).not.toHaveProperty('cohen_kappa');
    expect(m).toHaveProperty('mean_pairwise_cohen_kappa');
  });

  it('SAS 3×3 (long layout): κ .4842, ASE .1380, linear weighted .4701', () => {
    const m = json('agreement-sas-cohen-kappa-3x3', ['--level', 'ordinal']);
    near(m.cohen_kappa, 0.4842, 4);
    near(m.cohen_kappa_se, 0.138, 4);
    near(m.kappa_linear, 0.4701, 4);
  });

  it('irrCAC cont3x3abstractors: AC1 0.8493305 (se 0.04321747), Brennan–Prediger 0.835', () => {
    const m = json('agreement-irrcac-cont3x3abstractors', ['--categories', 'Ectopic,AIU,NIU']);
    near(m.gwet_ac1, 0.8493305, 7);
    near(m.gwet_ac1_se, 0.04321747, 8);
    near(m.brennan_prediger, 0.835, 9);
  });
});

describe('qcode agree output formats (golden files)', () => {
  for (const format of ['table', 'csv', 'md', 'latex', 'json'] as const) {
    it(`--ratings, SAS example at the ordinal level with a bootstrap: ${format}`, () => {
      const r = ratings('agreement-sas-cohen-kappa-3x3', ['--level', 'ordinal', '--bootstrap', '200', '--seed', '7', '--format', format]);
      expect(r.code).toBe(0);
      golden(`sas-ordinal.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`--ratings, Krippendorff's data with missing values: ${format}`, () => {
      const r = ratings('agreement-krippendorff-2011-four-observers-missing', ['--level', 'interval', '--format', format]);
      expect(r.code).toBe(0);
      golden(`krippendorff-interval.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`--coders on a two-coder project: ${format}`, () => {
      const dir = codedProject();
      const r = runCli(['agree', '--coders', 'alice,bob', '--format', format], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(`two-coders.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });

    it(`undefined values: null with a reason, "—" with a footnote: ${format}`, () => {
      const r = ratings('agreement-single-category', ['--categories', 'yes,no', '--format', format]);
      expect(r.code).toBe(0);
      golden(`single-category.${format === 'table' ? 'txt' : format === 'latex' ? 'tex' : format}`, r.stdout);
    });
  }

  it('is byte-identical on a rerun, and --json equals --format json', () => {
    const a = ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '300', '--seed', '3', '--json']);
    const b = ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '300', '--seed', '3', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('qcode agree on coding files', () => {
  it('prints per-code, per-category, pooled and mean results', () => {
    const dir = codedProject();
    const data = JSON.parse(runCli(['agree', '--coders', 'alice,bob', '--json'], { cwd: dir }).stdout);
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

  it('takes coding files as arguments', () => {
    const dir = codedProject();
    const byName = runCli(['agree', '--coders', 'alice,bob', '--json'], { cwd: dir });
    const byFile = runCli(['agree', 'out/codings/alice.csv', 'out/codings/bob.csv', '--json'], { cwd: dir });
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toBe(byName.stdout);
  });

  it('--fail-under exits 1 below the threshold, 0 at or above it', () => {
    const dir = codedProject();
    const low = runCli(['agree', '--coders', 'alice,bob', '--fail-under', '0.8', '--format', 'csv'], { cwd: dir });
    expect(low.code).toBe(1);
    expect(low.stderr).toContain('error QC606: pooled all: krippendorff_alpha = 0.571 is below 0.8');
    expect(runCli(['agree', '--coders', 'alice,bob', '--fail-under', '0.5', '-q'], { cwd: dir }).code).toBe(0);
    const each = runCli(['agree', '--coders', 'alice,bob', '--fail-under', '0.5', '--each', '--metric', 'cohen_kappa', '-q'], { cwd: dir });
    expect(each.code).toBe(1);
    expect(each.stderr).toContain('code trade: cohen_kappa = 0.167 is below 0.5');
    expect(each.stderr).not.toContain('code security');
  });

  it('an undefined value fails a gate, with its reason', () => {
    const r = ratings('agreement-single-category', ['--categories', 'yes,no', '--fail-under', '0.1', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/krippendorff_alpha is undefined and cannot reach 0\.1 .*all pairable values are 'yes'/);
  });

  it('a metric the data do not have is an error (exit 2)', () => {
    const r = ratings('agreement-fleiss-1971-diagnoses', ['--fail-under', '0.1', '--metric', 'cohen_kappa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC607');
  });
});

describe('qcode agree on the demo study', () => {
  const hasCoders = existsSync(path.join(REPO, 'coders/usmca-2026/coder-a.csv'));
  it.skipIf(!hasCoders)('prints per-code, pooled and mean tables for the two demo coders (golden)', () => {
    const dir = copyDemo();
    for (const coder of ['coder-a', 'coder-b']) {
      const r = runCli(['import', `coders/usmca-2026/${coder}.csv`, '--coder', coder, '--format', 'list'], { cwd: dir });
      expect(r.code).toBe(0);
    }
    for (const format of ['table', 'json'] as const) {
      const r = runCli(['agree', '--coders', 'coder-a,coder-b', '--bootstrap', '1000', '--seed', '2026', '--format', format], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(`demo-coder-a-coder-b.${format === 'table' ? 'txt' : 'json'}`, r.stdout);
    }
  });
});

describe('qcode agree errors', () => {
  it('names the cell of a value outside --categories, and every other problem', () => {
    const r = ratings('agreement-sas-cohen-kappa-3x3', ['--categories', '1,2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ratings\.csv:\d+:3 - error QC602: '3' is not among --categories/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('needs numbers for --level interval', () => {
    const r = ratings('agreement-irrcac-cont3x3abstractors', ['--level', 'interval']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QC605');
  });

  it('needs two coders, and a ratings file that exists', () => {
    const dir = codedProject();
    expect(runCli(['agree', '--coders', 'alice'], { cwd: dir }).stderr).toContain('QC604');
    expect(runCli(['agree', '--coders', 'alice,alice'], { cwd: dir }).stderr).toContain('QC611');
    expect(runCli(['agree', '--coders', 'alice,nobody'], { cwd: dir }).stderr).toContain('QC412');
    const missing = runCli(['agree', '--ratings', 'nope.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('QC002');
  });

  it('rejects bad option values', () => {
    expect(ratings('agreement-sas-cohen-kappa-3x3', ['--level', 'fuzzy']).code).toBe(2);
    expect(ratings('agreement-sas-cohen-kappa-3x3', ['--bootstrap', '0']).code).toBe(2);
    expect(ratings('agreement-sas-cohen-kappa-3x3', ['--fail-under', 'x']).code).toBe(2);
  });
});

/** The two-coders fixture with alice (imports/long.csv) and bob (imports/auto-list.csv) imported. */
function codedProject(): string {
  const dir = copyFixture('projects/two-coders');
  expect(runCli(['import', 'imports/long.csv', '--coder', 'alice'], { cwd: dir }).code).toBe(0);
  expect(runCli(['import', 'imports/auto-list.csv', '--coder', 'bob'], { cwd: dir }).code).toBe(0);
  return dir;
}
