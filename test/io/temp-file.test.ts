import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, tempFileOwner, tempPathFor } from '../../src/io/temp-file.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('temp files', () => {
  it('carry the pid of the process writing them, in this and earlier versions\' names', () => {
    expect(tempFileOwner(path.basename(tempPathFor('/x/out/auto.csv')))).toBe(process.pid);
    expect(tempFileOwner(path.basename(tempPathFor('/x/out/auto-2024.csv', 'part3')))).toBe(process.pid);
    expect(tempFileOwner('.qcode-tmp-auto.csv-4242-0a1b2c3d')).toBe(4242);
    expect(tempFileOwner('.qcode-tmp-auto.matches.csv-4242')).toBe(4242);
    expect(tempFileOwner('.qcode-tmp-auto.csv-4242-part2')).toBe(4242);
    expect(tempFileOwner('auto.csv')).toBeUndefined();
  });

  it("removes a killed run's temp files and keeps a running one's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-tmp-'));
    const dead = deadPid();
    const stale = [`.qcode-tmp-${dead}-0a1b2c3d-auto.csv`, `.qcode-tmp-auto.csv-${dead}`];
    const mine = path.basename(tempPathFor(path.join(dir, 'auto.csv')));
    const live = `.qcode-tmp-1-0a1b2c3d-auto.csv`; // pid 1 is always running
    for (const f of [...stale, mine, live, 'auto.csv']) writeFileSync(path.join(dir, f), 'x');
    expect((await removeStaleTemps(dir)).sort()).toEqual([...stale].sort());
    for (const f of [mine, live, 'auto.csv']) expect(existsSync(path.join(dir, f)), f).toBe(true);
  });
});
