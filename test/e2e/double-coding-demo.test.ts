import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, copyDemo, runQcode } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

// The demo study at the repository root: its 20% double-coding sample, and
// (once the demo's two illustrative coders are in coders/usmca-2026/) their
// disagreements and adjudication.
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const hasCoders = existsSync(path.join(REPO, 'coders/usmca-2026/coder-a.csv'));
if (!hasCoders) console.warn('demo disagreements/adjudicate goldens skipped: coders/usmca-2026/ is not in this checkout yet');

describe('double-coding on the demo study', () => {
  it('golden sample: seed 2026, 20%, stratified by source type', async () => {
    const dir = copyDemo();
    const r = await runQcode(['sample', '--fraction', '0.2', '--seed', '2026', '--stratify', 'type'], { cwd: dir });
    expect(r.code).toBe(0);
    expectGolden('sample/demo-seed2026-20pct-by-type.csv', read(dir, 'out/sample.csv'));
  });

  it.skipIf(!hasCoders)('golden disagreements and adjudication of the two demo coders', async () => {
    const dir = copyDemo();
    for (const coder of ['coder-a', 'coder-b']) {
      const r = await runQcode(['import', `coders/usmca-2026/${coder}.csv`, '--coder', coder, '--format', 'list'], { cwd: dir });
      expect(r.stderr).not.toContain('error');
      expect(r.code).toBe(0);
    }
    expect((await runQcode(['disagreements', '--coders', 'coder-a,coder-b'], { cwd: dir })).code).toBe(0);
    const disagreements = read(dir, 'out/disagreements.csv');
    expectGolden('disagreements/demo-coder-a-coder-b.csv', disagreements);

    expect((await runQcode(['adjudicate', '--coders', 'coder-a,coder-b', '--as', 'gold', '--prefer', 'coder-a'], { cwd: dir })).code).toBe(0);
    expectGolden('adjudicate/demo-gold-prefer-coder-a.csv', read(dir, 'out/codings/gold.csv'));

    // Decisions cycle through the four kinds, row by row (no demo category is exclusive).
    const decisions = ['coder-a', 'coder-b', 'both', 'neither'];
    const lines = disagreements.trimEnd().split('\n');
    const resolved = [`${lines[0]},decision`, ...lines.slice(1).map((l, i) => `${l},${decisions[i % 4]}`)].join('\n');
    writeFileSync(path.join(dir, 'resolved.csv'), `${resolved}\n`);
    const r = await runQcode(['adjudicate', '--coders', 'coder-a,coder-b', '--as', 'gold', '--resolved', 'resolved.csv', '--force'], { cwd: dir });
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expectGolden('adjudicate/demo-gold-resolved.csv', read(dir, 'out/codings/gold.csv'));
  });
});
