import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSourceFiles } from './import-graph.js';

// House rule 3: one file per command, at most 80 lines (options, read, one or
// two core calls, render), and output paths, writes, the overwrite policy and
// manifest entries through one helper (src/cli/output.ts).
const commands = path.resolve(import.meta.dirname, '../../src/cli/commands');
const MAX_LINES = 80;

/** Modules that write files or the manifest; a command reaches them only through src/cli/output.ts. */
const WRITERS = [/^(node:)?fs(\/promises)?$/, /\/io\/write-(file-atomic|new-file|output-files)\.js$/, /\/io\/manifest\.js$/];
/** init scaffolds a project that has no manifest yet, and never replaces a file: it creates files only where none is. */
const WRITERS_ALLOWED: Record<string, RegExp[]> = { 'init.ts': [/\/io\/write-new-file\.js$/] };

function lineCount(source: string): number {
  return source.endsWith('\n') ? source.split('\n').length - 1 : source.split('\n').length;
}

describe('command files', () => {
  const files = listSourceFiles(commands);

  it('finds the commands', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('counts lines as wc -l does', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('x\n'.repeat(81))).toBeGreaterThan(MAX_LINES);
  });

  for (const file of files) {
    const name = path.basename(file);
    const source = readFileSync(file, 'utf8');

    it(`${name} has at most ${MAX_LINES} lines`, () => {
      expect(lineCount(source), `${name}: move logic into core or a shared cli helper`).toBeLessThanOrEqual(MAX_LINES);
    });

    it(`${name} writes files only through the output helper`, () => {
      const writes = importsOf(source).filter((spec) => WRITERS.some((re) => re.test(spec)));
      const allowed = WRITERS_ALLOWED[name] ?? [];
      expect(writes.filter((spec) => !allowed.some((re) => re.test(spec))), name).toEqual([]);
      expect(source, `${name} builds an output path itself`).not.toMatch(/path\.resolve\(ctx\.io\.cwd, opts\.(output|errors)\)/);
    });
  }
});
