import { documentIdPathProblem } from '../../core/model/document.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Unit } from '../../core/model/codebook.js';
import { formatImportedProject } from '../../core/refi/format-imported-project.js';
import { importRefiProject, type ImportedProject } from '../../core/refi/import-refi-project.js';
import { slugify } from '../../core/refi/names.js';
import type { PositionUnit } from '../../core/refi/position-map.js';
import { recordOutputs } from '../manifest.js';
import { readProject } from '../read-project.js';
import { documentLanguage } from '../read-study.js';
import { computeCorpusHash } from '../../core/corpus/compute-corpus-hash.js';
import { computeSegments } from '../../core/segment/compute-segments.js';
import { computeSha256 } from '../../core/util/hash.js';
import { spanPath } from '../span-file.js';
import { checkImportedProject } from '../../core/refi/check-imported-project.js';
import { writeFileIfAbsent } from '../write-new-file.js';
import { readRefiFile, readSourceTexts } from './read-refi-file.js';

export interface ImportRefiOptions {
  file: string;
  target: string;
  positions?: PositionUnit | undefined;
  sources?: string | undefined;
  unit: Unit;
  command: string;
  display: (p: string) => string;
}

export interface ImportRefiResult {
  imported: ImportedProject;
  written: string[];
  diagnostics: Diagnostic[];
}

/** What in a folder makes it a qcode project that init must not touch. */
const PROJECT_ENTRIES = ['qcode.yaml', 'codebook.yaml', 'corpus', 'out'];

/**
 * `qcode init --from`: reads a REFI-QDA project, makes a qcode project of it
 * in `target` (never over an existing one), reads the new project back as
 * every command will, checks every span file against it, and records the
 * span files in the manifest. Nothing is written when the import has errors.
 */
export async function importRefi(options: ImportRefiOptions): Promise<ImportRefiResult> {
  const shown = options.display(options.file);
  const refi = await readRefiFile(options.file, shown);
  const texts = await readSourceTexts(refi, options.file, options.sources);
  const name = slugify(path.basename(options.file).replace(/\.[^.]+$/, '')) || 'imported';
  if (refi.project.kind === 'codebook') {
    throw new QcodeError([diag('QC801', `${shown} is a REFI-QDA codebook, not a project`, { at: { file: shown }, hint: 'Import it with qcode codebook import FILE.qdc, or export the whole project (.qdpx) from the QDA tool.' })]);
  }
  const imported = importRefiProject(refi.project, texts, { file: refi.xmlShown, name, title: refi.project.name, positions: options.positions, unit: options.unit });
  const diagnostics = [...refi.diagnostics, ...imported.diagnostics];
  if (imported.documents.length === 0) {
    const p = refi.project;
    const read = `${p.users.length} user(s), ${imported.report.refiCodes} code(s), ${p.sets.length} set(s), ${p.cases.length} case(s)`;
    throw new QcodeError([...diagnostics, diag('QC811', `none of the ${p.textSources.length} text source(s) of ${shown} has any text (not found, or empty), so there is no corpus to make (read: ${read})`, { at: { file: shown } })]);
  }
  if (imported.codebook.categories.length === 0) {
    throw new QcodeError([...diagnostics, diag('QC811', `${shown} has no codable code`, { at: { file: shown } })]);
  }
  const present = new Set(await readdir(options.target).catch(() => [] as string[]));
  const clash = PROJECT_ENTRIES.filter((e) => present.has(e));
  if (clash.length) {
    throw new QcodeError([diag('QC810', `${options.display(options.target) || '.'} already holds ${clash.join(', ')}; init --from never overwrites a project`, { at: { file: options.display(options.target) || '.' } })]);
  }
  const files = formatImportedProject(imported, path.basename(options.file), options.unit);
  const check = checkImportedProject(files);
  if (check.diagnostics.length || !check.codebook) {
    throw new Error(`the imported project does not read back: ${check.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  // Ids and coder names become file names here; they are made safe when imported (names.ts), and checked again before any path is built.
  const unsafe = files.find((f) => f.path.split('/').some((segment) => documentIdPathProblem(segment) !== undefined));
  if (unsafe) throw new Error(`an imported file name is not safe: ${JSON.stringify(unsafe.path)}`);
  const written: string[] = [];
  for (const f of files) {
    if (!(await writeFileIfAbsent(path.join(options.target, f.path), f.content))) {
      throw new QcodeError([diag('QC810', `${f.path} appeared in the target folder while importing; stopped`, { at: { file: f.path } })]);
    }
    written.push(f.path);
  }
  // The manifest's facts from what was just checked, as readStudy would compute them from the files.
  const project = await readProject(options.target, {}, options.display);
  const codebook = check.codebook;
  const facts = {
    project,
    codebook,
    codebookSha256: computeSha256(files.find((f) => f.path === 'codebook.yaml')!.content),
    corpusSha256: computeCorpusHash(check.documents),
    unit: options.unit,
    segmentCount: check.documents.reduce((n, d) => n + computeSegments(d, options.unit, documentLanguage(d, codebook)).length, 0),
  };
  const records = imported.coders.map((coder) => ({
      file: spanPath(project, coder.coder),
      command: options.command,
      content: files.find((f) => f.path === `out/codings/spans/${coder.coder}.csv`)!.content,
      // The codings as the coder made them in the QDA tool: never replaced without --force.
      kind: 'work' as const,
      details: { coder: coder.coder, from: path.basename(options.file), user: coder.user?.name ?? null, positions: imported.report.positions.unit },
  }));
  await recordOutputs(facts, records);
  return { imported, written, diagnostics };
}
