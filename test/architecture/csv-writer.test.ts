import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSourceFiles } from './import-graph.js';

// Issue 16, point 1: every CSV qcode writes goes through one writer
// (src/core/format/format-csv.ts and format-csv-field.ts) and so through one
// quoting rule. A second writer, such as csv-stringify called directly, is how
// a field with a carriage return once went out unquoted.
const src = path.resolve(import.meta.dirname, '../../src');

describe('one CSV writer', () => {
  it('no source file writes CSV with another library', () => {
    const offenders = listSourceFiles(src).filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => spec.startsWith('csv-stringify')));
    expect(offenders.map((f) => path.relative(src, f))).toEqual([]);
  });
});
