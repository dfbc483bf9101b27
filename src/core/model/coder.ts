import { z } from 'zod';

/**
 * A coder's name becomes a file name (`<out>/codings/<coder>.csv`), so it is
 * kept to letters, digits, `_`, `.` and `-`, starting with a letter or digit.
 */
export const CoderNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'coder names use letters, digits, _, . and - (e.g. alice, coder-2)');

/** `--coders a,b`: exactly two different names. */
export const CoderPairSchema = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.tuple([CoderNameSchema, CoderNameSchema], { error: 'name exactly two coders, e.g. alice,bob' }))
  .refine(([a, b]) => a !== b, 'name two different coders');
