import { open, readFile, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { processAlive } from './process-alive.js';

export interface CoderLock {
  /** The pid of a killed session whose lock was taken over, if any. */
  tookOverFrom: number | undefined;
  release(): Promise<void>;
}

async function createExclusive(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new QcodeError([diag('QC005', `cannot create the lock file ${file}: ${(e as Error).message}`, { at: { file } })]);
  }
}

/**
 * Takes `<coder>.lock`, holding this process's pid, so that two sessions never
 * write one coder's file. A lock whose process is gone (a killed session) is
 * taken over; a live one is an error.
 */
export async function acquireCoderLock(file: string, display = file): Promise<CoderLock> {
  await mkdir(path.dirname(file), { recursive: true });
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createExclusive(file)) {
      return { tookOverFrom, release: () => rm(file, { force: true }) };
    }
    const text = await readFile(file, 'utf8').catch(() => '');
    const pid = Number.parseInt(text.trim(), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new QcodeError([
        diag('QC508', `${display} is held by a running session (pid ${pid})`, { at: { file: display } }),
      ]);
    }
    tookOverFrom = Number.isInteger(pid) && pid > 0 ? pid : undefined;
    await rm(file, { force: true });
  }
  throw new QcodeError([diag('QC508', `${display} was taken by another session just now`, { at: { file: display } })]);
}
