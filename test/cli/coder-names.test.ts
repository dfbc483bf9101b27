import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runQcode } from '../helpers/run-cli.js';


// One rule for coder names in every command (CoderNameSchema): a name becomes
// a file name, so none that could leave the codings folder, hide a file or
// clash with an evidence file gets as far as building a path.
const BAD = ['../evil', 'a/b', 'x/../../evil', 'a\nb', 'a\u0000b', '.hidden', 'evil.matches', ''];

const DOUBLE = 'double-coding-two-coders';
/** Each command's coder options, with NAME where the name under test goes. */
const CASES: { fixture: string; args: string[] }[] = [
  { fixture: DOUBLE, args: ['code', '--coder', 'NAME'] },
  { fixture: 'projects/two-coders', args: ['import', 'imports/long.csv', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['annotate', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['evaluate', '--gold', 'NAME', '--coder', 'alice'] },
  { fixture: DOUBLE, args: ['evaluate', '--gold', 'alice', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['freq', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['cooccur', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['themes', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['export', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['agree', '--coders', 'alice,NAME'] },
  { fixture: DOUBLE, args: ['disagreements', '--coders', 'alice,NAME'] },
  { fixture: DOUBLE, args: ['adjudicate', '--coders', 'alice,NAME', '--as', 'gold', '--prefer', 'alice'] },
  { fixture: DOUBLE, args: ['adjudicate', '--coders', 'alice,bob', '--as', 'NAME', '--prefer', 'alice'] },
  { fixture: DOUBLE, args: ['adjudicate', '--coders', 'alice,bob', '--as', 'gold', '--prefer', 'NAME'] },
  { fixture: DOUBLE, args: ['plot', 'frequencies', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['plot', 'reliability', '--coders', 'alice,NAME'] },
  { fixture: DOUBLE, args: ['report', '--coder', 'NAME'] },
  { fixture: DOUBLE, args: ['report', '--coders', 'alice,NAME'] },
  { fixture: DOUBLE, args: ['report', '--gold', 'NAME'] },
];

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const withName = (args: string[], name: string) => args.map((a) => a.replace('NAME', name));

describe('coder names', () => {
  for (const { fixture, args } of CASES) {
    const shown = args.slice(0, 4).join(' ');
    it(`${shown}: refuses a name that is not a safe file name, before writing anything`, async () => {
      const dir = copyFixture(fixture);
      const before = listTree(dir);
      for (const bad of BAD) {
        const r = await runQcode(withName(args, bad), { cwd: dir });
        expect(r.code, JSON.stringify(bad)).toBe(2);
        expect(r.stderr, JSON.stringify(bad)).toMatch(/error QC001: option --(coder|coders|gold|as|prefer): (coder names|a coder name)/);
      }
      expect(listTree(dir)).toEqual(before);
      expect(existsSync(path.join(dir, '..', 'evil.csv'))).toBe(false);
    });

    it(`${shown}: takes a name with a dot, as every command does`, async () => {
      const r = await runQcode(withName(args, 'ana.b'), { cwd: copyFixture(fixture) });
      expect(r.stderr).not.toContain('QC001');
    });
  }

  it('writes a dotted coder name where code, import and adjudicate put it', async () => {
    const dir = copyFixture(DOUBLE);
    expect((await runQcode(['code', '--coder', 'ana.b'], { cwd: dir })).code).toBe(0);
    expect(existsSync(path.join(dir, 'out/codings/ana.b.csv'))).toBe(true);
    expect((await runQcode(['adjudicate', '--coders', 'alice,bob', '--as', 'gold.v2', '--prefer', 'alice'], { cwd: dir })).code).toBe(0);
    expect(existsSync(path.join(dir, 'out/codings/gold.v2.csv'))).toBe(true);
    const two = copyFixture('projects/two-coders');
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'ana.b'], { cwd: two })).code).toBe(0);
    expect(existsSync(path.join(two, 'out/codings/ana.b.csv'))).toBe(true);
  });

  it('holds qcode.yaml to the same rule', async () => {
    const dir = copyFixture(DOUBLE);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'qcode.yaml'), `${readFileSync(path.join(dir, 'qcode.yaml'), 'utf8')}coder: ../evil\n`);
    const r = await runQcode(['freq'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/QC101.*coder names use/);
  });
});
