import type { CatalogueEntry } from '../src/core/diagnostics/catalogue.js';

/** docs/errors.md, made from the catalogue so the two cannot drift (checked by test/docs). */
export function formatErrorCatalogue(entries: readonly CatalogueEntry[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = entries.map((e) => `| ${e.code} | ${cell(e.title)} | ${cell(e.description)} | ${cell(e.hint)} |`);
  return [
    '# Error codes',
    '',
    '<!-- Generated from src/core/diagnostics/codes/ by test/docs/docs.test.ts (UPDATE_GOLDEN=1 npx vitest run test/docs); do not edit by hand. -->',
    '',
    'Every problem qcode reports carries one of these codes, a position (`file:line:col`) where it has one, and a hint.',
    'Codes are permanent: a code keeps its meaning in every later version; retired codes stay listed.',
    'Exit status: 2 when an error stopped the command, 1 when it ran and found problems (e.g. `validate --strict`, `agree --fail-under`), 0 otherwise.',
    '',
    '| code | title | meaning | hint |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
