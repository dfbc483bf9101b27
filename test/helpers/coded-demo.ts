import { expect } from 'vitest';
import { copyDemo, runQcode } from './run-cli.js';

/**
 * A scratch copy of the demo study coded as `npm start` codes it: segments,
 * the auto-coder, the seeded 20% sample, the two illustrative coders and
 * their adjudicated gold coder. For tests of the outputs a paper uses.
 */
export async function codedDemo(): Promise<string> {
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
