import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CodebookSchema } from '../../../src/core/model/codebook.js';
import { formatCodebookAppendix } from '../../../src/core/codebook/format-codebook.js';
import { REPO } from '../../helpers/run-cli.js';
import { expectGolden } from '../../helpers/golden.js';

const codebook = CodebookSchema.parse(
  parse(readFileSync(path.join(REPO, 'test/fixtures/projects/analysis-three-source-types/codebook.yaml'), 'utf8')),
);


describe('formatCodebookAppendix', () => {
  it('renders Markdown with definitions, rules, examples and patterns', () => {
    const md = formatCodebookAppendix(codebook, 'md');
    expect(md).toContain('### Drug enforcement (`drugs`)\n\n**Definition.** Action against drug production or trafficking, e.g. fentanyl\\_seizures.');
    expect(md).toContain('Exclusive: at most one code of this category per segment.');
    expect(md).toContain('**Examples:**\n\n- “A 25% tariff on steel takes effect Monday.”');
    expect(md).not.toContain('**Counterexamples:**\n\n- “Customs');
    expectGolden('analysis/codebook.md', md);
  });

  it('renders LaTeX with every special character escaped', () => {
    const tex = formatCodebookAppendix(codebook, 'latex');
    expect(tex).toContain('\\section*{Codebook: Trade and security (test fixture)}');
    expect(tex).toContain('A small codebook for testing analysis commands \\& their tables.');
    expect(tex).toContain("\\item ``A 25\\% tariff on steel takes effect Monday.''");
    expect(tex).toContain('fentanyl\\_seizures');
    expectGolden('analysis/codebook.tex', tex);
  });
});
