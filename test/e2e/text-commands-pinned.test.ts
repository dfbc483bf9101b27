import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codedDemo } from '../helpers/coded-demo.js';
import { expectGolden } from '../helpers/golden.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// The commands that print segment text or work over every segment's codes
// (export, disagreements, kwic, themes, cooccur, saturation, evaluate,
// adjudicate), pinned byte for byte: exit status, stdout, stderr and every file
// written, on the coded demo (a folder corpus), on a JSONL corpus of awkward
// text (escapes, tabs, CRLF, curly quotes) and on a project with drop:. They
// were recorded before these commands moved from the in-memory study to the
// compact tables, so a port that changes a byte fails here.

type Case = { name: string; args: string[]; files?: string[] };

async function pin(dir: string, group: string, c: Case): Promise<void> {
  const r = await runQcode(c.args, { cwd: dir });
  const parts = [`exit ${r.code}`, '--- stdout', r.stdout, '--- stderr', r.stderr];
  for (const f of c.files ?? []) parts.push(`--- file ${f}`, readFileSync(path.join(dir, f), 'utf8'));
  expectGolden(`text-commands/${group}/${c.name}.txt`, parts.join('\n'));
}

const demoCases: Case[] = [
  { name: 'export-long-auto', args: ['export', '--coder', 'auto', '--format', 'long', '-o', '-'] },
  { name: 'export-wide-gold', args: ['export', '--coder', 'gold', '--format', 'wide', '-o', '-'] },
  { name: 'export-jsonl-coder-a', args: ['export', '--coder', 'coder-a', '--format', 'jsonl', '-o', '-'] },
  { name: 'export-long-excel-file', args: ['export', '--coder', 'coder-b', '--format', 'long', '--excel'], files: ['out/exports/coder-b-long.csv'] },
  { name: 'export-wide-file', args: ['export', '--coder', 'auto', '--format', 'wide', '-o', 'wide.csv'], files: ['wide.csv'] },
  { name: 'disagreements-csv', args: ['disagreements', '--coders', 'coder-a,coder-b'], files: ['out/disagreements.csv'] },
  { name: 'disagreements-md', args: ['disagreements', '--coders', 'auto,gold', '--format', 'md', '-o', '-'] },
  { name: 'disagreements-auto-gold-csv', args: ['disagreements', '--coders', 'gold,auto', '-o', '-'] },
  { name: 'kwic-pattern', args: ['kwic', 'tariff*', '--window', '25'] },
  { name: 'kwic-code-json', args: ['kwic', '--code', 'drug-enforcement', '--format', 'json'] },
  { name: 'kwic-regex-csv', args: ['kwic', '/T[a-z]+s/', '--window', '0', '--format', 'csv'] },
  { name: 'themes-auto', args: ['themes', '--coder', 'auto'] },
  { name: 'themes-gold-json', args: ['themes', '--coder', 'gold', '--json'] },
  { name: 'themes-quotes-csv', args: ['themes', '--coder', 'auto', '--quotes', '--format', 'csv', '--exemplars', '5'] },
  { name: 'themes-dunning-md', args: ['themes', '--coder', 'auto', '--keyness', 'dunning', '--top', '4', '--format', 'md', '--detail'] },
  { name: 'cooccur-auto', args: ['cooccur', '--coder', 'auto'] },
  { name: 'cooccur-gold-json', args: ['cooccur', '--coder', 'gold', '--format', 'json'] },
  { name: 'cooccur-file', args: ['cooccur', '--coder', 'coder-b', '-o', 'co.md'], files: ['co.md'] },
  { name: 'saturation-doc', args: ['saturation', '--coder', 'auto'] },
  { name: 'saturation-date-json', args: ['saturation', '--coder', 'auto', '--order', 'date', '--format', 'json'] },
  { name: 'saturation-random-csv', args: ['saturation', '--coder', 'gold', '--order', 'random', '--seed', 'x7', '--format', 'csv'] },
  { name: 'evaluate-table', args: ['evaluate', '--gold', 'gold'] },
  { name: 'evaluate-json-errors', args: ['evaluate', '--gold', 'coder-b', '--coder', 'coder-a', '--json', '--errors', 'errors.csv'], files: ['errors.csv'] },
  { name: 'evaluate-auto-errors', args: ['evaluate', '--gold', 'gold', '--errors', 'e.csv', '-o', 'ev.csv'], files: ['e.csv', 'ev.csv'] },
  { name: 'adjudicate-prefer', args: ['adjudicate', '--coders', 'auto,coder-b', '--as', 'consensus', '--prefer', 'coder-b'], files: ['out/codings/consensus.csv'] },
];

describe('text commands on the coded demo (pinned)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await codedDemo();
  }, 180_000);
  for (const c of demoCases) it(c.name, () => pin(dir, 'demo', c));
});

const jsonlCases: Case[] = [
  { name: 'export-long', args: ['export', '--format', 'long', '-o', '-'] },
  { name: 'export-wide', args: ['export', '--format', 'wide', '-o', '-'] },
  { name: 'export-jsonl', args: ['export', '--format', 'jsonl', '-o', '-'] },
  { name: 'disagreements-md', args: ['disagreements', '--coders', 'auto,bob', '--format', 'md', '-o', '-'] },
  { name: 'disagreements-csv', args: ['disagreements', '--coders', 'bob,auto', '-o', '-'] },
  { name: 'kwic-code', args: ['kwic', '--code', 'trade', '--window', '12'] },
  { name: 'kwic-pattern-csv', args: ['kwic', 'cartel*', '--format', 'csv'] },
  { name: 'themes', args: ['themes', '--top', '5', '--json'] },
  { name: 'cooccur', args: ['cooccur', '--format', 'csv'] },
  { name: 'saturation', args: ['saturation', '--order', 'random', '--format', 'json'] },
  { name: 'evaluate', args: ['evaluate', '--gold', 'bob', '--json', '--errors', 'errs.csv'], files: ['errs.csv'] },
  { name: 'adjudicate', args: ['adjudicate', '--coders', 'auto,bob', '--as', 'gold', '--prefer', 'auto', '-o', 'gold.jsonl'], files: ['gold.jsonl'] },
];

describe('text commands on a JSONL corpus of awkward text (pinned)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = copyFixture('projects/code-stream-equals-plain');
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    // bob: the auto-coder's rows with every third one left out, and one code changed
    const lines = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8').trimEnd().split('\n');
    const kept = lines.filter((l, i) => i === 0 || i % 3 !== 0).map((l) => l.replace(',auto,', ',bob,'));
    writeFileSync(path.join(dir, 'out/codings/bob.csv'), `${kept.join('\n').replace(',issue,trade,', ',issue,security,')}\n`);
  }, 180_000);
  for (const c of jsonlCases) it(c.name, () => pin(dir, 'jsonl', c));
});

const dropCases: Case[] = [
  { name: 'export-long', args: ['export', '--coder', 'alice', '--format', 'long', '-o', '-'] },
  { name: 'export-jsonl', args: ['export', '--coder', 'auto', '--format', 'jsonl', '-o', '-'] },
  { name: 'disagreements', args: ['disagreements', '--coders', 'alice,auto', '-o', '-'] },
  { name: 'kwic-dropped', args: ['kwic', 'ana'] },
  { name: 'kwic', args: ['kwic', 'cartel', '--format', 'json'] },
  { name: 'themes', args: ['themes', '--coder', 'auto'] },
  { name: 'evaluate', args: ['evaluate', '--gold', 'alice', '--errors', 'errs.csv'], files: ['errs.csv'] },
];

describe('text commands with drop: boilerplate (pinned)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = copyFixture('projects/two-coders');
    for (const doc of ['a', 'b']) {
      const file = path.join(dir, `corpus/${doc}.md`);
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n(Reporting by Ana Ruiz; Editing by Ben Cole.)\n`);
    }
    writeFileSync(path.join(dir, 'qcode.yaml'), `${readFileSync(path.join(dir, 'qcode.yaml'), 'utf8')}drop:\n  - "reporting by"\n`);
    expect((await runQcode(['code', '-q'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'alice', '-q'], { cwd: dir })).code).toBe(0);
  }, 180_000);
  for (const c of dropCases) it(c.name, () => pin(dir, 'drop', c));
});
