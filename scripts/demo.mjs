// `npm start`: builds nothing itself (prestart builds), then reproduces the
// demo study end to end into out/ with the qcode CLI, and prints a methods
// summary. Every step is an ordinary qcode command a researcher can rerun.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const reliability = JSON.parse(qcode(['agree', '--coders', pair, '--format', 'json', '--bootstrap', '1000', '--seed', SEED], { save: 'reliability.json' }));
qcode(['disagreements', '--coders', pair, '-q']);
qcode(['disagreements', '--coders', pair, '--format', 'md', '-o', 'out/disagreements.md', '-q']);
qcode(['adjudicate', '--coders', pair, '--as', 'gold', '--prefer', 'coder-a', '--force', '-q']);
qcode(['agree', '--coders', 'auto,gold', '--format', 'json'], { save: 'reliability-auto-gold.json' });
qcode(['evaluate', '--gold', 'gold', '--errors', 'out/evaluation-errors.csv', '-q'], { save: 'evaluation.txt' });
qcode(['evaluate', '--gold', 'gold', '--format', 'json'], { save: 'evaluation.json' });
qcode(['freq', '--coder', 'auto', '--by', 'type'], { save: 'frequencies-by-type.txt' });
qcode(['freq', '--coder', 'auto', '--by', 'type', '--format', 'csv'], { save: 'frequencies-by-type.csv' });
const freq = JSON.parse(qcode(['freq', '--coder', 'auto', '--format', 'json'], { save: 'frequencies.json' }));
qcode(['freq', '--coder', 'auto', '--by', 'type', '--format', 'latex'], { save: 'frequencies-by-type.tex' });
qcode(['cooccur', '--coder', 'auto'], { save: 'cooccurrence.txt' });
qcode(['themes', '--coder', 'auto'], { save: 'themes.txt' });
qcode(['codebook', 'export', '--format', 'md'], { save: 'codebook-appendix.md' });
for (const format of ['long', 'wide', 'jsonl']) qcode(['export', '--coder', 'auto', '--format', format, '-q']);
qcode(['export', '--coder', 'auto', '--format', 'wide', '--excel', '-o', 'out/exports/auto-wide-excel.csv', '-q']);

// The methods summary: every figure below comes from the outputs just written.
const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const drawn = manifest.outputs['out/sample.csv'].details;
const rows = readFileSync(path.join(out, 'exports/auto-segments.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const docsByType = new Map();
for (const r of rows) {
  const type = r.metadata.type;
  if (!docsByType.has(type)) docsByType.set(type, new Set());
  docsByType.get(type).add(r.doc_id);
}
const types = Object.keys(drawn.strata).sort();
const nDocs = new Set(rows.map((r) => r.doc_id)).size;
const pooled = reliability.results.find((r) => r.scope === 'pooled');
const fmt = (v) => (typeof v === 'number' ? v.toFixed(2) : '—');
const { cohen_kappa: kappa, cohen_kappa_ci: ci, krippendorff_alpha: alpha, krippendorff_alpha_boot_ci: alphaCi } = pooled.metrics;
const top = new Map();
for (const row of freq.rows) {
  if (row.code === null || row.group !== null) continue;
  const best = top.get(row.category);
  if (!best || row.segments > best.segments) top.set(row.category, row);
}
const range = (c, how = '') => (Array.isArray(c) ? ` (${how}95% CI ${fmt(c[0])}–${fmt(c[1])})` : '');
const lines = [
  '',
  'Methods summary (demo study; illustrative data)',
  '',
  `The corpus holds ${nDocs} documents (${types.map((t) => `${docsByType.get(t)?.size ?? 0} ${t}`).join(', ')}), segmented into ${
    drawn.population
  } sentences (${types.map((t) => `${drawn.strata[t].segments} ${t}`).join(', ')}).`,
  `Two coders independently double-coded a random ${((100 * drawn.sampled) / drawn.population).toFixed(0)}% sample of ${drawn.sampled} sentences (seed ${SEED}; stratified by source type with proportional allocation: ${types
    .map((t) => `${drawn.strata[t].sampled} ${t}`)
    .join(', ')}).`,
  `Pooled over all ${pooled.n} sentence × code decisions, Cohen's κ = ${fmt(kappa)}${range(ci)} and Krippendorff's α (nominal) = ${fmt(alpha)}${range(alphaCi, 'bootstrap ')}.`,
  'Disagreements were settled into a consensus coder (gold), against which the dictionary auto-coder was evaluated (out/evaluation.txt).',
  `Most frequent code per category (auto-coder, all sentences): ${[...top.values()]
    .map((r) => `${r.category}: ${r.code} (${r.segments} sentences, ${(100 * r.segment_share).toFixed(1)}%)`)
    .join('; ')}.`,
  '',
  'All outputs are in out/; out/manifest.json records how each was made.',
];
process.stdout.write(`${lines.join('\n')}\n`);
