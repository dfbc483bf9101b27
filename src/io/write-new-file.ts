import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';

/** Creates a file only if nothing is there yet; returns false, writing nothing, when it exists. */
export async function writeFileIfAbsent(file: string, data: string): Promise<boolean> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new QcodeError([diag('QC005', `cannot write ${file}: ${(e as Error).message}`, { at: { file } })]);
  }
}
