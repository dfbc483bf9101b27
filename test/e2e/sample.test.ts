import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

describe('qcode sample', () => {
  it('golden: seed 2026, 20%, stratified by type; manifest records seed and strata', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['sample', '--fraction', '0.2', '--seed', '2026', '--stratify', 'type'], { cwd: dir });
    expect(r.stderr).toContain('4 of 16 segments');
    expect(r.code).toBe(0);
    const csv = readFileSync(path.join(dir, 'out/sample.csv'), 'utf8');
    expectGolden('sample/double-coding-fixture-seed2026-20pct-by-type.csv', csv);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    const entry = manifest.outputs['out/sample.csv'];
    expect(entry.seed).toBe(2026);
    expect(entry.details).toMatchObject({
      fraction: 0.2,
      stratify: 'type',
      population: 16,
      sampled: 4,
      strata: { news: { segments: 6, sampled: 2 }, official: { segments: 5, sampled: 1 }, social: { segments: 5, sampled: 1 } },
    });
    expect(entry.corpus_sha256).toMatch(/^[0-9a-f]{64}$/);

    // A rerun is byte-identical and allowed; a different sample is refused without --force.
    expect((await runQcode(['sample', '--fraction', '0.2', '--seed', '2026', '--stratify', 'type'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'out/sample.csv'), 'utf8')).toBe(csv);
    const other = await runQcode(['sample', '--fraction', '0.2', '--seed', '7'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('QC004');
  });

  it('generates and prints a seed when none is given, and records it', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const r = await runQcode(['sample', '--size', '3'], { cwd: dir });
    expect(r.code).toBe(0);
    const seed = /seed (\d+) \(generated/.exec(r.stderr)?.[1];
    expect(seed).toBeDefined();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.outputs['out/sample.csv'].seed).toBe(Number(seed));
    expect(manifest.outputs['out/sample.csv'].command).toContain(`--seed ${seed}`);
    const again = await runQcode(['sample', '--size', '3', '--seed', seed!, '-o', 'again.csv'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'again.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'out/sample.csv'), 'utf8'));
  });

  it('errors exit 2 with every problem; warnings exit 0', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const bad = await runQcode(['sample', '--fraction', '1.5', '--stratify', 'typ', '--seed', '1'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error QC501');
    expect(bad.stderr).toContain('error QC504');
    expect(bad.stderr).toContain('keys in this corpus: title, type');
    const big = await runQcode(['sample', '--size', '99', '--seed', '1', '--stratify', 'type', '--min-per-stratum', '6'], { cwd: dir });
    expect(big.code).toBe(0);
    expect(big.stderr).toContain('warning QC502');
    expect(big.stderr).toContain('warning QC503');
  });
});
