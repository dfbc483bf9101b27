import { z } from 'zod';

/**
 * The codebook file format. The zod schemas here are the single source of the
 * Codebook types and of the JSON Schema that `qcode codebook schema` prints.
 * Descriptions double as documentation for editors.
 */

export const CODE_ID = /^[a-z0-9_-]+$/;

/** A GUID as REFI-QDA files write them: kept from an import, so codes keep their identity in the QDA tool. */
const GuidSchema = z
  .string()
  .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, 'a GUID such as 5067d381-1dc9-4816-81dd-ae1dbfea2ad7')
  .describe('GUID in REFI-QDA exchange files; when absent, exports derive one from the id.');

export const CodeSchema = z
  .strictObject({
    id: z.string().regex(CODE_ID, 'ids use only a-z, 0-9, _ and -').describe('Unique across the codebook; used in coding files.'),
    label: z.string().min(1).describe('Short human name shown to coders.'),
    guid: GuidSchema.optional(),
    definition: z.string().default('').describe('What the code means: when a segment gets it.'),
    include: z.array(z.string()).default([]).describe('Rules: what counts.'),
    exclude: z.array(z.string()).default([]).describe('Rules: what does not count.'),
    examples: z.array(z.string()).default([]).describe('Short quotes that get the code.'),
    counterexamples: z.array(z.string()).default([]).describe('Short quotes that look alike but do not get it.'),
    patterns: z
      .array(z.string().min(1))
      .default([])
      .describe('Dictionary terms for the auto-coder: words, phrases, * wildcards, or /regex/flags.'),
    color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/, 'colours are written #RRGGBB')
      .optional()
      .describe('Display colour, #RRGGBB.'),
  })
  .describe('A code: one idea a coder can apply to a segment.');

export const CategorySchema = z
  .strictObject({
    id: z.string().regex(CODE_ID, 'ids use only a-z, 0-9, _ and -'),
    label: z.string().min(1),
    guid: GuidSchema.optional(),
    description: z.string().default(''),
    exclusive: z.boolean().default(false).describe('true: at most one of its codes per segment.'),
    codes: z.array(CodeSchema).min(1, 'a category needs at least one code'),
  })
  .describe('A group of codes.');

export const UnitSchema = z.enum(['document', 'paragraph', 'sentence']);
export type Unit = z.infer<typeof UnitSchema>;

export const CodebookSchema = z
  .strictObject({
    name: z.string().regex(CODE_ID, 'names use only a-z, 0-9, _ and -').describe('Machine name of the codebook.'),
    version: z
      .string()
      .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'versions are semver, e.g. 1.0.0')
      .describe('Semantic version; bump it when codes change.'),
    title: z.string().default(''),
    description: z.string().default(''),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as en or es-MX')
      .default('en')
      .describe('Default language of the corpus (BCP 47).'),
    unit: UnitSchema.default('sentence').describe('Default unit of coding.'),
    categories: z.array(CategorySchema).min(1, 'a codebook needs at least one category'),
  })
  .describe('A qcode codebook.');

export type Code = z.infer<typeof CodeSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Codebook = z.infer<typeof CodebookSchema>;

/** A code with the category it belongs to, in codebook order. */
export interface CodeRef {
  code: Code;
  category: Category;
  /** Position in codebook order (category order, then code order). */
  order: number;
}

export function listCodes(codebook: Codebook): CodeRef[] {
  const refs: CodeRef[] = [];
  for (const category of codebook.categories) {
    for (const code of category.codes) refs.push({ code, category, order: refs.length });
  }
  return refs;
}
