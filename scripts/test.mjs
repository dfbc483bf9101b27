// npm test: the type check and the test suite side by side. tsc works on one
// core, and the suite leaves CPU idle while its spawned processes and the tmux
// session wait, so together they finish well before one after the other.
// Fails if either fails; tsc's report is printed after the tests', and a
// failed type check is entered in the JSON report as a failed file, so the
// CI's closing "N passed, M failed" line counts it. Arguments go to vitest
// (`npm test -- test/e2e`).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildWasm } from './build-wasm.mjs';

const require = createRequire(import.meta.url);
/** A package's command-line entry, from its package.json `bin`. */
const binOf = (pkg, name) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), require(`${pkg}/package.json`).bin[name]);
const run = (args, stdio) => spawn(process.execPath, args, { stdio });
const exited = (child) => new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));

// The scan kernel's generated module (not in git) must exist before tsc and vitest import it.
await buildWasm();

const tsc = run([binOf('typescript', 'tsc'), '--noEmit'], ['ignore', 'pipe', 'pipe']);
let tscOutput = '';
tsc.stdout.on('data', (d) => (tscOutput += d));
tsc.stderr.on('data', (d) => (tscOutput += d));

const report = process.env.QCODE_TEST_REPORT || '.vitest-report.json';
const vitest = run(
  [binOf('vitest', 'vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  'inherit',
);

const [tests, types] = await Promise.all([exited(vitest), exited(tsc)]);
if (types === 0) console.log('type check (tsc --noEmit): no errors');
else {
  process.stderr.write(`${tscOutput}type check (tsc --noEmit) failed\n`);
  recordFailedTypeCheck();
}
process.exitCode = tests || types;

function recordFailedTypeCheck() {
  let data;
  try {
    data = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    return; // no report: CI counts that as a failure already
  }
  data.success = false;
  data.numFailedTestSuites = (data.numFailedTestSuites ?? 0) + 1;
  data.numTotalTestSuites = (data.numTotalTestSuites ?? 0) + 1;
  (data.testResults ??= []).push({ name: 'tsc --noEmit', status: 'failed', message: tscOutput, assertionResults: [] });
  writeFileSync(report, JSON.stringify(data));
}
