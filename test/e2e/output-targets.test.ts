import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOutputTarget } from '../../src/io/output-target.js';
import { copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 16, point 2: -o onto a device, a FIFO or a symbolic link writes to
// it, never replaces the node itself; places that are no file are refused.
const DOUBLE = 'double-coding-two-coders';
const IS_ROOT = process.getuid?.() === 0;
const ROOT_SKIP = IS_ROOT ? '' : ' (skipped: making a device node needs root)';
const HAS_MKFIFO = spawnSync('mkfifo', ['--version']).status === 0;
const FIFO_SKIP = HAS_MKFIFO ? '' : ' (skipped: mkfifo not found)';

async function segmentsCsv(dir: string): Promise<string> {
  const r = await runQcode(['segment', '-o', '-'], { cwd: dir });
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('output targets', () => {
  it.skipIf(!IS_ROOT)(`-o onto a character device writes to it and leaves the node a device (failed before: refused, and replaced by a file with --force)${ROOT_SKIP}`, async () => {
    const dir = copyFixture(DOUBLE);
    // A private twin of /dev/null (major 1, minor 3): the machine's own is never put at risk.
    const dev = path.join(dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    for (const force of [[], ['--force']]) {
      const r = await runQcode(['segment', '-o', 'null', ...force], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(dev).isCharacterDevice()).toBe(true);
    }
    // Nothing about a stream goes into the manifest.
    expect(existsSync(path.join(dir, 'out/manifest.json'))).toBe(false);
  });

  it('/dev/null and the standard streams are written directly; /dev/stdout is the same as -o -', async () => {
    for (const p of ['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/fd/1', '/proc/self/fd/2']) expect((await resolveOutputTarget(p)).kind, p).toBe('stream');
    const dir = copyFixture(DOUBLE);
    const r = await runQcode(['segment', '-o', '/dev/stdout'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await segmentsCsv(dir));
  });

  it.skipIf(!HAS_MKFIFO)(`-o onto a FIFO writes through it and leaves the FIFO in place (failed before: hung reading the FIFO to hash it)${FIFO_SKIP}`, async () => {
    const dir = copyFixture(DOUBLE);
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // Should qcode ever read from the FIFO again, a writer that writes nothing ends its wait, so the test fails rather than hangs.
    const watchdog = setTimeout(() => spawn('sh', ['-c', 'exec 3>"$1"', 'sh', fifo]), 15_000);
    const r = await runQcode(['segment', '-o', 'pipe'], { cwd: dir });
    clearTimeout(watchdog);
    const stillFifo = lstatSync(fifo).isFIFO();
    if (!stillFifo) reader.kill();
    await closed;
    expect(r.code, r.stderr).toBe(0);
    expect(stillFifo).toBe(true);
    expect(got).toBe(await segmentsCsv(dir));
  });

  it('-o onto a symbolic link replaces its target and keeps the link (failed before: the link became a file)', async () => {
    const dir = copyFixture(DOUBLE);
    mkdirSync(path.join(dir, 'data'));
    symlinkSync('data/segments.csv', path.join(dir, 'latest.csv'));
    for (const unit of ['paragraph', 'document']) {
      const r = await runQcode(['segment', '--unit', unit, '-o', 'latest.csv'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(lstatSync(path.join(dir, 'latest.csv')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dir, 'latest.csv'))).toBe('data/segments.csv');
      expect(readFileSync(path.join(dir, 'data/segments.csv'), 'utf8')).toContain(unit === 'document' ? ':d1,' : ':p1,');
    }
  });

  it('refuses a folder, a path below a file, and places in /proc, /sys and /dev (failed before: QC005 or written)', async () => {
    const dir = copyFixture(DOUBLE);
    writeFileSync(path.join(dir, 'plain.txt'), 'x\n');
    const shm = existsSync('/dev/shm') ? '/dev/shm' : '/dev';
    const inDev = path.join(shm, `qcode-test-${process.pid}.csv`);
    const cases: [string, RegExp][] = [
      ['corpus', /corpus is a folder; give a file name/],
      ['plain.txt/out.csv', /is not a folder/],
      ['/proc/self/qcode.csv', /is inside \/proc, \/sys or \/dev/],
      ['/sys/qcode.csv', /is inside \/proc, \/sys or \/dev/],
      [inDev, /is inside \/proc, \/sys or \/dev/],
    ];
    try {
      for (const [target, message] of cases) {
        const r = await runQcode(['segment', '-o', target], { cwd: dir });
        expect(r.code, target).toBe(2);
        expect(r.stderr, target).toMatch(/error QC007: /);
        expect(r.stderr, target).toMatch(message);
      }
      expect(existsSync(inDev)).toBe(false);
    } finally {
      rmSync(inDev, { force: true });
    }
  });

  it('-o - is standard output for import and sample too; code and adjudicate, which write coder files, refuse it', async () => {
    const dir = copyFixture('projects/two-coders');
    const imported = await runQcode(['import', 'imports/long.csv', '--coder', 'ana', '-o', '-'], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^segment_id,doc_id,text_sha,coder,category,code,memo\na:s1,a,[0-9a-f]{16},ana,topic,trade,\n/);
    const sampled = await runQcode(['sample', '--size', '2', '--seed', '1', '-o', '-'], { cwd: dir });
    expect(sampled.code).toBe(0);
    expect(sampled.stdout).toMatch(/^segment_id,doc_id,stratum,text\n(.+\n){2}$/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
