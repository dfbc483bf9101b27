import path from 'node:path';
import type { Unit } from '../core/model/codebook.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import { hasErrors, type Diagnostic } from '../core/diagnostics/diagnostic.js';
import { ProjectFileSchema, type ProjectFile } from '../core/project/project-schema.js';
import { formatSchemaIssues } from '../core/util/zod-diagnostics.js';
import { parseYamlSource } from '../core/util/parse-yaml-source.js';
import { fileExists } from './file-exists.js';
import { checkDropPatterns } from '../core/match/drop-boilerplate.js';
import { readTextFile } from './read-text-file.js';
import { appendAll } from '../core/util/bulk-array.js';

export const PROJECT_FILE = 'qcode.yaml';

/** A project: qcode.yaml (if any) resolved against its folder, with flag overrides applied. */
export interface Project {
  root: string;
  /** Absolute path of qcode.yaml, or null when the folder has none. */
  file: string | null;
  codebookPath: string | null;
  corpusPath: string | null;
  unit: Unit | undefined;
  outDir: string;
  settings: ProjectFile;
  /** Warnings found in qcode.yaml. */
  diagnostics: Diagnostic[];
}

export interface ProjectOverrides {
  codebook?: string | undefined;
  corpus?: string | undefined;
  unit?: Unit | undefined;
  out?: string | undefined;
  /** Folder that flag paths are relative to (the working folder). */
  cwd?: string | undefined;
}

/**
 * Reads `<root>/qcode.yaml` when present. Paths in it are relative to the
 * project folder; paths given as flags are relative to the working folder.
 */
export async function readProject(root: string, overrides: ProjectOverrides = {}, display = (p: string) => p): Promise<Project> {
  const file = path.join(root, PROJECT_FILE);
  let settings: ProjectFile = { out: 'out' };
  let diagnostics: Diagnostic[] = [];
  const hasFile = await fileExists(file);
  if (hasFile) {
    const shown = display(file);
    const yaml = parseYamlSource(await readTextFile(file, shown), shown);
    diagnostics = yaml.diagnostics;
    if (!hasErrors(diagnostics)) {
      const value = yaml.value ?? {};
      const parsed = ProjectFileSchema.safeParse(value);
      if (parsed.success) {
        settings = parsed.data;
        appendAll(diagnostics, checkDropPatterns(settings.drop ?? [], (i) => yaml.locate(['drop', i])));
      }
      else appendAll(diagnostics, formatSchemaIssues(parsed.error.issues, yaml, ProjectFileSchema, { unknownKey: 'QC101', missing: 'QC101', invalid: 'QC101' }));
    }
    throwErrors(diagnostics);
  } else if (!(await fileExists(root))) {
    throw new QcodeError([diag('QC002', `project folder ${display(root)} does not exist`, { at: { file: display(root) } })]);
  }
  const cwd = overrides.cwd ?? root;
  const pick = (flag: string | undefined, setting: string | undefined) =>
    flag !== undefined ? path.resolve(cwd, flag) : setting !== undefined ? path.resolve(root, setting) : null;
  return {
    root,
    file: hasFile ? file : null,
    codebookPath: pick(overrides.codebook, settings.codebook),
    corpusPath: pick(overrides.corpus, settings.corpus),
    unit: overrides.unit ?? settings.unit,
    outDir: pick(overrides.out, settings.out) ?? path.join(root, 'out'),
    settings,
    diagnostics,
  };
}
