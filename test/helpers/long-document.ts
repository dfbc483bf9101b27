import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One command of the walk through every command: its arguments, the exit code it must give, a diagnostic it must print. */
export interface LongDocumentStep {
  name: string;
  args: string[];
  code: number;
  problem?: string;
  /** Prepares the project before the command runs. */
  before?: (dir: string) => void;
}

/** A code of the project's codebook and its category. */
export interface CodeRef {
  category: string;
  code: string;
}

/**
 * A second coder `bob`: the auto-coder's rows, with every ninth row that has
 * no code given one, so the two coders differ in a known way (as the bench's
 * second coder). Streams nothing: the test corpora keep the file small enough.
 */
function writeBob(dir: string, code: CodeRef): void {
  const lines = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8').split('\n');
  const out = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const f = lines[i]!.split(',');
    f[3] = 'bob';
    if (!f[5] && i % 9 === 0) {
      f[4] = code.category;
      f[5] = code.code;
    }
    out.push(f.join(','));
  }
  writeFileSync(path.join(dir, 'out/codings/bob.csv'), `${out.join('\n')}\n`);
}

/**
 * Every command that takes a corpus, in the order a study runs them, on a
 * project of one long document or many segments (issue 15), with a span
 * coder `ann`; `code` is given to bob's extra rows. At the document unit the
 * one segment is the whole text, which no spreadsheet cell holds: the xlsx
 * outputs must refuse with QC706 (exit 2), not crash; so must the export's
 * workbook of more rows than a sheet has (`manyRows`).
 */
export function longDocumentCommands(unit: 'document' | 'sentence', code: CodeRef = { category: 'trade', code: 'tariff' }, manyRows = false): LongDocumentStep[] {
  const refused = { code: 2, problem: 'QC706' };
  const tooLong = unit === 'document' ? refused : { code: 0 };
  return [
    { name: 'validate', args: ['validate'], code: 0 },
    { name: 'segment', args: ['segment', '--force'], code: 0 },
    { name: 'code', args: ['code', '--force', '-q'], code: 0 },
    { name: 'sample', args: ['sample', '--size', '20', '--seed', '1', '--force'], code: 0, before: (dir) => writeBob(dir, code) },
    { name: 'sheet xlsx', args: ['sheet', '--coder', 'carol', '--force'], ...tooLong },
    { name: 'sheet csv', args: ['sheet', '--coder', 'carol', '--format', 'csv', '-o', 'out/sheets/carol.csv', '--force'], code: 0 },
    { name: 'import', args: ['import', 'out/sheets/carol.csv', '--coder', 'carol', '--force'], code: 0 },
    { name: 'freq', args: ['freq', '--coder', 'auto'], code: 0 },
    { name: 'agree', args: ['agree', '--coders', 'auto,bob'], code: 0 },
    { name: 'evaluate', args: ['evaluate', '--gold', 'bob'], code: 0 },
    { name: 'disagreements', args: ['disagreements', '--coders', 'auto,bob', '--force'], code: 0 },
    { name: 'adjudicate', args: ['adjudicate', '--coders', 'auto,bob', '--as', 'gold', '--prefer', 'auto', '--force'], code: 0 },
    { name: 'kwic', args: ['kwic', 'tariff'], code: 0 },
    { name: 'themes', args: ['themes', '--coder', 'auto'], code: 0 },
    { name: 'cooccur', args: ['cooccur', '--coder', 'auto'], code: 0 },
    { name: 'saturation', args: ['saturation', '--coder', 'auto'], code: 0 },
    { name: 'export long', args: ['export', '--format', 'long', '--force'], code: 0 },
    { name: 'export wide', args: ['export', '--format', 'wide', '--force'], code: 0 },
    { name: 'export jsonl', args: ['export', '--format', 'jsonl', '--force'], code: 0 },
    { name: 'export xlsx', args: ['export', '--format', 'xlsx', '--force'], ...(manyRows ? refused : tooLong) },
    { name: 'export qdpx', args: ['export', '--format', 'qdpx', '--coder', 'bob', '--force'], code: 0 },
    { name: 'plot frequencies', args: ['plot', 'frequencies', '--coder', 'auto', '-o', 'out/figures/freq.svg', '--force'], code: 0 },
    { name: 'plot reliability', args: ['plot', 'reliability', '--coders', 'auto,bob', '-o', 'out/figures/rel.svg', '--force'], code: 0 },
    { name: 'report', args: ['report', '--coders', 'auto,bob', '--gold', 'bob', '--bootstrap', '10', '--force'], code: 0 },
    { name: 'rebase', args: ['rebase', 'bob'], code: 0 },
    { name: 'units', args: ['units', '--from-spans', 'ann', '--force'], code: 0 },
    { name: 'codebook', args: ['codebook', 'export', '--format', 'md'], code: 0 },
  ];
}
