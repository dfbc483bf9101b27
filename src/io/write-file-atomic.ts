import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';

/**
 * Writes a whole file so that readers see either the old or the new content,
 * never a torn one: write a temp file in the same folder, fsync, rename.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.qcode-tmp-${path.basename(file)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    if (e instanceof QcodeError) throw e;
    throw new QcodeError([diag('QC005', `cannot write ${file}: ${(e as Error).message}`, { at: { file } })]);
  }
}
