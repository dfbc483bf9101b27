import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasStackTrace, runQcode } from '../helpers/run-cli.js';

// Issue 14.4: a corpus coded in 4 shards (run at once), merged, gives the
// files of a single run byte for byte, and the same corpus hash.
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const manifest = (dir: string) => JSON.parse(read(dir, 'out/manifest.json')).outputs;

describe('sharded runs', () => {
  it('4 shards run in parallel and merged equal a single run, byte for byte', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const codebook = ['--codebook', 'codebook-regex.yaml'];
    expect((await runQcode(['code', ...codebook, '-o', 'single.csv'], { cwd: dir })).code).toBe(0);
    const shards = await Promise.all([1, 2, 3, 4].map((k) => runQcode(['code', ...codebook, '--shard', `${k}/4`], { cwd: dir })));
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const parts = [1, 2, 3, 4].map((k) => `out/codings/auto.part-${k}-of-4.csv`);
    // Each shard coded some documents, none of them twice.
    const rows = parts.map((p) => read(dir, p).trim().split('\n').length - 1);
    expect(rows.every((n) => n > 0)).toBe(true);
    expect(rows.reduce((a, b) => a + b)).toBe(read(dir, 'single.csv').trim().split('\n').length - 1);
    const merged = await runQcode(['merge', ...parts.reverse()], { cwd: dir });
    expect(merged.code, merged.stderr).toBe(0);
    expect(read(dir, 'out/codings/auto.csv')).toBe(read(dir, 'single.csv'));
    expect(read(dir, 'out/codings/auto.matches.csv')).toBe(read(dir, 'single.matches.csv'));
    expect(manifest(dir)['out/codings/auto.csv'].corpus_sha256).toBe(manifest(dir)['single.csv'].corpus_sha256);
    // The aggregate commands read a merged file and a part file alike.
    for (const coder of ['auto', 'auto.part-2-of-4']) {
      const freq = await runQcode(['freq', '--coder', coder, '--codebook', 'codebook-regex.yaml', '--format', 'csv'], { cwd: dir });
      expect(freq.code, freq.stderr).toBe(0);
      expect(freq.stdout).toMatch(/^category,code/m);
    }
  });

  it('merge refuses an incomplete set, a repeated shard, and parts of another run', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    for (const k of [1, 2, 3]) expect((await runQcode(['code', '--shard', `${k}/3`, '-o', 'a.csv'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['code', '--shard', '3/3', '--codebook', 'codebook-regex.yaml', '-o', 'b.csv'], { cwd: dir })).code).toBe(0);
    const refuse = async (args: string[], message: RegExp) => {
      const r = await runQcode(['merge', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    };
    await refuse(['a.part-1-of-3.csv', 'a.part-2-of-3.csv'], /QC430: the set is incomplete: shard 3 of 3 missing/);
    await refuse(['a.part-1-of-3.csv', 'a.part-2-of-3.csv', 'a.part-2-of-3.csv'], /QC430: .*is shard 2 of 3/);
    await refuse(['a.part-1-of-3.csv', 'a.part-2-of-3.csv', 'b.part-3-of-3.csv'], /QC430: .*differs .* in its codebook/);
    writeFileSync(path.join(dir, 'corpus.jsonl'), read(dir, 'corpus.jsonl').split('\n').slice(1).join('\n'));
    expect((await runQcode(['code', '--shard', '3/3', '-o', 'a.csv', '--force'], { cwd: dir })).code).toBe(0);
    await refuse(['a.part-1-of-3.csv', 'a.part-2-of-3.csv', 'a.part-3-of-3.csv'], /QC430: .*differs .* in its corpus/);
    rmSync(path.join(dir, 'a.part-1-of-3.index.jsonl'));
    await refuse(['a.part-1-of-3.csv'], /QC431/);
  });
});
