import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { copyDemo, runQcode } from './run-cli.js';

let master: Promise<string> | undefined;

async function codeDemo(): Promise<string> {
  const dir = copyDemo();
  const steps = [
    ['segment'],
    ['code'],
    ['sample', '--fraction', '0.2', '--seed', '2026', '--stratify', 'type'],
    ['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a', '--format', 'list'],
    ['import', 'coders/usmca-2026/coder-b.csv', '--coder', 'coder-b', '--format', 'list'],
    ['adjudicate', '--coders', 'coder-a,coder-b', '--as', 'gold', '--prefer', 'coder-a'],
  ];
  for (const args of steps) {
    const r = await runQcode([...args, '-q'], { cwd: dir });
    expect(r.code, `qcode ${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return dir;
}

/**
 * A scratch copy of the demo study coded as `npm start` codes it: segments,
 * the auto-coder, the seeded 20% sample, the two illustrative coders and
 * their adjudicated gold coder. Coded once per worker; each caller gets its
 * own copy to write into.
 */
export async function codedDemo(): Promise<string> {
  master ??= codeDemo();
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-coded-demo-'));
  cpSync(await master, dir, { recursive: true });
  return dir;
}
