// `npm start`: builds nothing itself (prestart builds), then reproduces the
// demo study end to end into out/ with the qcode CLI, and prints a methods
// summary. Every step is an ordinary qcode command a researcher can rerun.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/qcode.js');
const out = path.join(root, 'out');
mkdirSync(out, { recursive: true });

const CODERS = ['coder-a', 'coder-b'];
const SEED = '2026';

/** Runs one qcode command; its stdout is returned (and saved when `save` names a file in out/). */
function qcode(args, { save, allow = [0] } = {}) {
  process.stderr.write(`$ qcode ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args, '--no-color'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (!allow.includes(r.status)) {
    process.stderr.write(r.stderr);
    process.stderr.write(`npm start: \`qcode ${args.join(' ')}\` exited ${r.status}\n`);
    process.exit(1);
  }
  if (save) writeFileSync(path.join(out, save), r.stdout);
  return r.stdout;
}

qcode(['validate', '-q']);
qcode(['segment', '-q']);
qcode(['code', '-q']);
qcode(['sample', '--fraction', '0.2', '--seed', SEED, '--stratify', 'type', '--force', '-q']);
for (const coder of CODERS) {
  qcode(['import', `coders/usmca-2026/${coder}.csv`, '--coder', coder, '--format', 'list', '--force', '-q']);
}
const pair = CODERS.join(',');
qcode(['agree', '--coders', pair], { save: 'reliability.txt' });
qcode(['agree', '--coders', pair, '--format', 'md'], { save: 'reliability.md' });
qcode(['agree', '--coders', pair, '--format', 'latex'], { save: 'reliability.tex' });
qcode(['agree', '--coders', pair, '--format', 'json', '--bootstrap', '1000', '--seed', SEED], { save: 'reliability.json' });
qcode(['disagreements', '--coders', pair, '-q']);
qcode(['disagreements', '--coders', pair, '--format', 'md', '-o', 'out/disagreements.md', '-q']);
qcode(['adjudicate', '--coders', pair, '--as', 'gold', '--prefer', 'coder-a', '--force', '-q']);
qcode(['agree', '--coders', 'auto,gold', '--format', 'json'], { save: 'reliability-auto-gold.json' });
qcode(['evaluate', '--gold', 'gold', '--errors', 'out/evaluation-errors.csv', '-q'], { save: 'evaluation.txt' });
qcode(['evaluate', '--gold', 'gold', '--format', 'json'], { save: 'evaluation.json' });
qcode(['freq', '--coder', 'auto', '--by', 'type'], { save: 'frequencies-by-type.txt' });
qcode(['freq', '--coder', 'auto', '--by', 'type', '--format', 'csv'], { save: 'frequencies-by-type.csv' });
qcode(['freq', '--coder', 'auto', '--format', 'json'], { save: 'frequencies.json' });
qcode(['freq', '--coder', 'auto', '--by', 'type', '--format', 'latex'], { save: 'frequencies-by-type.tex' });
qcode(['cooccur', '--coder', 'auto'], { save: 'cooccurrence.txt' });
qcode(['themes', '--coder', 'auto'], { save: 'themes.txt' });
qcode(['codebook', 'export', '--format', 'md'], { save: 'codebook-appendix.md' });
for (const format of ['long', 'wide', 'jsonl']) qcode(['export', '--coder', 'auto', '--format', format, '-q']);
qcode(['export', '--coder', 'auto', '--format', 'wide', '--excel', '-o', 'out/exports/auto-wide-excel.csv', '-q']);

qcode(['plot', 'reliability', '--coders', pair, '--bootstrap', '1000', '--seed', SEED, '-o', 'out/figures/reliability.pdf', '-q']);
qcode(['plot', 'frequencies', '--coder', 'auto', '--by', 'type', '-o', 'out/figures/frequencies-by-type.svg', '-q']);
qcode(['plot', 'frequencies', '--coder', 'auto', '--by', 'date', '--bin', 'month', '-o', 'out/figures/frequencies-by-month.png', '-q']);
qcode(['report', '--coder', 'auto', '--bootstrap', '1000', '--seed', SEED, '-q']);

// The methods summary: every figure in it comes from the study's outputs (qcode report computes it).
const methods = qcode(['report', '--methods', '--coder', 'auto', '--bootstrap', '1000', '--seed', SEED, '-q']);
const lines = ['', 'Methods summary (demo study; illustrative data)', '', methods.trimEnd(), '', 'All outputs are in out/ (the study report: out/report.html); out/manifest.json records how each was made.'];
process.stdout.write(`${lines.join('\n')}\n`);
