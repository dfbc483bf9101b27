import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, copyFixture, runQcode } from '../helpers/run-cli.js';

// The recipes of docs/scale.md, run with the built CLI as `qcode` on PATH:
// GNU parallel for real (skipped where it is not installed); the qcode lines
// of the Slurm job script as each array task would run them, and Spark's
// RDD.pipe command on each partition of the corpus, in process (variables
// and globs expanded as the shell would). Each must give a
// single run's coding file, byte for byte. The commands are taken from the
// doc, so the doc cannot drift from what is tested.
const DOC = readFileSync(path.join(REPO, 'docs/scale.md'), 'utf8');
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const hasParallel = spawnSync('parallel', ['--version']).status === 0;

/** The first fenced block of the doc holding `marker`. */
function block(marker: string): string {
  const found = [...DOC.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes(marker));
  if (!found) throw new Error(`docs/scale.md has no block with ${marker}`);
  return found;
}

function bash(script: string, cwd: string): void {
  const bin = mkdtempSync(path.join(tmpdir(), 'qcode-bin-'));
  writeFileSync(path.join(bin, 'qcode'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(path.join(bin, 'qcode'), 0o755);
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` } });
  expect(r.status, r.stderr).toBe(0);
}

async function singleRun(): Promise<{ dir: string; single: string }> {
  const dir = copyFixture('projects/code-stream-equals-plain');
  expect((await runQcode(['code', '-o', 'single.csv', '-q'], { cwd: dir })).code).toBe(0);
  return { dir, single: read(dir, 'single.csv') };
}

/** Runs a `qcode …` line in process: "$VAR" expanded from env, quotes removed, a `*` in a file name globbed. */
async function qcodeLine(line: string, cwd: string, env: Record<string, string> = {}, input?: string): Promise<string> {
  const words = line.replace(/"?\$(\w+)"?/g, (_, v: string) => env[v] ?? '').replace(/'/g, '').split(/\s+/).filter(Boolean);
  expect(words[0]).toBe('qcode');
  const args = words.slice(1).flatMap((w) => {
    if (!w.includes('*')) return [w];
    const re = new RegExp(`^${path.basename(w).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    return readdirSync(path.join(cwd, path.dirname(w))).filter((f) => re.test(f)).map((f) => path.join(path.dirname(w), f));
  });
  const r = await runQcode(args, { cwd, ...(input !== undefined ? { input } : {}) });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('docs/scale.md recipes', () => {
  it.skipIf(!hasParallel)('GNU parallel: the shards at once, then merge', async () => {
    const { dir, single } = await singleRun();
    // As written for 4 shards, run with 2: fewer processes at once on a test machine.
    bash(block('parallel qcode').replaceAll('/4', '/2').replace('::: 1 2 3 4', '::: 1 2').replace('{1,2,3,4}-of-4', '{1,2}-of-2'), dir);
    expect(read(dir, 'out/codings/auto.csv')).toBe(single);
  });
  if (!hasParallel) it.skip('GNU parallel is not installed (Debian: apt-get install parallel)', () => {});

  it('Slurm job array: the job script\'s qcode line as tasks 1 and 2 of 2, then the merge step', async () => {
    const { dir, single } = await singleRun();
    const task = block('#SBATCH').split('\n').find((l) => l.startsWith('qcode '))!;
    await Promise.all(['1', '2'].map((k) => qcodeLine(task, dir, { SLURM_ARRAY_TASK_ID: k, SLURM_ARRAY_TASK_COUNT: '2' })));
    await qcodeLine(/--wrap '([^']+)'/.exec(block('sbatch --dependency'))![1]!.replace('-of-16', '-of-2'), dir);
    expect(read(dir, 'out/codings/auto.csv')).toBe(single);
  });

  it('Spark RDD.pipe: each partition of the lines piped through the command, header rows dropped, one header first', async () => {
    const { dir, single } = await singleRun();
    const spark = block('lines.pipe(');
    const command = /\.pipe\("([^"]+)"\)/.exec(spark)![1]!.replace('-C /opt/study', '');
    const header = /HEADER = "([^"]+)"/.exec(spark)![1]!;
    const lines = read(dir, 'corpus.jsonl').trimEnd().split('\n');
    const outputs = await Promise.all([lines.slice(0, 17), lines.slice(17)].map((p) => qcodeLine(command, dir, {}, `${p.join('\n')}\n`)));
    const rows = outputs.flatMap((o) => o.trimEnd().split('\n').filter((row) => row !== header));
    expect([header, ...rows].join('\n') + '\n').toBe(single);
  });
});
