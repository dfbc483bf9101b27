import { z } from 'zod';
import type { Coding } from './coding.js';

/** One coder's codings, as the commands comparing coders take them. */
export interface CoderCodings {
  coder: string;
  codings: readonly Coding[];
}

/**
 * A coder's name becomes a file name (`<out>/codings/<coder>.csv`, with the
 * journal and lock beside it), so it is kept to letters, digits, `_`, `.` and
 * `-`, starting with a letter or digit: no `/`, `..`, NUL or line break can
 * reach a path. `.matches` is the auto-coder's evidence file beside a coding
 * file, `.orphans` the codings `rebase` could not place, `.journal` an
 * annotation session's journal, so no name may end in them.
 */
export const CoderNameSchema = z
  .string()
  .max(100, 'coder names are at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'coder names use letters, digits, _, . and - (e.g. alice, coder-2)')
  .refine((name) => !/\.(matches|orphans|journal)$/i.test(name), 'a coder name may not end in .matches, .orphans or .journal (names of files beside a coding file)');

const splitList = (s: string) => s.split(',').map((x) => x.trim());

/** `--coders a,b,...`: any number of names (commands say how many they need). */
export const CoderListSchema = z.string().transform(splitList).pipe(z.array(CoderNameSchema));

/** `--coders a,b`: exactly two different names. */
export const CoderPairSchema = z
  .string()
  .transform(splitList)
  .pipe(z.tuple([CoderNameSchema, CoderNameSchema], { error: 'name exactly two coders, e.g. alice,bob' }))
  .refine(([a, b]) => a !== b, 'name two different coders');
