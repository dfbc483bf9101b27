import type { CodeTable } from '../code-table.js';

/** QC1xx: the project file qcode.yaml. */
export const projectCodes = {
  QC101: {
    title: 'invalid project file',
    description: 'qcode.yaml has an unknown key or a value of the wrong kind.',
    hint: 'qcode.yaml takes codebook, corpus, unit, out and coder; see the README section "qcode.yaml".',
  },
  QC102: {
    title: 'no codebook configured',
    description: 'No codebook was given with --codebook and qcode.yaml names none.',
    hint: 'Pass --codebook FILE, or run qcode init to create a project.',
  },
  QC103: {
    title: 'no corpus configured',
    description: 'No corpus was given with --corpus and qcode.yaml names none.',
    hint: 'Pass --corpus PATH (a folder of .txt/.md files, a .csv or a .jsonl), or set corpus: in qcode.yaml.',
  },
  QC104: {
    title: 'YAML syntax error',
    description: 'A YAML file (project file, codebook or front matter) is not well-formed YAML.',
    hint: 'Check indentation and quoting at the position shown; values with a colon need quotes.',
  },
} as const satisfies CodeTable;
