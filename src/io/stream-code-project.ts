import { rm } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { fail } from '../core/diagnostics/qcode-error.js';
import type { Codebook, Unit } from '../core/model/codebook.js';
import { manifestEntries, type OutputRecord, type ProvenanceFacts } from './manifest.js';
import { publishOutputSet, recoverInterruptedPublications, type StagedFile } from './output-set.js';
import type { Project } from './read-project.js';
import { corpusColumns, studyUnit } from './read-study.js';
import { streamCode, type StreamCodeResult } from './stream-code.js';
import { writeShardIndex } from './shard-index.js';
import { checkOutputTargets, resolveOutputTargets, type WriteOutputOptions } from './write-output-files.js';

export interface StreamCodeProjectOptions extends WriteOutputOptions {
  codebook: { codebook: Codebook; sha256: string };
  coder: string;
  /** The study flags: --unit, --id-column, --text-column. */
  flags: { unit?: Unit | undefined; idColumn?: string | undefined; textColumn?: string | undefined };
  /** The corpus path, or `-` for standard input. */
  corpus: string;
  /** The coding file, or `-` for standard output. */
  codingsFile: string;
  /** The evidence file; null: not written. */
  evidenceFile: string | null;
  /** The shard index file for a sharded run. */
  indexFile: string | null;
  shard?: { k: number; n: number } | undefined;
  workers?: number | undefined;
  onProgress?: (done: number, total: number) => void;
  stdin?: Readable;
  stdout?: Writable;
}

/**
 * Writes the auto-coder's outputs: the targets and the overwrite policy
 * checked for every file first, the corpus coded straight into their temp
 * files (stream-code.ts writes as it goes, so no content passes through
 * writeOutputFiles), then all published as one set with their manifest
 * entries, as derived (output-set.ts), with the corpus hash over the
 * normalised documents (for a shard, over its own documents; its index says
 * which). Coding rows for stdout (`-o -`) are written as they come.
 */
export async function streamCodeProject(project: Project, options: StreamCodeProjectOptions): Promise<StreamCodeResult> {
  await recoverInterruptedPublications(project);
  const files = [options.codingsFile, options.evidenceFile, options.indexFile].filter((f): f is string => f !== null && f !== '-');
  const targets = await resolveOutputTargets(files, options.display);
  const real = new Map(
    targets.map((t, i) => [files[i]!, t.kind === 'file' ? t.real : fail('QC007', `${options.display(files[i]!)} is not a regular file; the coder writes its files as files`)]),
  );
  await checkOutputTargets(project, files.map((file) => ({ file })), options);
  const unit = studyUnit(options.flags.unit, project, options.codebook.codebook);
  const result = await streamCode({
    file: options.corpus,
    shownFile: options.corpus === '-' ? 'stdin' : options.display(options.corpus),
    codebook: options.codebook.codebook,
    unit,
    coder: options.coder,
    columns: corpusColumns(project, options.flags),
    jsonlCodings: options.codingsFile.toLowerCase().endsWith('.jsonl'),
    ...(options.shard ? { shard: options.shard } : {}),
    codingsFile: real.get(options.codingsFile) ?? options.codingsFile,
    evidenceFile: options.evidenceFile === null ? null : real.get(options.evidenceFile)!,
    drop: project.settings.drop,
    workers: options.workers,
    display: options.display,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.stdout ? { stdout: options.stdout } : {}),
  });
  const facts: ProvenanceFacts = {
    project,
    codebook: options.codebook.codebook,
    codebookSha256: options.codebook.sha256,
    corpusSha256: result.corpusSha256,
    unit,
    segmentCount: result.segments,
  };
  const shard = options.shard ? { shard: `${options.shard.k}/${options.shard.n}` } : {};
  const record = { command: options.command, kind: 'derived' as const, details: { coder: options.coder, ...shard } };
  const records: OutputRecord[] = [];
  const staged: StagedFile[] = [];
  const stage = (file: string, temp: string, sha256: string) => {
    records.push({ file, sha256, ...record });
    staged.push({ real: real.get(file)!, temp });
  };
  if (options.codingsFile !== '-') stage(options.codingsFile, result.codingsTemp, result.codingsSha256);
  if (options.evidenceFile) stage(options.evidenceFile, result.evidenceTemp, result.evidenceSha256);
  if (options.indexFile && result.shardIndex) {
    const index = await writeShardIndex(real.get(options.indexFile)!, result.shardIndex, {
      k: options.shard!.k,
      n: options.shard!.n,
      coder: options.coder,
      unit,
      codebook: { name: options.codebook.codebook.name, version: options.codebook.codebook.version, sha256: options.codebook.sha256 },
      coding_format: options.codingsFile.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv',
      segments: result.segments,
    });
    stage(options.indexFile, index.temp, index.sha256);
  }
  if (staged.length > 0) {
    try {
      await publishOutputSet(project, staged, manifestEntries(facts, records));
    } catch (e) {
      for (const s of staged) await rm(s.temp, { force: true });
      throw e;
    }
  }
  return result;
}
