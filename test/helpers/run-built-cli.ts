import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const QCODE = path.resolve(import.meta.dirname, '../../dist/qcode.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run build` first) with NO_COLOR, as a user would. */
export function runQcode(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [QCODE, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A throwaway copy of a fixture project, so a test may write its out/ folder. */
export function copyFixture(fixtureDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-test-'));
  cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}
