import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Codebook } from '../core/model/codebook.js';
import type { Coding } from '../core/model/coding.js';
import { parseCodingCsv, parseCodingJsonl, type LocatedCoding } from '../core/coding/parse-coding-file.js';
import { sortCodings } from '../core/coding/sort-codings.js';
import { validateCodings } from '../core/coding/validate-codings.js';
import { rebaseHint } from '../core/coding/anchor-codings.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { CoderNameSchema } from '../core/model/coder.js';
import { QcodeError, diag, warn } from '../core/diagnostics/qcode-error.js';
import type { Segment } from '../core/model/segment.js';
import { fileExists } from './file-exists.js';
import { manifestKey, readManifest } from './manifest.js';
import { checkOutputSet } from './output-set.js';
import type { Project } from './read-project.js';
import type { Study } from './read-study.js';
import { readTextFile } from './read-text-file.js';
import { appendAll } from '../core/util/bulk-array.js';

export const CODINGS_DIR = 'codings';

/**
 * A coder name about to become a file name, checked by the one rule
 * (CoderNameSchema). Options and qcode.yaml check names already; this keeps
 * any other caller from building a path out of a bad one.
 */
export function checkedCoderName(coder: string): string {
  const checked = CoderNameSchema.safeParse(coder);
  if (!checked.success) throw new QcodeError([diag('QC001', `coder name ${JSON.stringify(coder)}: ${checked.error.issues[0]!.message}`)]);
  return coder;
}

/** `codings/<coder>.csv`: where a coder's canonical coding file lives, below the out folder. */
export function codingFileName(coder: string): string {
  return path.join(CODINGS_DIR, `${checkedCoderName(coder)}.csv`);
}

export function codingPath(project: Pick<Project, 'outDir'>, coder: string): string {
  return path.join(project.outDir, codingFileName(coder));
}

/** Coders with a coding file (`<out>/codings/<coder>.csv` or `.jsonl`): evidence, orphans and journals aside. */
export async function listCodingCoders(outDir: string): Promise<string[]> {
  const names = await readdir(path.join(outDir, CODINGS_DIR)).catch(() => [] as string[]);
  const coders = names
    .filter((n) => /\.(csv|jsonl)$/.test(n) && !/\.(matches|orphans|journal)\.(csv|jsonl)$/.test(n) && !n.startsWith('.'))
    .map((n) => n.replace(/\.(csv|jsonl)$/, ''));
  return [...new Set(coders)].sort();
}

/** `codings/<coder>.orphans.csv`: the codings `rebase` could not place, beside the coder's file. */
export function orphansPath(codingFile: string): string {
  return codingFile.replace(/\.(csv|jsonl)$/i, '') + '.orphans.csv';
}

/** The coder a coding file given by path belongs to: its name without extension. */
export function coderOfFile(file: string): string {
  return path.basename(file).replace(/\.(csv|jsonl)$/i, '');
}

export interface ReadCodingOptions {
  codebook: Codebook;
  segments: readonly Segment[];
  /** The coder the file belongs to; default: the file name without extension. */
  coder?: string;
  /** For the provenance check against the manifest. */
  study?: Study;
  display?: (p: string) => string;
}

/**
 * Reads and validates a coding file (.csv, or .jsonl by extension). Returns
 * every diagnostic; the caller decides whether errors stop it.
 */
export async function readCodingFile(file: string, options: ReadCodingOptions): Promise<{ codings: Coding[]; diagnostics: Diagnostic[] }> {
  const { shown, coder, fix } = await openCodingFile(file, options);
  const parsed = await readCodingRows(file, coder, shown);
  const checked = validateCodings(parsed.rows, options.codebook, options.segments, coder, { fix });
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics];
  if (options.study) appendAll(diagnostics, await checkCodingFileOrigin(file, options.study, options.display));
  return { codings: sortCodings(checked.codings, options.codebook, options.segments), diagnostics };
}

/**
 * What every reader of a coding file settles first: the file exists (QC412),
 * whose it is, how it is named in messages and the fix its anchor errors name.
 */
export async function openCodingFile(file: string, options: { coder?: string | undefined; display?: ((p: string) => string) | undefined }): Promise<{ shown: string; coder: string; fix: string }> {
  const shown = options.display ? options.display(file) : file;
  if (!(await fileExists(file))) {
    throw new QcodeError([diag('QC412', `no coding file ${shown}`, { at: { file: shown } })]);
  }
  // A shard's part (<coder>.part-K-of-N) holds rows of its coder: freq and agree read a part like any coding file.
  const coder = (options.coder ?? coderOfFile(file)).replace(/\.part-\d+-of-\d+$/, '');
  const fix = rebaseHint(coder, options.display ? options.display(orphansPath(file)) : orphansPath(file));
  return { shown, coder, fix };
}

/** The inputs a coding file is checked against: a Study, or a compact one. */
export type CodingFileStudy = Pick<Study, 'project' | 'codebookSha256' | 'corpusSha256' | 'corpusFileSha256' | 'unit'>;

/** The checks of where a coding file came from: its output set is whole (QC008), and it was made from this codebook, corpus and unit (QC410). */
export async function checkCodingFileOrigin(file: string, study: CodingFileStudy, display: ((p: string) => string) | undefined): Promise<Diagnostic[]> {
  const shown = display ? display(file) : file;
  return [...(await checkOutputSet(study.project, file, display ?? ((p) => p))), ...(await checkProvenance(file, shown, study))];
}

/** A coding file's rows as written, parsed but not checked against the segments (rebase places them first). */
export async function readCodingRows(file: string, coder: string, shown: string): Promise<{ rows: LocatedCoding[]; diagnostics: Diagnostic[] }> {
  const text = await readTextFile(file, shown);
  return file.toLowerCase().endsWith('.jsonl') ? parseCodingJsonl(text, shown, coder) : parseCodingCsv(text, shown, coder);
}

async function checkProvenance(file: string, shown: string, study: CodingFileStudy): Promise<Diagnostic[]> {
  const entry = (await readManifest(study.project.outDir)).outputs[manifestKey(study, file)];
  if (!entry) return [];
  const out: Diagnostic[] = [];
  if (entry.codebook.sha256 !== study.codebookSha256) {
    out.push(
      warn('QC410', `${shown} was made with codebook ${entry.codebook.name} ${entry.codebook.version} (a different file from the current one)`, { at: {
        file: shown,
      } }),
    );
  }
  // Earlier streamed runs hashed the corpus file's bytes; a shard's part hashes only its own documents (merge checks the set).
  const current = entry.details?.corpus_sha256_of === 'file bytes' ? study.corpusFileSha256 : study.corpusSha256;
  if (entry.corpus_sha256 !== current && entry.details?.shard === undefined) out.push(warn('QC410', `${shown} was made from a different corpus`, { at: { file: shown } }));
  if (entry.unit !== study.unit) out.push(warn('QC410', `${shown} was made at unit '${entry.unit}', the project now uses '${study.unit}'`, { at: { file: shown } }));
  return out;
}
