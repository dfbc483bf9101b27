import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

type Row = Record<string, string>;
const table = (dir: string, file: string): Row[] => parse(readFileSync(path.join(dir, file), 'utf8'), { columns: true }) as Row[];
/** The fingerprint as the documentation defines it, computed here without qcode. */
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** Each coding as (text of its segment, code), the way a reader checks that codings stayed on their text. */
function codingsByText(dir: string, coder: string, textOf: Map<string, string>): string[] {
  return table(dir, `out/codings/${coder}.csv`)
    .map((r) => `${textOf.get(r.segment_id!)} → ${r.code || '(none)'}`)
    .sort();
}

const segmentTexts = (dir: string) => new Map(table(dir, 'out/segments.csv').map((r) => [r.segment_id!, r.text!]));

describe('codings anchored to their text', () => {
  it('an inserted and an edited sentence: agree stops, rebase --all keeps every coding on its text, agree runs again', async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['segment'], { cwd: dir })).code).toBe(0);
    const before = segmentTexts(dir);
    expect(table(dir, 'out/segments.csv').every((r) => r.text_sha === sha(r.text!))).toBe(true);
    expect((await runQcode(['import', 'imports/long.csv', '--coder', 'ana'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'ben.csv'), 'segment_id,codes\na:s1,trade\na:s2,trade;negative\na:s3,\na:s4,\nb:s1,trade;positive\n');
    expect((await runQcode(['import', 'ben.csv', '--coder', 'ben'], { cwd: dir })).code).toBe(0);
    const expected = { ana: codingsByText(dir, 'ana', before), ben: codingsByText(dir, 'ben', before) };
    expect(table(dir, 'out/codings/ana.csv').every((r) => r.text_sha === sha(before.get(r.segment_id!)!))).toBe(true);

    // One sentence inserted at the top of document a, another edited.
    const doc = path.join(dir, 'corpus/a.md');
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8')
        .replace('Trade talks went well.', 'Markets opened early. Trade talks went well.')
        .replace('Police raided a cartel hideout.', 'Police raided two cartel hideouts.'),
    );

    const stopped = await runQcode(['agree', '--coders', 'ana,ben'], { cwd: dir });
    expect(stopped.code).toBe(2);
    expect(hasStackTrace(stopped.stderr)).toBe(false);
    // ana: a:s1, a:s2 (two codings) and a:s4 moved down by one; a:s3 edited.
    expect(stopped.stderr).toContain("error QC420: 4 codings on 3 segments of out/codings/ana.csv are on text that has moved within its document (e.g. the text of 'a:s1' is now 'a:s2')");
    expect(stopped.stderr).toContain("error QC421: 1 coding on 1 segment of out/codings/ana.csv is on text that was edited or deleted (e.g. 'a:s3')");
    expect(stopped.stderr).toContain('qcode rebase ana');
    expect(stopped.stdout).toBe('');

    const rebased = await runQcode(['rebase', '--all'], { cwd: dir });
    expect(rebased.code, rebased.stderr).toBe(0);
    expect(rebased.stdout).toMatch(/ana\s+1 \(3\)\s+3 \(4\)\s+1 \(1\)/);
    expect(rebased.stdout).toMatch(/ben\s+1 \(2\)\s+3 \(4\)\s+1 \(1\)/);

    // Checked by text, not by id: every coding of unchanged text is on that text now.
    expect((await runQcode(['segment'], { cwd: dir })).code).toBe(0);
    const after = segmentTexts(dir);
    const edited = 'Police raided a cartel hideout. → ';
    for (const coder of ['ana', 'ben'] as const) {
      expect(codingsByText(dir, coder, after)).toEqual(expected[coder].filter((c) => !c.startsWith(edited)));
      const orphans = table(dir, `out/codings/${coder}.orphans.csv`);
      expect(orphans.map((o) => [o.segment_id, o.text, o.reason])).toEqual([['a:s3', 'Police raided a cartel hideout.', 'text edited or deleted']]);
    }
    expect(table(dir, 'out/codings/ana.orphans.csv')[0]).toMatchObject({ code: 'security', category: 'topic', text_sha: sha('Police raided a cartel hideout.') });

    const agree = await runQcode(['agree', '--coders', 'ana,ben', '--json'], { cwd: dir });
    expect(agree.code, agree.stderr).toBe(0);
    expect(JSON.parse(agree.stdout).units).toBe(4);
    // A second rebase finds everything in place and adds no orphan twice.
    const again = await runQcode(['rebase', 'ana', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout).coders[0].segments).toEqual({ kept: 4, moved: 0, orphaned: 0, unchecked: 0 });
    expect(table(dir, 'out/codings/ana.orphans.csv')).toHaveLength(1);
  });

  it('a file without fingerprints still reads, and rebase fingerprints it by id', async () => {
    const dir = copyFixture('double-coding-two-coders');
    expect(readFileSync(path.join(dir, 'out/codings/alice.csv'), 'utf8')).not.toContain('text_sha');
    expect((await runQcode(['agree', '--coders', 'alice,bob'], { cwd: dir })).code).toBe(0);
    const r = await runQcode(['rebase', 'alice', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const { segments } = JSON.parse(r.stdout).coders[0];
    expect(segments.unchecked).toBe(segments.kept);
    expect(readFileSync(path.join(dir, 'out/codings/alice.csv'), 'utf8').split('\n')[0]).toBe('segment_id,doc_id,text_sha,coder,category,code,memo');
    expect(existsSync(path.join(dir, 'out/codings/alice.orphans.csv'))).toBe(false);
  });

  it('leaves a derived file to its rerun, and says so', async () => {
    const dir = copyFixture('projects/two-coders');
    expect((await runQcode(['code'], { cwd: dir })).code).toBe(0);
    const one = await runQcode(['rebase', 'auto'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('error QC422: out/codings/auto.csv is derived: rerun `qcode code`');
    const all = await runQcode(['rebase', '--all'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('auto: out/codings/auto.csv is derived');
  });

  it('refuses a coder name that could be a path, and needs a coder or --all', async () => {
    const dir = copyFixture('projects/two-coders');
    for (const args of [['rebase', '../evil'], ['rebase'], ['rebase', 'ana', '--all']]) {
      const r = await runQcode(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('QC001');
    }
  });
});
