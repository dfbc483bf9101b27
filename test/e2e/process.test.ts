import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, copyDemo, copyFixture, hasStackTrace, runQcode, spawnQcode } from '../helpers/run-cli.js';

// The few things only a real process shows: the bin entry point and its exit
// status, a pipe closed early, and the worker threads (they run the bundled
// dist/code-worker.js, dist/deflate-worker.js and dist/source-format-worker.js, which exist only in the build).
// Everything else runs in process through runQcode.
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('the built bin (dist/qcode.js)', () => {
  it('prints the version, and sets the exit status: 0 ok, 2 on an unknown command', () => {
    const version = spawnQcode(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(read(REPO, 'package.json')).version);
    const unknown = spawnQcode(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error QC001');
    expect(hasStackTrace(unknown.stderr)).toBe(false);
  });

  it('ends quietly with exit 0 when the reader stops early (qcode … | head)', () => {
    // Far more output than a pipe holds, so qcode is still writing when head exits.
    const dir = copyFixture('projects/code-stream-equals-plain');
    const lines = read(dir, 'corpus.jsonl').trimEnd().split('\n');
    const many = Array.from({ length: 40 }, (_, k) => lines.map((l) => l.replace(/"id":"([^"]+)"/, `"id":"$1-${k}"`))).flat();
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${many.join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${BIN}' segment -o - -q | head -c 100 >/dev/null`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the streamed coder over worker threads (built CLI)', () => {
  // Every codebook and unit is coded in slices in process (code.test.ts); here the
  // threads themselves, with the regex codebook, whose patterns include the plain one's.
  it('three threads write the same files as the corpus read whole', async () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const codebook = ['--codebook', 'codebook-regex.yaml'];
    const whole = await runQcode(['code', ...codebook, '-o', 'whole.csv'], { cwd: dir });
    expect(whole.code).toBe(0);
    const threads = spawnQcode(['code', ...codebook, '--workers', '3', '-o', 'threads.csv', '--json'], { cwd: dir });
    expect(threads.stderr).not.toMatch(/error/);
    expect(threads.code).toBe(0);
    expect(JSON.parse(threads.stdout).threads).toBe(3);
    expect(read(dir, 'threads.csv')).toBe(read(dir, 'whole.csv'));
    expect(read(dir, 'threads.matches.csv')).toBe(read(dir, 'whole.matches.csv'));
  });

  it('reports a broken JSONL line with its line number in the file, whichever thread read it', () => {
    const dir = copyFixture('projects/code-stream-equals-plain');
    const lines = read(dir, 'corpus.jsonl').split('\n');
    lines.splice(30, 0, '{"id": "broken", "text": "no closing');
    writeFileSync(path.join(dir, 'corpus.jsonl'), lines.join('\n'));
    const r = spawnQcode(['code', '--workers', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/corpus\.jsonl:31 - error QC307/);
  });
});

describe('the qdpx export\'s format and deflate threads (built CLI)', () => {
  it('writes the same archive as the export formatting and deflating in process', async () => {
    const dir = copyDemo();
    for (const args of [['code'], ['import', 'coders/usmca-2026/coder-a.csv', '--coder', 'coder-a']]) expect((await runQcode([...args, '-q'], { cwd: dir })).code).toBe(0);
    expect((await runQcode(['export', '--format', 'qdpx', '-o', 'in-process.qdpx', '-q'], { cwd: dir })).code).toBe(0);
    const thread = spawnQcode(['export', '--format', 'qdpx', '-o', 'thread.qdpx', '-q'], { cwd: dir });
    expect(thread.stderr).toBe('');
    expect(thread.code).toBe(0);
    expect(readFileSync(path.join(dir, 'thread.qdpx')).equals(readFileSync(path.join(dir, 'in-process.qdpx')))).toBe(true);
  });
});
