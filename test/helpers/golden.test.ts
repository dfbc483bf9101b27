import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden } from './golden.js';

describe('expectGolden', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails on a missing golden, says how to create it, and writes nothing', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-golden-'));
    expect(() => expectGolden('new/out.txt', 'text\n', dir)).toThrow(/test\/golden\/new\/out\.txt does not exist; create it with UPDATE_GOLDEN=1/);
    expect(existsSync(path.join(dir, 'new/out.txt'))).toBe(false);
  });

  it('fails on a difference and leaves the golden as it was', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-golden-'));
    writeFileSync(path.join(dir, 'out.txt'), 'old\n');
    expect(() => expectGolden('out.txt', 'new\n', dir)).toThrow(/differs from test\/golden\/out\.txt/);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('old\n');
    expect(() => expectGolden('out.txt', 'old\n', dir)).not.toThrow();
  });

  it('UPDATE_GOLDEN=1 writes a missing golden and rewrites a changed one', () => {
    vi.stubEnv('UPDATE_GOLDEN', '1');
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-golden-'));
    expectGolden('new/out.txt', 'first\n', dir);
    expect(readFileSync(path.join(dir, 'new/out.txt'), 'utf8')).toBe('first\n');
    expectGolden('new/out.txt', 'second\n', dir);
    expect(readFileSync(path.join(dir, 'new/out.txt'), 'utf8')).toBe('second\n');
  });
});
