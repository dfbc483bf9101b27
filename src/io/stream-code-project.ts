import type { Readable, Writable } from 'node:stream';
import type { Codebook, Unit } from '../core/model/codebook.js';
import { recordOutputs, type ProvenanceFacts } from './manifest.js';
import type { Project } from './read-project.js';
import { corpusColumns, studyUnit } from './read-study.js';
import { streamCode, type StreamCodeResult } from './stream-code.js';
import { writeShardIndex } from './shard-index.js';
import { checkOutputTargets, type WriteOutputOptions } from './write-output-files.js';

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
 * Writes the auto-coder's outputs: the overwrite policy checked for every
 * file first, the corpus coded straight into them (stream-code.ts writes as
 * it goes, so no content passes through writeOutputFiles), then each recorded
 * in the manifest as derived, with the corpus hash over the normalised
 * documents (for a shard, over its own documents; its index says which).
 */
export async function streamCodeProject(project: Project, options: StreamCodeProjectOptions): Promise<StreamCodeResult> {
  const files = [options.codingsFile, options.evidenceFile, options.indexFile].filter((f): f is string => f !== null && f !== '-');
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
    codingsFile: options.codingsFile,
    evidenceFile: options.evidenceFile,
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
  const records = [];
  if (options.codingsFile !== '-') records.push({ file: options.codingsFile, sha256: result.codingsSha256, ...record });
  if (options.evidenceFile) records.push({ file: options.evidenceFile, sha256: result.evidenceSha256, ...record });
  if (options.indexFile && result.shardIndex) {
    const sha256 = await writeShardIndex(options.indexFile, result.shardIndex, {
      k: options.shard!.k,
      n: options.shard!.n,
      coder: options.coder,
      unit,
      codebook: { name: options.codebook.codebook.name, version: options.codebook.codebook.version, sha256: options.codebook.sha256 },
      coding_format: options.codingsFile.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv',
      segments: result.segments,
    });
    records.push({ file: options.indexFile, sha256, ...record });
  }
  if (records.length > 0) await recordOutputs(facts, records);
  return result;
}
