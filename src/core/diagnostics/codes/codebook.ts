import type { CodeTable } from '../code-table.js';

/** QC2xx: codebooks. */
export const codebookCodes = {
  QC201: {
    title: 'unknown codebook key',
    description: 'The codebook has a key the format does not define (often a typo).',
    hint: 'Fix the spelling or remove the key; `qcode codebook schema` prints every allowed key.',
  },
  QC202: {
    title: 'missing codebook key',
    description: 'A required key (name, version, categories; a category or code id, label) is absent.',
    hint: 'Add the key; `qcode codebook schema` lists what each level needs.',
  },
  QC203: {
    title: 'invalid codebook value',
    description: 'A codebook value has the wrong type or format (a version that is not semver, an id with capitals, a colour not #RRGGBB).',
    hint: 'Ids use a-z, 0-9, _ and -; versions are semver such as 1.0.0; colours are #RRGGBB.',
  },
  QC204: {
    title: 'duplicate code id',
    description: 'Two codes share an id; ids must be unique across the whole codebook.',
    hint: 'Rename one of them; coding files refer to codes by id alone.',
  },
  QC205: {
    title: 'duplicate category id',
    description: 'Two categories share an id.',
    hint: 'Rename one of the categories.',
  },
  QC206: {
    title: 'pattern under two codes',
    description: 'The same dictionary pattern is listed under two codes, so every match gives both.',
    hint: 'Keep the pattern under the code it best indicates, or make it more specific.',
  },
  QC207: {
    title: 'invalid regular expression',
    description: 'A /regex/flags pattern is empty (//), has a flag qcode does not allow, or does not compile as a JavaScript regular expression.',
    hint: 'Check the pattern in JavaScript syntax; allowed flags are i, m, s, u, v (qcode adds g itself).',
  },
  QC208: {
    title: 'regular expression can backtrack catastrophically',
    description: 'A /regex/ pattern nests quantifiers (such as (a+)+), which can take exponential time on some texts.',
    hint: 'Remove the nested repetition, e.g. write (ab)+ rather than (a+b?)+, or use word patterns with * wildcards.',
  },
  QC209: {
    title: 'empty definition',
    description: 'A code has no definition, so coders cannot apply it consistently.',
    hint: 'Write what the code means and when a segment gets it.',
  },
  QC210: {
    title: 'invalid pattern',
    description:
      'A dictionary pattern holds characters that can never be part of a token (punctuation, brackets, quotes), a misplaced hyphen or apostrophe, or only wildcards.',
    hint: 'Patterns are words or phrases of letters, digits, in-word hyphens and apostrophes, with * wildcards; write anything else as a /regex/flags pattern.',
  },
  QC211: {
    title: 'codebook is not a mapping',
    description: 'The codebook file is empty or its top level is not a YAML mapping.',
    hint: 'A codebook starts with keys such as name:, version: and categories:.',
  },
} as const satisfies CodeTable;
