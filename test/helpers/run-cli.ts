import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'dist/qcode.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, colour off. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of a fixture folder, so a test can write outputs into it. */
export function copyFixture(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-e2e-'));
  cpSync(path.join(REPO, 'test/fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** No stack trace ever reaches a user. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?\n/.test(text) || /^\s+at /m.test(text);
}

/** A scratch copy of the demo study (the repository root project) with its shipped coders, no out/. */
export function copyDemo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-demo-'));
  for (const p of ['qcode.yaml', 'codebooks', 'corpus', 'coders']) cpSync(path.join(REPO, p), path.join(dir, p), { recursive: true });
  return dir;
}
