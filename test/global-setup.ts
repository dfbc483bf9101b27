import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain .mjs module without types, shared with the build.
import { buildInputsHash, buildStampPath } from '../scripts/build-inputs.mjs';

const RUN_FOLDER = /^qcode-tests-(\d+)-/;

/** Whether dist/ was built from the sources as they are (the build records what it was built from). */
function builtFromCurrentSources(): boolean {
  try {
    return readFileSync(buildStampPath, 'utf8').trim() === buildInputsHash();
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a folder in a detached process: thousands of small files take seconds the suite need not wait for. */
function removeLater(folder: string): void {
  if (process.platform === 'win32') return rmSync(folder, { recursive: true, force: true });
  spawn('rm', ['-rf', folder], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Builds dist/ before the tests unless it was built from the current
 * sources: the few tests that spawn the built CLI (test/e2e/process.test.ts,
 * the tmux annotate test) must run the current sources, also in a focused
 * `npx vitest run`, never a stale build.
 *
 * Every temporary folder the tests make goes under one folder of this run
 * (TMPDIR, which os.tmpdir() and spawned processes follow), removed at the
 * end; the folders of runs that were killed (their process is gone) are
 * removed by the next run. Runs side by side keep out of each other's.
 */
export default function setup(): () => void {
  if (!builtFromCurrentSources()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    const pid = RUN_FOLDER.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) removeLater(path.join(base, name));
  }
  const root = mkdtempSync(path.join(base, `qcode-tests-${process.pid}-`));
  process.env.TMPDIR = root;
  return () => removeLater(root);
}
