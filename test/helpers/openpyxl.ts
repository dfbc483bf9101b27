import { spawnSync } from 'node:child_process';

/**
 * A Python with openpyxl (Debian: python3-openpyxl), to fill in and read
 * workbooks as a script or another tool would. Debian's /usr/bin/python3
 * first: a python3 earlier on PATH (pyenv) may lack the Debian package.
 */
export const OPENPYXL_PYTHON = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl']).status === 0);
export const OPENPYXL_SKIP = OPENPYXL_PYTHON ? '' : ' (skipped: needs openpyxl (apt-get install python3-openpyxl))';

/** Runs a Python script with openpyxl; its stdout, or a thrown error with its stderr. */
export function runPython(script: string, cwd: string): string {
  const r = spawnSync(OPENPYXL_PYTHON!, ['-c', script], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}
