// The qcode commands `npm start` runs on the demo study, in order: one list,
// so the test that checks every output of the demo has its manifest entry
// (test/e2e/demo-manifest.test.ts) runs exactly these. Every table is
// written by qcode itself with -o, so each file in out/ is in out/manifest.json.

export const CODERS = ['coder-a', 'coder-b'];
export const SEED = '2026';

/** The steps; `bootstrap` resamples for the reliability interval (the test uses fewer, for time). */
export function demoSteps({ bootstrap = 1000 } = {}) {
  const pair = CODERS.join(',');
  const o = (file) => ['-o', `out/${file}`, '-q'];
  return [
    ['validate', '-q'],
    ['segment', '-q'],
    ['code', '-q'],
    ['sample', '--fraction', '0.2', '--seed', SEED, '--stratify', 'type', '--force', '-q'],
    ...CODERS.map((coder) => ['import', `coders/usmca-2026/${coder}.csv`, '--coder', coder, '--format', 'list', '--force', '-q']),
    ['agree', '--coders', pair, ...o('reliability.txt')],
    ['agree', '--coders', pair, ...o('reliability.md')],
    ['agree', '--coders', pair, ...o('reliability.tex')],
    ['agree', '--coders', pair, '--bootstrap', String(bootstrap), '--seed', SEED, ...o('reliability.json')],
    ['disagreements', '--coders', pair, '-q'],
    ['disagreements', '--coders', pair, '--format', 'md', '-o', 'out/disagreements.md', '-q'],
    ['adjudicate', '--coders', pair, '--as', 'gold', '--prefer', 'coder-a', '--force', '-q'],
    ['agree', '--coders', 'auto,gold', ...o('reliability-auto-gold.json')],
    ['evaluate', '--gold', 'gold', '--errors', 'out/evaluation-errors.csv', ...o('evaluation.txt')],
    ['evaluate', '--gold', 'gold', ...o('evaluation.json')],
    ['freq', '--coder', 'auto', '--by', 'type', ...o('frequencies-by-type.txt')],
    ['freq', '--coder', 'auto', '--by', 'type', ...o('frequencies-by-type.csv')],
    ['freq', '--coder', 'auto', ...o('frequencies.json')],
    ['freq', '--coder', 'auto', '--by', 'type', ...o('frequencies-by-type.tex')],
    ['cooccur', '--coder', 'auto', ...o('cooccurrence.txt')],
    ['themes', '--coder', 'auto', ...o('themes.txt')],
    ['codebook', 'export', '--format', 'md', ...o('codebook-appendix.md')],
    ...['long', 'wide', 'jsonl', 'xlsx'].map((format) => ['export', '--coder', 'auto', '--format', format, '-q']),
    ['export', '--coder', 'auto', '--format', 'wide', '--excel', '-o', 'out/exports/auto-wide-excel.csv', '-q'],
    ['sheet', '--coder', 'coder-c', '--with', 'type', '-q'],
    ['plot', 'reliability', '--coders', pair, '--bootstrap', String(bootstrap), '--seed', SEED, ...o('figures/reliability.pdf')],
    ['plot', 'frequencies', '--coder', 'auto', '--by', 'type', ...o('figures/frequencies-by-type.svg')],
    ['plot', 'frequencies', '--coder', 'auto', '--by', 'date', '--bin', 'month', ...o('figures/frequencies-by-month.png')],
    // Last: the report lists the manifest of everything before it.
    ['report', '--coder', 'auto', '--bootstrap', String(bootstrap), '--seed', SEED, ...o('report.html')],
  ];
}
