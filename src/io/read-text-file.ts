import { readFile } from 'node:fs/promises';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { findInvalidUtf8 } from '../core/corpus/normalize-text.js';

/** Reads bytes, turning a missing or unreadable file into a diagnostic. */
export async function readBytes(file: string, display = file): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new QcodeError([diag('QC002', `${display} does not exist`, { at: { file: display } })]);
    throw new QcodeError([diag('QC003', `cannot read ${display}: ${(e as Error).message}`, { at: { file: display } })]);
  }
}

/** Decodes UTF-8 strictly: invalid bytes are an error naming the byte offset. */
export function decodeUtf8(bytes: Uint8Array, display: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = findInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    throw new QcodeError([
      diag('QC302', `${display} is not valid UTF-8: byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at byte offset ${offset}`, { at: {
        file: display,
        line,
      } }),
    ]);
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export async function readTextFile(file: string, display = file): Promise<string> {
  return decodeUtf8(await readBytes(file, display), display);
}
