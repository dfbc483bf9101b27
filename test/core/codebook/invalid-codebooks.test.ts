import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/core/codebook/parse-codebook.js';
import { catalogue } from '../../../src/core/diagnostics/catalogue.js';
import { formatDiagnostic } from '../../../src/core/diagnostics/format-diagnostic.js';

// One invalid codebook per codebook error code; its first line says which
// code it must produce and where: `# expect: QC201 at 10:9`.
const dir = path.resolve(import.meta.dirname, '../../fixtures/codebooks/invalid');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('invalid codebooks', () => {
  it('has a fixture for every codebook error code and for YAML syntax errors', () => {
    const codes = new Set(fixtures.map((f) => f.slice(0, 5).toUpperCase()));
    const wanted = [...catalogue.keys()].filter((c) => c.startsWith('QC2'));
    for (const c of [...wanted, 'QC104']) expect(codes, `fixture for ${c}`).toContain(c);
  });

  for (const f of fixtures) {
    it(`${f} yields its code at the right line:col`, () => {
      const source = readFileSync(path.join(dir, f), 'utf8');
      const m = /^# expect: (QC\d{3}) at (\d+):(\d+)/.exec(source);
      expect(m, 'expect comment').not.toBeNull();
      const [, code, line, col] = m!;
      const { codebook, diagnostics } = parseCodebook(source, f);
      const hit = diagnostics.find((d) => d.code === code);
      expect(hit, diagnostics.map((d) => formatDiagnostic(d)).join('\n')).toBeDefined();
      expect(hit!.location).toEqual({ file: f, line: Number(line), col: Number(col) });
      if (hit!.severity === 'error') expect(codebook).toBeUndefined();
    });
  }

  it('reports every problem in one run, not just the first', () => {
    const source = `name: Bad Name
version: one
categories:
  - id: trade
    label: Trade
    codes:
      - id: Tariffs
        label: Tariffs
        colour: "#ffffff"
        patterns: ["/x(?=y)/", "/x(/"]
`;
    const { diagnostics } = parseCodebook(source, 'cb.yaml');
    const codes = diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['QC201', 'QC203', 'QC203', 'QC203', 'QC207', 'QC208']);
    const unknown = diagnostics.find((d) => d.code === 'QC201')!;
    expect(unknown.message).toContain("did you mean 'color'?");
    expect(unknown.location).toEqual({ file: 'cb.yaml', line: 9, col: 9 });
  });

  it('accepts a valid codebook and fills defaults', () => {
    const source = readFileSync(path.resolve(dir, '../valid-minimal.yaml'), 'utf8');
    const { codebook, diagnostics } = parseCodebook(source, 'valid-minimal.yaml');
    expect(diagnostics).toEqual([]);
    expect(codebook!.language).toBe('en');
    expect(codebook!.unit).toBe('sentence');
    expect(codebook!.categories[0]!.exclusive).toBe(false);
  });
});

describe('the auto-coder rules in a codebook', () => {
  const codebook = (code: string) => `name: rules
version: 1.0.0
categories:
  - id: c
    label: C
    codes:
      - id: x
        label: X
        definition: d
${code}`;

  it('accepts =Words, proximity patterns, unless and min_matches', () => {
    const { codebook: cb, diagnostics } = parseCodebook(
      codebook('        patterns: ["=US", "tariff NEAR/2 steel", "price* BEFORE/3 rise*", "may NOT NEAR/2 june"]\n        unless: ["declin*"]\n        min_matches: 2\n'),
      'cb.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(cb!.categories[0]!.codes[0]).toMatchObject({ unless: ['declin*'], min_matches: 2 });
  });

  it.each([
    ['        patterns: ["tariff near/2 steel"]\n', 'QC210', 10, /not an operator: write NEAR\/n or BEFORE\/n in capitals/],
    ['        patterns: ["tariff NEAR/0 steel"]\n', 'QC210', 10, /not an operator/],
    ['        patterns: ["NEAR/2 steel"]\n', 'QC210', 10, /needs words on both sides/],
    ['        patterns: ["a NEAR/2 b NEAR/3 c"]\n', 'QC210', 10, /more than one proximity operator/],
    ['        patterns: ["a NOT BEFORE/2 b"]\n', 'QC210', 10, /NOT goes with NEAR only/],
    ['        patterns: ["="]\n', 'QC210', 10, /needs letters after '='/],
    ['        patterns: ["U=S"]\n', 'QC210', 10, /'=' is never part of a token/],
    ['        patterns: [tariff]\n        unless: ["ok", "/x(?=y)/"]\n', 'QC208', 11, /lookahead/],
    ['        patterns: [tariff]\n        min_matches: 0\n', 'QC203', 11, /at least 1/],
    ['        patterns: [tariff]\n        min_matches: 1.5\n', 'QC203', 11, /whole number/],
  ])('%s → %s at line %i', (code, expected, line, message) => {
    const { diagnostics } = parseCodebook(codebook(code), 'cb.yaml');
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([[expected, line]]);
    expect(diagnostics[0]!.message).toMatch(message);
  });
});
