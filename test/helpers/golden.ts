import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../golden');

/**
 * The one way a test compares output with a golden file, test/golden/<name>,
 * byte for byte. A missing golden fails the test: a golden written by the run
 * that checks it would prove nothing. UPDATE_GOLDEN=1 writes missing goldens
 * and rewrites changed ones, to be reviewed in the diff.
 */
export function expectGolden(name: string, actual: string, goldenDir = GOLDEN_DIR): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file test/golden/${name} does not exist; create it with UPDATE_GOLDEN=1 npx vitest run <this test file>, then review it`);
  }
  expect(actual, `differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`).toBe(readFileSync(file, 'utf8'));
}
