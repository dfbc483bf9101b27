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

/**
 * A second coder `bob`: the auto-coder's rows, with every ninth row that has
 * no code given one, so the two coders differ in a known way (as the bench's
 * second coder). Streams nothing: the test corpora keep the file small enough.
 */
function writeBob(dir: string): void {
  const lines = readFileSync(path.join(dir, 'out/codings/auto.csv'), 'utf8').split('\n');
  const out = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const f = lines[i]!.split(',');
    f[3] = 'bob';
    if (!f[5] && i % 9 === 0) {
      f[4] = 'trade';
      f[5] = 'tariff';
    }
    out.push(f.join(','));
  }
  writeFileSync(path.join(dir, 'out/codings/bob.csv'), `${out.join('\n')}\n`);
}

/**
 * Every command that takes a corpus, in the order a study runs them, on a
 * project of one long document (issue 15): a codebook with the codes
 * tariff, exports, cartel, border, dispute, and a span coder `ann`. At the
 * document unit the one segment is the whole text, which no spreadsheet cell
 * holds: the xlsx outputs must refuse with QC706 (exit 2), not crash.
 */
export function longDocumentCommands(unit: 'document' | 'sentence'): LongDocumentStep[] {
  const tooLong = unit === 'document' ? { code: 2, problem: 'QC706' } : { code: 0 };
  return [
    { name: 'validate', args: ['validate'], code: 0 },
    { name: 'segment', args: ['segment', '--force'], code: 0 },
    { name: 'code', args: ['code', '--force', '-q'], code: 0 },
    { name: 'sample', args: ['sample', '--size', '20', '--seed', '1', '--force'], code: 0, before: writeBob },
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
    { name: 'export xlsx', args: ['export', '--format', 'xlsx', '--force'], ...tooLong },
    { name: 'export qdpx', args: ['export', '--format', 'qdpx', '--coder', 'bob', '--force'], code: 0 },
    { name: 'plot frequencies', args: ['plot', 'frequencies', '--coder', 'auto', '-o', 'out/figures/freq.svg', '--force'], code: 0 },
    { name: 'plot reliability', args: ['plot', 'reliability', '--coders', 'auto,bob', '-o', 'out/figures/rel.svg', '--force'], code: 0 },
    { name: 'report', args: ['report', '--coders', 'auto,bob', '--gold', 'bob', '--bootstrap', '10', '--force'], code: 0 },
    { name: 'rebase', args: ['rebase', 'bob'], code: 0 },
    { name: 'units', args: ['units', '--from-spans', 'ann', '--force'], code: 0 },
    { name: 'codebook', args: ['codebook', 'export', '--format', 'md'], code: 0 },
  ];
}
