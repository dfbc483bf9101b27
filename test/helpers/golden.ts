import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO } from './run-cli.js';

/**
 * Compares output with test/golden/<name>. A missing golden is written (and
 * the test then checks it); UPDATE_GOLDEN=1 rewrites all after a deliberate
 * change, to be reviewed in the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(REPO, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
