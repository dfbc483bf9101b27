// `npm start`: builds nothing itself (prestart builds), then reproduces the
// demo study end to end into out/ with the qcode CLI, and prints a methods
// summary. Every step is an ordinary qcode command a researcher can rerun.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSteps, SEED } from './demo-steps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/qcode.js');
const out = path.join(root, 'out');
mkdirSync(out, { recursive: true });


/** Runs one qcode command; its stdout is returned. Files are written by qcode itself (-o), never here. */
function qcode(args, { allow = [0] } = {}) {
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
  return r.stdout;
}

for (const step of demoSteps()) qcode(step);
const json = (file) => JSON.parse(readFileSync(path.join(out, file), 'utf8'));
const reliability = json('reliability.json');
const freq = json('frequencies.json');

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
