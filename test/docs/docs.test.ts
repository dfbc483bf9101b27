import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrorCatalogue } from '../../scripts/format-error-catalogue.js';
import { catalogue, isErrorCode } from '../../src/core/diagnostics/catalogue.js';
import { commandTable } from '../../src/cli/command-table.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(path.join(REPO, rel), 'utf8');
const docs = ['README.md', 'ARCHITECTURE.md', ...readdirSync(path.join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('docs', () => {
  it('docs/errors.md is generated from the catalogue (UPDATE_GOLDEN=1 rewrites it)', () => {
    const expected = formatErrorCatalogue([...catalogue.values()]);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path.join(REPO, 'docs/errors.md'), expected);
    expect(read('docs/errors.md')).toBe(expected);
  });

  it.each(docs)('%s cites only codes in the catalogue', (file) => {
    const cited = [...read(file).matchAll(/\bQC\d{3}\b/g)].map((m) => m[0]);
    expect(cited.filter((c) => !isErrorCode(c)), `${file} cites codes that do not exist`).toEqual([]);
  });

  it('the README links the error catalogue', () => {
    expect(read('README.md')).toContain('(docs/errors.md)');
  });

  it('the README documents every command', () => {
    const readme = read('README.md');
    for (const c of commandTable) expect(readme, `README section for ${c.name}`).toMatch(new RegExp(`### \`qcode ${c.name}\\b`));
  });

  it('the README gives the two set-up commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
});
