import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyFixture, runQcode } from '../helpers/run-cli.js';

// Issue 16, point 3: `qcode code` writes its coding file, its evidence and
// the manifest as one set. Killed at any point (SIGKILL at each step of the
// publication, through QCODE_FAILPOINT, and at seeded random moments of a
// streamed run), it leaves the old set or the new set; a mix is refused by
// validate and by every reader (QC008), and the next run repairs it and
// leaves no temp file behind. QCODE_KILL_RUNS sets the number of random kills.
const FIXTURE = 'projects/code-stream-equals-plain';
const CODINGS = 'out/codings/auto.csv';
const EVIDENCE = 'out/codings/auto.matches.csv';
const FAILPOINTS = ['publish-journal', 'publish-rename-0', 'publish-rename-1', 'publish-manifest', 'publish-done'];
const RANDOM_KILLS = Number(process.env.QCODE_KILL_RUNS) || 3;

const sha = (dir: string, f: string) => (existsSync(path.join(dir, f)) ? createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex') : 'missing');
const setOf = (dir: string) => [sha(dir, CODINGS), sha(dir, EVIDENCE)] as const;

/** The second codebook: one more pattern, so both the codings and the evidence change. */
function useNewCodebook(dir: string): void {
  const file = path.join(dir, 'codebook.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('patterns: [cartel*,', 'patterns: [origin, cartel*,'));
}

/** A corpus 10 times the fixture's, so a streamed run lasts long enough to be killed in the middle. */
function enlargeCorpus(dir: string): void {
  const lines = readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8').trimEnd().split('\n');
  const many = Array.from({ length: 10 }, (_, k) => lines.map((l) => l.replace(/"id":"([^"]+)"/, `"id":"$1-${k}"`))).flat();
  writeFileSync(path.join(dir, 'corpus.jsonl'), `${many.join('\n')}\n`);
}

const writing = (dir: string) => existsSync(path.join(dir, 'out/codings')) && readdirSync(path.join(dir, 'out/codings')).some((f) => f.startsWith('.qcode-tmp-'));

/**
 * Runs the built CLI's `code`, killed by a failpoint, or `killAfterMs` after
 * its first temp file appeared (the writing has begun). Resolves with how it
 * ended and, unless killed by a failpoint, `writingMs`: from the first temp
 * file to the exit. (The folder is polled every millisecond for that, which
 * costs CPU; a failpoint run needs no clock.)
 */
function runCode(dir: string, args: string[], kill: { failpoint?: string; killAfterMs?: number }): Promise<{ code: number | null; signal: string | null; writingMs: number }> {
  const child = spawn(process.execPath, [BIN, 'code', '-q', ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1', ...(kill.failpoint ? { QCODE_FAILPOINT: kill.failpoint } : {}) },
  });
  let began: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const poll = kill.failpoint !== undefined ? undefined : setInterval(() => {
    if (began !== undefined || !writing(dir)) return;
    began = Date.now();
    if (kill.killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.killAfterMs);
  }, 1);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, writingMs: began === undefined ? 0 : Date.now() - began });
    }),
  );
}

/** Files a killed run may leave: temp files and publish journals. */
function debris(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\.qcode-(tmp|publish)-/.test(f));
}

const templates = new Map<string, Promise<{ template: string; oldSet: readonly string[]; newSet: readonly string[] }>>();

/** Made once per kind: a project with the old set written and the codebook then changed, and the new set's hashes from an uninterrupted run. */
function template(options: { enlarge?: boolean; oldSet: boolean }, args: string[]) {
  const key = JSON.stringify([options, args]);
  if (!templates.has(key)) {
    templates.set(
      key,
      (async () => {
        const make = () => {
          const dir = copyFixture(FIXTURE);
          if (options.enlarge) enlargeCorpus(dir);
          return dir;
        };
        const reference = make();
        useNewCodebook(reference);
        expect((await runQcode(['code', ...args], { cwd: reference })).code).toBe(0);
        const dir = make();
        if (options.oldSet) expect((await runQcode(['code', ...args], { cwd: dir })).code).toBe(0);
        const oldSet = setOf(dir);
        useNewCodebook(dir);
        return { template: dir, oldSet, newSet: setOf(reference) };
      })(),
    );
  }
  return templates.get(key)!;
}

/** A fresh copy of the template to kill a run in. */
async function prepare(options: { enlarge?: boolean; oldSet: boolean }, args: string[]) {
  const { template: from, oldSet, newSet } = await template(options, args);
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-kill-'));
  cpSync(from, dir, { recursive: true });
  return { dir, oldSet, newSet };
}

type Outcome = 'old' | 'new' | 'mix';

/**
 * After a kill: the files are the old set, the new set, or a mix; a mix is
 * refused by validate and by a reader (freq), a whole set is accepted by
 * validate; then a rerun writes the new set and no temp file or journal is left.
 */
async function checkAfterKill(dir: string, oldSet: readonly string[], newSet: readonly string[], args: string[]): Promise<Outcome> {
  const now = setOf(dir);
  const outcome: Outcome = now.every((h, i) => h === oldSet[i]) ? 'old' : now.every((h, i) => h === newSet[i]) ? 'new' : 'mix';
  const validate = await runQcode(['validate'], { cwd: dir });
  if (outcome === 'mix') {
    expect(validate.code, validate.stderr).toBe(1);
    expect(validate.stderr).toContain('QC008');
    const freq = await runQcode(['freq'], { cwd: dir });
    expect(freq.code).toBe(2);
    expect(freq.stderr).toMatch(/error QC008: .*auto\.csv, .*auto\.matches\.csv were written together by `qcode code/);
  } else {
    expect(validate.stderr).not.toContain('QC008');
    expect(validate.code, validate.stderr).toBe(0);
  }
  const rerun = await runQcode(['code', ...args], { cwd: dir });
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(setOf(dir)).toEqual(newSet);
  expect(debris(dir)).toEqual([]);
  return outcome;
}

describe('killing qcode code leaves the old set or the new set, never a mix that validate accepts', () => {
  it('SIGKILL at each step of the publication (in memory), between the renames (streamed; a first run)', async () => {
    const cases = [
      ...FAILPOINTS.map((failpoint) => ({ name: `in memory at ${failpoint}`, failpoint, args: [] as string[], oldSet: true })),
      // The streamed coder publishes through the same code; a first run has no old set to fall back on.
      { name: 'streamed at publish-rename-1', failpoint: 'publish-rename-1', args: ['--workers', '2'], oldSet: true },
      { name: 'first run at publish-rename-1', failpoint: 'publish-rename-1', args: [] as string[], oldSet: false },
    ];
    const seen: Record<string, Outcome> = {};
    // Each case in its own copy, all at once: the spawned runs mostly wait.
    await Promise.all(
      cases.map(async ({ name, failpoint, args, oldSet: withOld }) => {
        const { dir, oldSet, newSet } = await prepare({ oldSet: withOld }, args);
        const run = await runCode(dir, args, { failpoint });
        expect(run.signal, name).toBe('SIGKILL');
        seen[name] = await checkAfterKill(dir, oldSet, newSet, args);
      }),
    );
    // The renames are the window: before them the old set stands, after them the new one.
    expect(seen).toEqual({
      'in memory at publish-journal': 'old',
      'in memory at publish-rename-0': 'old',
      'in memory at publish-rename-1': 'mix',
      'in memory at publish-manifest': 'new',
      'in memory at publish-done': 'new',
      'streamed at publish-rename-1': 'mix',
      // The coding file without its evidence.
      'first run at publish-rename-1': 'mix',
    });
  });

  it(`streamed, killed at ${RANDOM_KILLS} moments spread over its writing`, async () => {
    const args = ['--workers', '2'];
    const { dir: timing } = await prepare({ enlarge: true, oldSet: true }, args);
    const whole = await runCode(timing, args, {});
    expect(whole.code).toBe(0);
    expect(whole.writingMs).toBeGreaterThan(0);
    // Spread from the first temp file to well past the exit of the timing run (how long a run takes varies with the load on the machine).
    const delays = Array.from({ length: RANDOM_KILLS }, (_, k) => Math.round((whole.writingMs * (k + 0.5) * 1.6) / RANDOM_KILLS));
    const outcomes: Outcome[] = [];
    for (const delay of delays) {
      const { dir, oldSet, newSet } = await prepare({ enlarge: true, oldSet: true }, args);
      await runCode(dir, args, { killAfterMs: delay });
      outcomes.push(await checkAfterKill(dir, oldSet, newSet, args));
    }
    expect(outcomes).toHaveLength(RANDOM_KILLS);
    // Asked for a longer run, say what the kills left.
    if (process.env.QCODE_KILL_RUNS) console.info(`${RANDOM_KILLS} kills: ${['old', 'new', 'mix'].map((o) => `${outcomes.filter((x) => x === o).length} ${o}`).join(', ')}`);
  }, 30_000 + RANDOM_KILLS * 5_000);
});

describe('a single output killed before its manifest entry', () => {
  it('is recorded by the next run, so rerunning the command may replace it', async () => {
    const dir = copyFixture(FIXTURE);
    expect((await runQcode(['segment'], { cwd: dir })).code).toBe(0);
    const killed = spawn(process.execPath, [BIN, 'segment', '--unit', 'document', '-q'], { cwd: dir, stdio: 'ignore', env: { ...process.env, QCODE_FAILPOINT: 'publish-manifest' } });
    expect(await new Promise((resolve) => killed.on('exit', (_, signal) => resolve(signal)))).toBe('SIGKILL');
    // The new file is in place, the manifest still describes the old one: without the journal this looked like a hand edit (QC004).
    expect(readFileSync(path.join(dir, 'out/segments.csv'), 'utf8')).toContain(':d1,');
    const rerun = await runQcode(['segment'], { cwd: dir });
    expect(rerun.stderr).not.toContain('QC004');
    expect(rerun.code).toBe(0);
    expect(debris(dir)).toEqual([]);
  });
});

describe('a reader refuses a set that is not of one run', () => {
  it('validate and freq refuse a coding file replaced under its evidence (failed before: validate said valid)', async () => {
    const { dir } = await prepare({ oldSet: true }, []);
    // The state a kill between the renames used to leave: the new coding file, the old evidence, the old manifest.
    const other = copyFixture(FIXTURE);
    useNewCodebook(other);
    expect((await runQcode(['code'], { cwd: other })).code).toBe(0);
    writeFileSync(path.join(dir, CODINGS), readFileSync(path.join(other, CODINGS)));
    const validate = await runQcode(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/error QC008: out\/codings\/auto\.csv, out\/codings\/auto\.matches\.csv were written together by `qcode code`, but out\/codings\/auto\.csv is from another run/);
    expect(validate.stderr).toContain('hint: Run `qcode code` again: it writes the whole set (with --force if one was edited by hand).');
    const again = await runQcode(['code', '--force'], { cwd: dir });
    expect(again.code).toBe(0);
    expect((await runQcode(['validate'], { cwd: dir })).code).toBe(0);
  });
});
