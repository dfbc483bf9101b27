import type { CodeTable } from '../catalogue.js';

/** QC4xx: coding files, import, the auto-coder and evaluation. */
export const codingCodes: CodeTable = {
  // QC450–QC459: the dictionary auto-coder (`qcode code`).
  QC450: {
    title: 'unusable pattern',
    description:
      'A dictionary pattern holds characters that can never be part of a token (punctuation, brackets, quotes), a misplaced hyphen or apostrophe, or only wildcards.',
    hint: 'Patterns are words or phrases of letters, digits, in-word hyphens and apostrophes, with * wildcards; write anything else as a /regex/flags pattern.',
  },
  QC451: {
    title: 'invalid regex pattern',
    description: 'A /regex/flags pattern does not compile as a JavaScript regular expression.',
    hint: 'Check the regular expression syntax and the flags (d, i, m, s, u, v).',
  },
  QC452: {
    title: 'unreadable corpus row while coding',
    description: 'A row of a streamed .jsonl or .csv corpus could not be read as a document (bad JSON, no id or text).',
    hint: 'Run `qcode validate` on the corpus to see every problem with its position.',
  },
};
