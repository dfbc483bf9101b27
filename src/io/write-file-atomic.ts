import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { resolveOutputTarget, type OutputTarget } from './output-target.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';

/** An I/O failure as a diagnostic; QcodeErrors pass through. */
export function writeFailure(e: unknown, shown: string): QcodeError {
  if (e instanceof QcodeError) return e;
  return new QcodeError([diag('QC005', `cannot write ${shown}: ${(e as Error).message}`, { at: { file: shown } })]);
}

/**
 * Writes `data` to a temp file beside `real` (its folder made if needed; temp
 * files of killed runs in it removed first), synced to disk, and returns the
 * temp file's path. The caller renames it into place, or removes it.
 */
export async function writeTempFor(real: string, data: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(real), { recursive: true });
  await removeStaleTemps(path.dirname(real));
  const tmp = tempPathFor(real);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return tmp;
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes to a FIFO or device as it is, appending (a shell's `>` to /dev/stdout must not be truncated under it). */
export async function writeToStream(file: string, data: string | Uint8Array): Promise<void> {
  await writeFile(file, data, { flag: 'a' });
}

/**
 * Writes a whole file so that readers see either the old or the new content,
 * never a torn one: a temp file in the same folder, fsync, rename. A symbolic
 * link stays a link (its target is replaced), a FIFO or device is written
 * directly, and places that are no file are refused (output-target.ts).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, shown = file): Promise<OutputTarget> {
  try {
    const target = await resolveOutputTarget(file, shown);
    if (target.kind === 'stream') await writeToStream(target.file, data);
    else {
      const tmp = await writeTempFor(target.real, data);
      await rename(tmp, target.real).catch(async (e: unknown) => {
        await rm(tmp, { force: true });
        throw e;
      });
    }
    return target;
  } catch (e) {
    throw writeFailure(e, shown);
  }
}
