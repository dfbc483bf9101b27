import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Builds dist/ once before the tests: the few tests that spawn the built CLI
 * (test/e2e/process.test.ts, the tmux annotate test) must run the current
 * sources, also in a focused `npx vitest run`, never a stale build.
 *
 * Every temporary folder the tests make goes under one folder of this run
 * (TMPDIR, which os.tmpdir() and spawned processes follow), removed at the
 * end: tests that fail or are killed leave nothing behind in /tmp either,
 * beyond the next run of the suite.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  const root = mkdtempSync(path.join(tmpdir(), 'qcode-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
