import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { REPO, hasStackTrace } from '../helpers/run-cli.js';

/**
 * The fuzz harness: qcode's commands run on generated inputs in a worker
 * thread (in process, but stoppable), each case in a fresh project folder
 * inside a case folder of its own, and every run held to what a user may
 * expect whatever the input:
 * - exit 0, 1 or 2, never an internal error (QC099), a stack trace or a crash;
 * - done within the per-case time (else the thread is stopped: a hang);
 * - nothing written outside the project folder (the case folder around it is watched);
 * - a run that fails leaves every file it found as it was, and no temp files.
 */

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Cases per input kind: a few hundred in CI's npm test would cost minutes, so fewer; QCODE_FUZZ_RUNS for a long run. */
export function fuzzRuns(ci: number): number {
  const env = Number(process.env.QCODE_FUZZ_RUNS);
  return Number.isInteger(env) && env > 0 ? env : ci;
}

/** Seconds a case may take before it counts as a hang (QCODE_FUZZ_TIMEOUT_MS to change). */
export const CASE_TIMEOUT_MS = Number(process.env.QCODE_FUZZ_TIMEOUT_MS) || 10_000;

let bundle: Promise<string> | undefined;

/** The worker's code, bundled once per test process with esbuild (the worker cannot load TypeScript itself). */
function bundleWorker(): Promise<string> {
  bundle ??= (async () => {
    // Inside the repository, so the bundle finds the packages (left external: bundling them is most of the time) in node_modules.
    const dir = path.join(REPO, 'node_modules/.cache/qcode-fuzz');
    await mkdir(dir, { recursive: true });
    const outfile = path.join(dir, `fuzz-worker-${process.pid}.mjs`);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    await build({
      entryPoints: [path.join(REPO, 'test/fuzz/fuzz-worker.ts')],
      outfile,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
      define: { __QCODE_VERSION__: JSON.stringify(pkg.version) },
      banner: { js: "import { createRequire as __qcodeCreateRequire } from 'node:module'; const require = __qcodeCreateRequire(import.meta.url);" },
    });
    return outfile;
  })();
  return bundle;
}

export class FuzzRunner {
  private worker: Worker | undefined;
  private next = 0;

  private async ensure(): Promise<Worker> {
    this.worker ??= new Worker(await bundleWorker());
    return this.worker;
  }

  /** Runs one command; a case over the time limit stops the thread (a new one takes the next case). */
  async run(args: string[], cwd: string, timeoutMs = CASE_TIMEOUT_MS): Promise<RunResult> {
    const worker = await this.ensure();
    const id = this.next++;
    const start = performance.now();
    return new Promise<RunResult>((resolve) => {
      const done = (r: Omit<RunResult, 'ms'>) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve({ ...r, ms: performance.now() - start });
      };
      const onMessage = (m: { id: number; code: number; stdout: string; stderr: string }) => {
        if (m.id === id) done({ code: m.code, stdout: m.stdout, stderr: m.stderr, timedOut: false });
      };
      const onError = (e: Error) => {
        this.worker = undefined;
        done({ code: -1, stdout: '', stderr: `worker crashed: ${e.stack ?? e.message}`, timedOut: false });
      };
      const onExit = (exitCode: number) => {
        this.worker = undefined;
        done({ code: -1, stdout: '', stderr: `worker exited with ${exitCode}`, timedOut: false });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        worker.off('exit', onExit);
        void worker.terminate();
        done({ code: -1, stdout: '', stderr: '', timedOut: true });
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, args, cwd });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** Files below a folder, relative, with their sha256. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.set(path.relative(dir, p), createHash('sha256').update(await readFile(p)).digest('hex'));
    }
  };
  await walk(dir);
  return out;
}

/** Every file in a case folder outside its project (names only: nothing there is compared, anything there is a problem). */
async function filesBeside(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(`project${path.sep}`));
}

/** Every file below a folder, by relative path (forward slashes), for copying a prepared project into cases. */
export async function readTree(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const f of (await snapshot(dir)).keys()) out[f.split(path.sep).join('/')] = await readFile(path.join(dir, f));
  return out;
}

/** A fresh case: `<case>/project/` holding the given files, and `<case>/` watched for anything written beside it. */
export async function makeProject(files: Record<string, string | Uint8Array>): Promise<{ root: string; project: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'qcode-fuzz-'));
  const project = path.join(root, 'project');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(project, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await mkdir(project, { recursive: true });
  return { root, project };
}

/**
 * Runs one command on a project and returns what broke the rules, if
 * anything: '' when the run was fine.
 */
export async function checkRun(
  runner: FuzzRunner,
  args: string[],
  where: { root: string; project: string },
  options: { allowOutside?: boolean } = {},
): Promise<{ problem: string; result: RunResult }> {
  const before = await snapshot(where.project);
  const result = await runner.run(args, where.project);
  const problems: string[] = [];
  if (result.timedOut) problems.push(`no answer within ${CASE_TIMEOUT_MS} ms (a hang)`);
  else if (![0, 1, 2].includes(result.code)) problems.push(`exit ${result.code}`);
  if (result.stderr.includes('QC099')) problems.push('an internal error (QC099)');
  if (hasStackTrace(result.stderr) || hasStackTrace(result.stdout)) problems.push('a stack trace');
  const around = await filesBeside(where.root);
  if (around.length && !options.allowOutside) problems.push(`files written outside the project: ${around.join(', ')}`);
  const after = await snapshot(where.project);
  const debris = [...after.keys()].filter((f) => path.basename(f).startsWith('.qcode-tmp-'));
  if (debris.length) problems.push(`temporary files left: ${debris.join(', ')}`);
  if (result.code !== 0 && result.code !== 1 && !result.timedOut) {
    const changed = [...before].filter(([f, sha]) => after.get(f) !== sha).map(([f]) => f);
    if (changed.length) problems.push(`a failed run changed or removed ${changed.join(', ')}`);
  }
  return { problem: problems.join('; '), result };
}
