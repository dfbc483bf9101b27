import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../helpers/double-coding-fixture.js';
import { BIN, copyFixture, runQcode } from '../helpers/run-cli.js';
import { withoutColumn } from '../helpers/without-column.js';

// Drives `qcode annotate` in a real pseudo-terminal: a detached tmux session
// of 80×24, keys sent with send-keys, the screen read with capture-pane.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('annotate end-to-end test skipped: tmux is not installed (apt-get install tmux)');

const session = `qcode-annotate-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the screen shows `text` (the test fails on the last screen if it never does). */
async function waitFor(text: string | RegExp): Promise<string> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = screen();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await sleep(50);
  }
  throw new Error(`screen never showed ${String(text)}; it shows:\n${last}`);
}

/** Sends keys one at a time, each after the screen has settled on the previous one. */
async function keys(...ks: string[]): Promise<void> {
  for (const k of ks) {
    const before = screen();
    tmux('send-keys', '-t', session, k);
    for (let i = 0; i < 40 && screen() === before; i++) await sleep(25);
  }
}

function start(dir: string): void {
  tmux(
    'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
    `cd '${dir}' && NO_COLOR=1 '${process.execPath}' '${BIN}' annotate --coder carol --sample out/sample.csv; echo "EXIT=$?"; sleep 600`,
  );
}

function panePid(): number {
  // The pane runs sh; qcode is its child.
  const shell = Number(tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim());
  return Number(execFileSync('pgrep', ['-P', String(shell), '-f', 'qcode.js'], { encoding: 'utf8' }).trim().split('\n')[0]);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('qcode annotate in a terminal (tmux)', () => {
  it('codes by shortcut and arrows, memo, back, exclusive category; survives kill -9 and resumes', async () => {
    const dir = copyFixture('double-coding-two-coders');
    const sample = ['news-01:p2', 'news-02:p2', 'official-01:p1', 'official-02:p2', 'social-02:p3'];
    writeFileSync(path.join(dir, 'out/sample.csv'), `segment_id\n${sample.join('\n')}\n`);
    const file = path.join(dir, 'out/codings/carol.csv');

    start(dir);
    let s = await waitFor('1/5 · 0 confirmed');
    expect(s).toContain('Analysts expect the talks');
    expect(s).toContain('[… Car makers warned'); // context before, bracketed
    expect(s).toContain('Frame (one only)');
    expect(s).toContain('[1] Economic');
    expect(s).not.toMatch(/alice|bob/); // blind: nothing of other coders

    // 1: by shortcut, then exclusive frame: 2 replaces 1.
    await keys('1', '4', '2');
    s = screen();
    expect(s).toContain('*[2] Security');
    expect(s).not.toContain('*[1] Economic');
    expect(s).toContain('one code only, Economic replaced');
    await keys('Enter');
    await waitFor('2/5 · 1 confirmed');

    // 2: by arrows and space (cursor starts on the first code: Economic),
    // plus a memo.
    await keys('Down', 'Down', 'Space', 'Down', 'Space');
    s = screen();
    expect(s).toContain('*[3] Sovereignty');
    expect(s).toContain('*[4] Government');
    await keys('m');
    tmux('send-keys', '-t', session, '-l', 'calls it an intrusion');
    await waitFor('memo> calls it an intrusion');
    await keys('Enter');
    await waitFor('memo: calls it an intrusion');
    await keys('Enter');
    await waitFor('3/5 · 2 confirmed');

    // 3: confirmed with no code (reviewed, none); then 4: a code, not confirmed yet.
    await keys('Enter');
    await waitFor('4/5 · 3 confirmed');
    // Back to 3 and change it: b, then the arrow key back once more to 2 and forward again.
    await keys('b');
    await waitFor('3/5 · 3 confirmed');
    await keys('5', 'Enter');
    await waitFor('4/5 · 3 confirmed');
    await keys('Left', 'Left');
    s = await waitFor('2/5 · 3 confirmed');
    expect(s).toContain('*[3] Sovereignty'); // a confirmed segment shows its codes
    await keys('Right', 'Right');
    await waitFor('4/5 · 3 confirmed');

    // ? then a shortcut shows that code's definition.
    await keys('?', '6');
    s = await waitFor('Citizens, unions, NGOs');
    await keys('x');
    await waitFor('4/5');

    // Toggle a code on segment 4 but do not confirm; then kill -9.
    await keys('6');
    await waitFor('*[6] Civil society');
    const pid = panePid();
    process.kill(pid, 'SIGKILL');
    await waitFor(/EXIT=137/);
    expect(existsSync(path.join(dir, 'out/codings/carol.lock'))).toBe(true);

    // Restart: the stale lock is taken over, the journal compacted; resume at 4.
    tmux('kill-session', '-t', session);
    start(dir);
    s = await waitFor('4/5 · 3 confirmed');
    expect(s).toContain('resumed at the first unconfirmed segment');
    expect(s).not.toContain('*[6] Civil society'); // never confirmed, so not kept
    await keys('q');
    s = await waitFor('EXIT=0');
    expect(s).toMatch(/took over .*carol\.lock from session \d+/);

    expect(withoutColumn(readFileSync(file, 'utf8'), 'text_sha')).toBe(
      [
        'segment_id,doc_id,coder,category,code,memo',
        'news-01:p2,news-01,carol,frame,security,',
        'news-01:p2,news-01,carol,actor,government,',
        'news-02:p2,news-02,carol,frame,sovereignty,calls it an intrusion',
        'news-02:p2,news-02,carol,actor,government,',
        'official-01:p1,official-01,carol,actor,business,',
        '',
      ].join('\n'),
    );
    expect(existsSync(path.join(dir, 'out/codings/carol.journal.jsonl'))).toBe(false);
    expect(existsSync(path.join(dir, 'out/codings/carol.lock'))).toBe(false);
    tmux('kill-session', '-t', session);
  });

  it('refuses to run without a terminal, pointing to qcode import', async () => {
    const r = await runQcode(['annotate', '--coder', 'carol', '-C', FIXTURE], { cwd: FIXTURE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error QC006');
    expect(r.stderr).toContain('qcode import FILE --coder carol');
  });
});
