import { z } from 'zod';
import { UnitSchema } from '../model/codebook.js';
import { CoderNameSchema } from '../model/coder.js';

/** qcode.yaml: where a project's files are, and defaults for every command. */
export const ProjectFileSchema = z
  .strictObject({
    codebook: z.string().min(1).optional().describe('Path to the codebook YAML, relative to the project folder.'),
    corpus: z.string().min(1).optional().describe('A folder of .txt/.md documents, a .csv or a .jsonl file.'),
    unit: UnitSchema.optional().describe("Unit of coding: document, paragraph or sentence (default: the codebook's)."),
    out: z.string().min(1).default('out').describe('Folder for outputs.'),
    coder: CoderNameSchema.optional().describe('Default coder for analysis commands.'),
    id_column: z.string().min(1).optional().describe('CSV/JSONL corpus: the column holding document ids (default id).'),
    text_column: z.string().min(1).optional().describe('CSV/JSONL corpus: the column holding the text (default text).'),
    drop: z
      .array(z.string().min(1))
      .optional()
      .describe("Boilerplate: patterns (the codebook's syntax) whose matching segments are left out of the study, e.g. a news agency's sign-off."),
  })
  .describe('The qcode project file.');

export type ProjectFile = z.infer<typeof ProjectFileSchema>;
