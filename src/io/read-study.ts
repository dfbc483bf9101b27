import type { Codebook, Unit } from '../core/model/codebook.js';
import type { Document } from '../core/model/document.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { computeCorpusHash } from '../core/corpus/compute-corpus-hash.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import { computeSegments } from '../core/segment/compute-segments.js';
import type { Segment } from '../core/model/segment.js';
import { readCodebook } from './read-codebook.js';
import { compileDropRule, dropBoilerplate } from '../core/match/drop-boilerplate.js';
import { readCorpus } from './read-corpus.js';
import type { Project } from './read-project.js';

/** Everything a command needs about a project's inputs, read and validated once. */
export interface Study {
  project: Project;
  codebook: Codebook;
  codebookSha256: string;
  corpus: Document[];
  corpusSha256: string;
  /** For a .csv/.jsonl corpus, sha256 of the file's bytes: how streamed runs identify it. */
  corpusFileSha256?: string;
  unit: Unit;
  /** The segments of the study: boilerplate (`drop:` in qcode.yaml) left out. */
  segments: Segment[];
  /** Segments left out as boilerplate. */
  dropped: number;
  /** Warnings met on the way (errors are thrown). */
  diagnostics: Diagnostic[];
}

export interface StudyOptions {
  unit?: Unit | undefined;
  idColumn?: string | undefined;
  textColumn?: string | undefined;
  /** Makes paths in messages relative to the working folder. */
  display?: (p: string) => string;
}

/** The id and text columns of a CSV/JSONL corpus: flags first, then qcode.yaml, then `id` and `text`. */
export function corpusColumns(project: Project, flags: { idColumn?: string | undefined; textColumn?: string | undefined }): ColumnNames {
  return {
    idColumn: flags.idColumn ?? project.settings.id_column ?? 'id',
    textColumn: flags.textColumn ?? project.settings.text_column ?? 'text',
  };
}

/** The language a document is segmented in: its own front matter, else the codebook's. */
export function documentLanguage(doc: Document, codebook: Codebook): string {
  return doc.metadata.language || codebook.language;
}

/** The unit of coding: the flag, else qcode.yaml's, else the codebook's. */
export function studyUnit(flag: Unit | undefined, project: Project, codebook: Codebook): Unit {
  return flag ?? project.unit ?? codebook.unit;
}

export async function readCodebookOrThrow(project: Project, display: (p: string) => string) {
  if (!project.codebookPath) throw new QcodeError([diag('QC102', 'no codebook given')]);
  const cb = await readCodebook(project.codebookPath, display(project.codebookPath));
  if (!cb.codebook) throw new QcodeError(cb.diagnostics);
  return { ...cb, codebook: cb.codebook };
}

/**
 * Reads the codebook and corpus named by the project and segments the corpus.
 * Any error in either is thrown as one QcodeError holding every diagnostic,
 * so a command never runs on half-valid input.
 */
export async function readStudy(project: Project, options: StudyOptions = {}): Promise<Study> {
  const display = options.display ?? ((p: string) => p);
  if (!project.codebookPath) throw new QcodeError([diag('QC102', 'no codebook given')]);
  if (!project.corpusPath) throw new QcodeError([diag('QC103', 'no corpus given')]);
  const [cb, corpus] = await Promise.all([
    readCodebook(project.codebookPath, display(project.codebookPath)),
    readCorpus(project.corpusPath, corpusColumns(project, options), display),
  ]);
  const diagnostics = [...project.diagnostics, ...cb.diagnostics, ...corpus.diagnostics];
  throwErrors(diagnostics);
  const codebook = cb.codebook!; // parseCodebook gives no codebook only with an error, thrown above
  const unit = studyUnit(options.unit, project, codebook);
  const all: Segment[] = [];
  // One push per segment: spreading a document of 100,000 sentences into push() overflows the stack.
  for (const doc of corpus.documents) for (const s of computeSegments(doc, unit, documentLanguage(doc, codebook))) all.push(s);
  const { kept: segments, dropped } = dropBoilerplate(all, compileDropRule(project.settings.drop));
  return {
    project,
    codebook,
    codebookSha256: cb.sha256,
    corpus: corpus.documents,
    corpusSha256: computeCorpusHash(corpus.documents),
    ...(corpus.fileSha256 ? { corpusFileSha256: corpus.fileSha256 } : {}),
    unit,
    segments,
    dropped,
    diagnostics,
  };
}
