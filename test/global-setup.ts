import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds dist/ once before the tests: the few tests that spawn the built CLI
 * (test/e2e/process.test.ts, the tmux annotate test) must run the current
 * sources, also in a focused `npx vitest run`, never a stale build.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}
