import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentIdPathProblem } from '../../src/core/model/document.js';
import { codingPath } from '../../src/io/coding-file.js';
import { spanPath } from '../../src/io/span-file.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 16, point 6: a name never becomes a path unchecked. Every option and
// qcode.yaml check coder names (coder-names.test.ts); the functions that build
// paths out of names check them again, so no other caller can slip one past.
const BAD = ['../evil', 'a/b', '..', 'a\u0000b', 'a\nb', '.hidden', ''];
const project = { outDir: '/p/out' };

describe('names that become paths', () => {
  it('the path builders refuse a bad coder name (failed before for span files: the path was built)', () => {
    for (const bad of BAD) {
      expect(() => codingPath(project, bad), JSON.stringify(bad)).toThrow(/coder name/);
      expect(() => spanPath(project, bad), JSON.stringify(bad)).toThrow(/coder name/);
    }
    expect(spanPath(project, 'ana.b')).toBe('/p/out/codings/spans/ana.b.csv');
  });

  it('a document id that would name another place as a file is told apart', () => {
    for (const bad of ['', '.', '..', 'a/b', 'a\\b', 'a\u0000b', 'a\nb', 'a\rb']) expect(documentIdPathProblem(bad), JSON.stringify(bad)).toBeDefined();
    for (const good of ['news-01', 'a..b', '=1+1', '-5', 'Mabêl', '教师']) expect(documentIdPathProblem(good), good).toBeUndefined();
  });

  it('units and agree --spans refuse a coder name that is not a file name, writing nothing', async () => {
    const dir = copyFixture('projects/spans-two-coders');
    const before = readdirSync(dir, { recursive: true }).sort();
    for (const args of [['units', '--from-spans', '../evil'], ['agree', '--spans', '--coders', 'alice,../evil']]) {
      const r = await runQcode(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/error QC001: option --(from-spans|coders): coder names use letters/);
    }
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(path.join(dir, '..', 'evil.csv'))).toBe(false);
  });
});
