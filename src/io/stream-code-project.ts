import { rm, stat } from 'node:fs/promises';
import { fail } from '../core/diagnostics/qcode-error.js';
import type { Codebook, Unit } from '../core/model/codebook.js';
import { manifestEntries, type ProvenanceFacts } from './manifest.js';
import { publishOutputSet, recoverInterruptedPublications } from './output-set.js';
import type { Project } from './read-project.js';
import { corpusColumns, studyUnit } from './read-study.js';
import { streamCode, type StreamCodeResult } from './stream-code.js';
import { checkOutputTargets, resolveOutputTargets, type WriteOutputOptions } from './write-output-files.js';

/** A .jsonl or .csv corpus this large is streamed rather than read whole. */
const STREAM_FROM_BYTES = 64 << 20;

/** Whether `qcode code` streams the corpus: asked to (`--stream`), or a .jsonl/.csv corpus too large to hold. */
export async function shouldStreamCorpus(project: Pick<Project, 'corpusPath'>, asked: boolean): Promise<boolean> {
  const corpus = project.corpusPath;
  if (!corpus || !/\.(jsonl|csv)$/i.test(corpus)) return false;
  if (asked) return true;
  const info = await stat(corpus).catch(() => null);
  return info !== null && info.isFile() && info.size >= STREAM_FROM_BYTES;
}

export interface StreamCodeProjectOptions extends WriteOutputOptions {
  codebook: { codebook: Codebook; sha256: string };
  coder: string;
  /** The study flags: --unit, --id-column, --text-column. */
  flags: { unit?: Unit | undefined; idColumn?: string | undefined; textColumn?: string | undefined };
  codingsFile: string;
  evidenceFile: string;
  workers?: number | undefined;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The streamed form of writing the auto-coder's outputs: the targets and the
 * overwrite policy checked for both files first, the corpus coded straight
 * into their temp files (stream-code.ts writes as it goes, so no content
 * passes through writeOutputFiles), then both published as one set with
 * their manifest entries, as derived (output-set.ts). The corpus is never
 * held whole, so its hash is the file's bytes (details say so).
 */
export async function streamCodeProject(project: Project, options: StreamCodeProjectOptions): Promise<StreamCodeResult> {
  await recoverInterruptedPublications(project);
  const files = [options.codingsFile, options.evidenceFile];
  const targets = await resolveOutputTargets(files, options.display);
  const real = targets.map((t, i) => (t.kind === 'file' ? t.real : fail('QC007', `${options.display(files[i]!)} is not a regular file; the coder writes its coding and evidence files as files`)));
  await checkOutputTargets(project, files.map((file) => ({ file })), options);
  const unit = studyUnit(options.flags.unit, project, options.codebook.codebook);
  const result = await streamCode({
    corpusPath: project.corpusPath!,
    shownCorpus: options.display(project.corpusPath!),
    codebook: options.codebook.codebook,
    unit,
    coder: options.coder,
    columns: corpusColumns(project, options.flags),
    codingsFile: real[0]!,
    evidenceFile: real[1]!,
    drop: project.settings.drop,
    workers: options.workers,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const facts: ProvenanceFacts = {
    project,
    codebook: options.codebook.codebook,
    codebookSha256: options.codebook.sha256,
    corpusSha256: result.corpusFileSha256,
    unit,
    segmentCount: result.segments,
  };
  const details = { coder: options.coder, streamed: true, corpus_sha256_of: 'file bytes' };
  const record = { command: options.command, kind: 'derived' as const, details };
  const entries = manifestEntries(facts, [
    { file: options.codingsFile, sha256: result.codingsSha256, ...record },
    { file: options.evidenceFile, sha256: result.evidenceSha256, ...record },
  ]);
  const staged = [
    { real: real[0]!, temp: result.codingsTemp },
    { real: real[1]!, temp: result.evidenceTemp },
  ];
  try {
    await publishOutputSet(project, staged, entries);
  } catch (e) {
    for (const s of staged) await rm(s.temp, { force: true });
    throw e;
  }
  return result;
}
