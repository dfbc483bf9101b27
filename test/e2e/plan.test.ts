import { describe, expect, it } from 'vitest';
import { runQcode } from '../helpers/run-cli.js';

describe('qcode plan', () => {
  it('answers α_min at p for q categories, as JSON', async () => {
    const r = await runQcode(['plan', '--alpha-min', '0.8', '--categories', '4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).tables[0].rows).toEqual([{ alpha_min: 0.8, p: 0.05, smallest_share: 0.25, units: 139 }]);
  });

  it('prints Krippendorff’s whole table and the interval plan', async () => {
    const r = await runQcode(['plan', '--table', '--half-width', '0.1', '--kappa', '0.7', '--prevalence', '0.3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Krippendorff 2019’s table/);
    expect(r.stdout).toMatch(/Cohen’s κ\s+0\.700\s+236/);
  });

  it('says what is missing, exit 2', async () => {
    const r = await runQcode(['plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/say what to plan for/);
    expect((await runQcode(['plan', '--alpha-min', '0.8'])).stderr).toMatch(/--smallest-share or --categories/);
  });
});
