// `npm start`: builds nothing itself (prestart builds), then reproduces the
// demo study end to end into out/ with the qcode CLI, and prints a methods
// summary. Every step is an ordinary qcode command a researcher can rerun.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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

// The methods summary: every figure in it comes from the study's outputs (qcode report computes it, as the report's first section).
const methods = qcode(['report', '--methods', '--coder', 'auto', '--bootstrap', '1000', '--seed', SEED, '-q']);
const lines = ['', 'Methods summary (demo study; illustrative data)', '', methods.trimEnd(), '', 'All outputs are in out/ (the study report: out/report.html); out/manifest.json records how each was made.'];
process.stdout.write(`${lines.join('\n')}\n`);
