import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';

/**
 * Where an output's bytes go. A `file` is replaced atomically (temp file and
 * rename) at `real`, the path with symbolic links followed, so a link stays
 * a link and its target gets the new content. A `stream` (a FIFO, a character
 * device such as /dev/null, /dev/stdout or /dev/fd/N) is written directly:
 * renaming over it would replace the device node or pipe itself.
 */
export type OutputTarget = { kind: 'file'; file: string; real: string } | { kind: 'stream'; file: string };

/** The streams an output may go to inside /dev and /proc. */
const STREAM_PATH = /^\/dev\/(null|stdout|stderr|tty|fd\/\d+)$|^\/proc\/(self|thread-self|\d+)\/fd\/\d+$/;
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];
const MAX_LINKS = 40;

function insideSystemDir(p: string): boolean {
  return SYSTEM_DIRS.some((d) => p === d || p.startsWith(`${d}/`));
}

function refuse(shown: string, why: string): never {
  throw new QcodeError([diag('QC007', `${shown} ${why}`, { at: { file: shown } })]);
}

/** The nearest existing folder at or above `dir`, refused when a file stands where a folder should be. */
async function existingAncestor(dir: string, shown: string): Promise<string> {
  let at = dir;
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e.code === 'ENOTDIR' ? 'notdir' : null));
    if (info === 'notdir') {
      at = path.dirname(at);
      continue;
    }
    if (info) {
      if (!info.isDirectory()) refuse(shown, `cannot be written: ${at} is not a folder`);
      return at;
    }
    const up = path.dirname(at);
    if (up === at) return at;
    at = up;
  }
}

/**
 * Decides how an output path is written, or refuses it (QC007): a folder, a
 * socket or block device, a path below a regular file, and anything inside
 * /proc, /sys or /dev but the streams named above.
 */
export async function resolveOutputTarget(file: string, shown = file): Promise<OutputTarget> {
  let p = path.resolve(file);
  if (STREAM_PATH.test(p)) return { kind: 'stream', file: p };
  let info = null;
  for (let hops = 0; ; hops++) {
    if (hops > MAX_LINKS) refuse(shown, 'cannot be written: too many symbolic links');
    info = await lstat(p).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? null : Promise.reject(e)));
    if (!info?.isSymbolicLink()) break;
    p = path.resolve(path.dirname(p), await readlink(p));
    if (STREAM_PATH.test(p)) return { kind: 'stream', file: p };
  }
  const folder = await existingAncestor(path.dirname(p), shown);
  // The folder with its own links followed, for the /proc, /sys and /dev rule.
  const realFolder = await realpath(folder).catch(() => folder);
  const real = path.join(realFolder, path.relative(folder, p));
  if (info?.isFIFO() || (info?.isCharacterDevice() && !insideSystemDir(real))) return { kind: 'stream', file: p };
  if (insideSystemDir(real) || insideSystemDir(p)) refuse(shown, 'is inside /proc, /sys or /dev; only /dev/null, /dev/stdout, /dev/stderr, /dev/tty and /dev/fd/N take outputs there');
  if (info?.isDirectory()) refuse(shown, 'is a folder; give a file name');
  if (info && !info.isFile()) refuse(shown, 'is not a regular file (a socket or a block device)');
  return { kind: 'file', file: path.resolve(file), real };
}
