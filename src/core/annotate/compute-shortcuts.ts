import type { CodeRef } from '../model/codebook.js';

/** Keys the annotation screen uses for commands, never given to a code. */
export const COMMAND_KEYS = 'bmqs?<>+-';

/**
 * One-key shortcuts for codes in codebook order: 1–9, then the lower-case
 * letters, then the upper-case ones, skipping the command keys (b back,
 * m memo, q quit, s skip). Codes beyond those 57 keys have none and are
 * reached with the arrow keys.
 */
export function computeShortcuts(codes: readonly CodeRef[]): Map<string, string> {
  const pool = [
    ...'123456789',
    ...'abcdefghijklmnopqrstuvwxyz',
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ].filter((k) => !COMMAND_KEYS.includes(k));
  const byCode = new Map<string, string>();
  codes.forEach((r, i) => {
    const key = pool[i];
    if (key) byCode.set(r.code.id, key);
  });
  return byCode;
}
