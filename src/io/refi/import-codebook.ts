import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCodebook } from '../../core/codebook/parse-codebook.js';
import { formatCodebookYaml } from '../../core/codebook/format-codebook-yaml.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag, warn } from '../../core/diagnostics/qcode-error.js';
import type { Codebook } from '../../core/model/codebook.js';
import { codebookFromRefi } from '../../core/refi/codebook-from-refi.js';
import { slugify } from '../../core/refi/names.js';
import { fileExists } from '../file-exists.js';
import { resolveOutputTarget } from '../output-target.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { readRefiFile } from './read-refi-file.js';

/**
 * `qcode codebook import`: the codebook of a .qdc (or of a .qdpx/.qde
 * project) as qcode codebook YAML. The YAML is read back with the normal
 * codebook parser before it is returned, so what is written always loads.
 */
export async function importCodebook(file: string, shown: string): Promise<{ codebook: Codebook; yaml: string; diagnostics: Diagnostic[] }> {
  const refi = await readRefiFile(file, shown);
  const name = slugify(path.basename(file).replace(/\.[^.]+$/, '')) || 'codebook';
  const result = codebookFromRefi(refi.project, { name, title: refi.project.name }, refi.xmlShown);
  const diagnostics = [...refi.diagnostics, ...result.diagnostics];
  const codeSets = refi.project.sets.filter((s) => s.memberCodes.length > 0).length;
  if (codeSets) diagnostics.push(warn('QC807', `${codeSets} code set(s) (code groups) not imported: a qcode code belongs to one category`, { at: { file: refi.xmlShown } }));
  if (result.codebook.categories.length === 0) throw new QcodeError([...diagnostics, diag('QC811', `${shown} has no codable code`, { at: { file: shown } })]);
  const yaml = formatCodebookYaml(result.codebook, `# Imported from ${path.basename(file)}${refi.project.origin ? ` (${refi.project.origin})` : ''}.\n`);
  const check = parseCodebook(yaml, 'codebook.yaml');
  if (!check.codebook) throw new Error(`the imported codebook does not read back: ${check.diagnostics.map((d) => d.message).join('; ')}`);
  return { codebook: check.codebook, yaml, diagnostics };
}

/**
 * Writes an imported codebook: a YAML file a user goes on to edit, so an
 * existing file (maybe their codebook) is never replaced without --force.
 */
export async function writeImportedCodebook(cwd: string, output: string, yaml: string, options: { force: boolean; display: (p: string) => string }): Promise<string> {
  const target = path.resolve(cwd, output);
  // A FIFO or device takes the YAML as it comes: nothing there to keep.
  const kind = (await resolveOutputTarget(target, options.display(target)).catch(() => null))?.kind;
  if (!options.force && kind !== 'stream' && (await fileExists(target)) && (await readFile(target, 'utf8')) !== yaml) {
    throw new QcodeError([diag('QC004', `${options.display(target)} already exists`, { at: { file: options.display(target) }, hint: 'pass --force to replace it, or -o another file' })]);
  }
  await writeFileAtomic(target, yaml);
  return target;
}
