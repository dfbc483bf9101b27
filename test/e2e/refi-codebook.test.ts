import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REFI_DIR, REFI_SKIP, XMLLINT_SKIP, refiFile, xmllintErrors } from '../helpers/refi-files.js';
import { hasStackTrace, runQcode } from '../helpers/run-cli.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'qcode-qdc-'));

// Loading the modules once (TypeScript is compiled on first import) is not part of any test.
beforeAll(async () => {
  await Promise.all([import('../../src/cli/commands/codebook.js'), import('../../src/io/refi/import-codebook.js'), import('../../src/core/refi/format-refi-codebook.js')]);
});

describe('codebook export --format qdc and codebook import', () => {
  it('round-trips the demo codebook exactly, and re-exports byte for byte', async () => {
    const dir = scratch();
    const exported = await runQcode(['codebook', 'export', '--format', 'qdc']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    expect((await runQcode(['codebook', 'export', '--format', 'qdc'])).stdout).toBe(exported.stdout);
    const qdc = path.join(dir, 'usmca.qdc');
    writeFileSync(qdc, exported.stdout);
    const imported = await runQcode(['codebook', 'import', qdc, '-o', path.join(dir, 'codebook.yaml')]);
    expect(imported.stderr).toContain('9 codes in 3 categories');
    const original = await runQcode(['codebook', 'show', '--json']);
    const back = await runQcode(['codebook', 'show', '--json', '--codebook', path.join(dir, 'codebook.yaml')]);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(original.stdout));
  });

  it('writes rules and examples into the Description as headed lists that read back', async () => {
    const { stdout } = await runQcode(['codebook', 'export', '--format', 'qdc']);
    expect(stdout).toMatch(/<Code guid="[0-9a-f-]{36}" name="Tariffs" isCodable="true" color="#2E9E6A">\n\s+<Description>The sentence is about duties/);
    expect(stdout).toContain('\n\nInclude:\n- Threats, announcements or rumours of new or higher tariffs');
    expect(stdout).toContain('\n\nCounterexamples:\n- Las barreras no arancelarias son el tema principal de la revisión. (ntb)');
  });

  it('import -o never replaces a different existing file without --force', async () => {
    const dir = scratch();
    const qdc = path.join(dir, 'c.qdc');
    writeFileSync(qdc, (await runQcode(['codebook', 'export', '--format', 'qdc'])).stdout);
    const out = path.join(dir, 'codebook.yaml');
    writeFileSync(out, 'my own codebook\n');
    const refused = await runQcode(['codebook', 'import', qdc, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('QC004');
    expect(readFileSync(out, 'utf8')).toBe('my own codebook\n');
    expect((await runQcode(['codebook', 'import', qdc, '-o', out, '--force'])).code).toBe(0);
    expect((await runQcode(['codebook', 'import', qdc, '-o', out])).code).toBe(0);
  });

  it.skipIf(XMLLINT_SKIP !== '')(`validates against the standard's Codebook.xsd${XMLLINT_SKIP}`, async () => {
    const { stdout } = await runQcode(['codebook', 'export', '--format', 'qdc']);
    expect(xmllintErrors(stdout, 'Codebook.xsd')).toBe('');
  });
});

describe(`codebooks written by QDA tools${REFI_SKIP}`, () => {
  const qdcs = REFI_DIR ? readdirSync(REFI_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.qdc')).sort() : [];

  it.skipIf(!REFI_DIR)('imports every .qdc in the folder but the truncated one, which fails with QC802 at its line', async () => {
    expect(qdcs.length).toBeGreaterThanOrEqual(4);
    for (const rel of qdcs) {
      const dir = scratch();
      const r = await runQcode(['codebook', 'import', refiFile(rel), '-o', path.join(dir, 'codebook.yaml')]);
      expect(hasStackTrace(r.stderr), rel).toBe(false);
      if (rel.includes('TRUNCATED')) {
        expect(r.code, rel).toBe(2);
        expect(r.stderr).toMatch(/TRUNCATED\.qdc:18:1 - error QC802: not well-formed XML: unclosed tag: Codes/);
        continue;
      }
      expect(r.code, `${rel}\n${r.stderr}`).toBe(0);
      const check = await runQcode(['codebook', 'show', '--json', '--codebook', path.join(dir, 'codebook.yaml')]);
      expect(check.code, rel).toBe(0);
    }
  });

  it.skipIf(!REFI_DIR)('keeps QualCoder’s GUIDs, colours, multi-line and non-ASCII text, and its six non-codable parents as categories', async () => {
    const dir = scratch();
    const out = path.join(dir, 'codebook.yaml');
    expect((await runQcode(['codebook', 'import', refiFile('qualcoder-3.8.2/qualcoder-3.8.2-codebook.qdc'), '-o', out])).code).toBe(0);
    const cb = parseYaml(readFileSync(out, 'utf8')) as { categories: { id: string; label: string; codes: { label: string; guid: string; definition: string; color?: string }[] }[] };
    const xml = readFileSync(refiFile('qualcoder-3.8.2/qualcoder-3.8.2-codebook.qdc'), 'utf8');
    const codable = [...xml.matchAll(/<Code guid="([^"]+)" name="[^"]*" isCodable="true"/g)].map((m) => m[1]);
    const codes = cb.categories.flatMap((c) => c.codes);
    expect(codes.map((c) => c.guid).sort()).toEqual(codable.sort());
    expect(cb.categories.map((c) => c.label)).toContain('Training & Professional Development');
    expect(codes.find((c) => c.label.startsWith('Ünïcøde'))!.label).toBe('Ünïcøde & <angle> "quoted" — 教师');
    expect(codes.find((c) => c.label === 'Curriculum fidelity')).toMatchObject({ definition: 'Teacher follows the published sequence.\nSecond line, after a hard break.', color: '#A3BEA5' });
  });
});
