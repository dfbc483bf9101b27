import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/diagnostics/catalogue.js';
import { commandTable } from '../../src/cli/command-table.js';

const README = path.resolve(import.meta.dirname, '../../README.md');
const START = '<!-- error-codes:start -->';
const END = '<!-- error-codes:end -->';

/** The README's error-code table, made from the catalogue so the two cannot drift. */
function catalogueMarkdown(): string {
  const rows = [...catalogue.values()].map((e) => `| ${e.code} | ${e.title} | ${e.description} | ${e.hint.replace(/\|/g, '\\|')} |`);
  return [START, '| code | title | meaning | hint |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
}

describe('README', () => {
  const readme = readFileSync(README, 'utf8');

  it('lists the whole error-code catalogue (QCODE_UPDATE_README=1 rewrites the block)', () => {
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    const expected = catalogueMarkdown();
    if (process.env.QCODE_UPDATE_README && block !== expected) {
      writeFileSync(README, readme.replace(block, expected));
      return;
    }
    expect(block).toBe(expected);
  });

  it('documents every command', () => {
    for (const c of commandTable) expect(readme, `README section for ${c.name}`).toMatch(new RegExp(`### \`qcode ${c.name}\\b`));
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
});
