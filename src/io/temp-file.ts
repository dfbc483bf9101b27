import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from './process-alive.js';

const PREFIX = '.qcode-tmp-';

/**
 * A temporary file beside `target`, named `.qcode-tmp-<pid>-<random>[-<tag>]-<name>`:
 * in the same folder so a rename onto the target is atomic, hidden, and
 * carrying the pid of the process writing it, so a later run can tell a
 * temp file of a killed run (its process gone) from one still being written.
 */
export function tempPathFor(target: string, tag = ''): string {
  return path.join(path.dirname(target), `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}${tag ? `-${tag}` : ''}-${path.basename(target)}`);
}

/**
 * The pid in a temp file's name: `.qcode-tmp-<pid>-…`, or the names of
 * earlier versions, `.qcode-tmp-<name>-<pid>-<hex>` and `.qcode-tmp-<name>-<pid>[-part<k>]`.
 */
export function tempFileOwner(name: string): number | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const m = /^\.qcode-tmp-(\d+)-[0-9a-f]{8}-/.exec(name) ?? /-(\d+)-[0-9a-f]{8}$/.exec(name) ?? /-(\d+)(?:-part\d+)?$/.exec(name);
  const pid = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Removes the temp files in `dir` left by runs that were killed (their
 * process is gone), so an interrupted run leaves debris only until the next
 * run writes to the same folder. Returns the names removed.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined || pid === process.pid || processAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true, recursive: false }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
