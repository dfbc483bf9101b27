import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

const invalidDir = path.join(REPO, 'test/fixtures/codebooks/invalid');
const invalid = readdirSync(invalidDir).filter((f) => f.endsWith('.yaml'));

describe('qcode CLI foundation', () => {
  it('answers --help and --version', async () => {
    const help = await runQcode(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    expect(help.stdout).toContain('segment');
    const version = await runQcode(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    const sub = await runQcode(['segment', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--unit');
  });

  it('exits 2 with QC001 on an unknown command or option, never a stack trace', async () => {
    const cmd = await runQcode(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('QC001');
    const opt = await runQcode(['segment', '--frobnicate']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('QC001');
    const unit = await runQcode(['segment', '--unit', 'chapter', '-C', copyFixture('projects/tiny')]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toMatch(/QC001: option --unit/);
    for (const r of [cmd, opt, unit]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('validate exits 0 on a valid project and prints a summary', async () => {
    const r = await runQcode(['validate', '-C', copyFixture('projects/tiny')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('corpus: 2 documents');
  });

  for (const f of invalid) {
    it(`${f}: validate exits 1 (or 0 for a warning), other commands exit 2 on errors`, async () => {
      const dir = copyFixture('projects/tiny');
      const codebook = path.join(invalidDir, f);
      const isWarning = /qc20[69]/.test(f);
      const v = await runQcode(['validate', '-C', dir, '--codebook', codebook]);
      expect(v.code).toBe(isWarning ? 0 : 1);
      expect(v.stderr).toContain(f.slice(0, 5).toUpperCase());
      expect(v.stderr).toMatch(/:\d+:\d+ - (error|warning) QC\d{3}: /);
      expect(v.stderr).toContain('hint: ');
      const s = await runQcode(['segment', '-C', dir, '--codebook', codebook, '-o', '-']);
      expect(s.code).toBe(isWarning ? 0 : 2);
      expect(hasStackTrace(v.stderr + s.stderr)).toBe(false);
      if (isWarning) expect((await runQcode(['validate', '--strict', '-C', dir, '--codebook', codebook])).code).toBe(1);
    });
  }

  it('validate --json prints the diagnostics for machines', async () => {
    const r = await runQcode(['validate', '--json', '-C', copyFixture('projects/tiny'), '--codebook', path.join(invalidDir, 'qc201-unknown-key-typo.yaml')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: false, errors: 1, warnings: 0 });
    expect(out.diagnostics[0]).toMatchObject({ code: 'QC201', line: 10, col: 9 });
  });

  it('segment writes out/segments.csv and a manifest, byte-identical on rerun', async () => {
    const dir = copyFixture('projects/tiny');
    const first = await runQcode(['segment', '-C', dir]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^5 sentence segments in 2 documents → /);
    const csv = readFileSync(path.join(dir, 'out/segments.csv'), 'utf8');
    const manifest = readFileSync(path.join(dir, 'out/manifest.json'), 'utf8');
    expect(csv.split('\n')[0]).toBe('segment_id,doc_id,unit,index,start,end,text_sha,text');
    expect(JSON.parse(manifest).outputs['out/segments.csv']).toMatchObject({ command: `qcode segment -C ${dir}`, unit: 'sentence', segments: 5 });
    await runQcode(['segment', '-C', dir]);
    expect(readFileSync(path.join(dir, 'out/segments.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).toBe(manifest);
  });

  it('segment -o - writes to stdout; --unit overrides qcode.yaml', async () => {
    const r = await runQcode(['segment', '-C', copyFixture('projects/tiny'), '--unit', 'paragraph', '-o', '-', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['d1:p1', 'd1:p2', 'd2:p1']);
  });

  it('codebook export renders the appendix in Markdown and LaTeX; schema is JSON Schema', async () => {
    const md = await runQcode(['codebook', 'export', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('Non-tariff barriers');
    expect(md.stdout).toMatch(/^#/m);
    const tex = await runQcode(['codebook', 'export', '--format', 'latex']);
    expect(tex.code).toBe(0);
    expect(tex.stdout).toContain('\\begin{description}');
    const schema = JSON.parse((await runQcode(['codebook', 'schema'])).stdout);
    expect(schema.properties.categories.items.properties.codes.items.additionalProperties).toBe(false);
    expect((await runQcode(['codebook', 'export', '--format', 'docx'])).code).toBe(2);
  });
});
