import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { copyDemo, runQcode } from '../helpers/run-cli.js';

// Goldens of the analysis commands on the demo study, with the illustrative
// coder-a's codings of the double-coding sample (test/golden/analysis/demo).
// They change whenever the demo corpus, codebook or segmenter does: review the
// diff, then UPDATE_GOLDEN=1.
let dir = '';

beforeAll(async () => {
  dir = copyDemo();
  const r = await runQcode(['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a', '--format', 'list'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
});

const cases: [string, string[]][] = [
  ['freq-by-type.txt', ['freq', '--by', 'type', '--rows', 'code']],
  ['freq-by-type.json', ['freq', '--by', 'type', '--json']],
  ['cooccur.csv', ['cooccur', '--format', 'csv']],
  ['themes.md', ['themes', '--top', '5', '--exemplars', '1', '--format', 'md']],
  ['kwic-fbi.txt', ['kwic', 'fbi', '--window', '30']],
  ['export-wide.csv', ['export', '--format', 'wide', '-o', '-']],
  ['saturation-random-7.csv', ['saturation', '--order', 'random', '--seed', '7', '--format', 'csv']],
];

describe('analysis commands on the demo study (goldens)', () => {
  for (const [name, args] of cases) {
    it(`qcode ${args.join(' ')}`, async () => {
      const r = await runQcode([...args, ...(args[0] === 'kwic' ? [] : ['--coder', 'coder-a'])], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expectGolden(`analysis/demo/${name}`, r.stdout);
    });
  }
});
