import { rm } from 'node:fs/promises';
import type { Manifest, OutputKind } from '../core/provenance/manifest.js';
import { checkReplace } from '../core/provenance/overwrite-policy.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { computeSha256 } from '../core/util/hash.js';
import { fileExists } from './file-exists.js';
import { hashFile } from './hash-file.js';
import { manifestEntries, manifestKey, readManifest, type ProvenanceFacts } from './manifest.js';
import { publishOutputSet, recoverInterruptedPublications, type StagedFile } from './output-set.js';
import { resolveOutputTarget, type OutputTarget } from './output-target.js';
import type { Project } from './read-project.js';
import type { Study } from './read-study.js';
import { writeFailure, writeTempFor, writeToStream } from './write-file-atomic.js';

/** One output file of a command: where, what, and what it holds. */
export interface OutputFile {
  /** Absolute path. */
  file: string;
  content: string | Uint8Array;
  kind: OutputKind;
  seed?: number | string;
  details?: Record<string, unknown>;
}

export interface WriteOutputOptions {
  /** The command line, for the manifest. */
  command: string;
  /** --force: replace whatever is there. */
  force: boolean;
  display: (p: string) => string;
}

/**
 * Refuses (QC004, every refused file at once) unless each target may be
 * replaced under the overwrite policy (core/provenance/overwrite-policy.ts).
 * A target without content or sha256 (a streamed run, which writes as it
 * goes) can only be replaced as a derived output.
 */
export async function checkOutputTargets(
  project: Pick<Project, 'root' | 'outDir'>,
  targets: readonly { file: string; content?: string | Uint8Array; sha256?: string }[],
  options: Pick<WriteOutputOptions, 'force' | 'display'>,
): Promise<void> {
  if (options.force) return;
  const problems: Diagnostic[] = [];
  let outputs: Manifest['outputs'] | undefined;
  for (const t of targets) {
    if (!(await fileExists(t.file))) continue;
    outputs ??= (await readManifest(project.outDir)).outputs;
    const existing = { sha256: await hashFile(t.file), entry: outputs[manifestKey({ project }, t.file)] };
    const refused = checkReplace(options.display(t.file), existing, t.sha256 ?? (t.content === undefined ? undefined : computeSha256(t.content)));
    if (refused) problems.push(refused);
  }
  if (problems.length) throw new QcodeError(problems);
}

/** How each output is written (output-target.ts), every refused one reported at once. */
export async function resolveOutputTargets(files: readonly string[], display: (p: string) => string): Promise<OutputTarget[]> {
  const settled = await Promise.allSettled(files.map((f) => resolveOutputTarget(f, display(f)).catch((e: unknown) => Promise.reject(writeFailure(e, display(f))))));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? (s.reason as QcodeError).diagnostics : []));
  if (failed.length) throw new QcodeError(failed);
  return settled.map((s) => (s as PromiseFulfilledResult<OutputTarget>).value);
}

/**
 * The one way a command writes its output files: a killed earlier run's
 * publication recovered, every target checked (output-target.ts) and the
 * overwrite policy applied to all of them first; outputs to a FIFO or device
 * written straight there; the files written to temp files, then published
 * together with their manifest entries (output-set.ts).
 */
export async function writeOutputFiles(facts: Study | ProvenanceFacts, outputs: readonly OutputFile[], options: WriteOutputOptions): Promise<void> {
  const project = facts.project;
  await recoverInterruptedPublications(project);
  const targets = await resolveOutputTargets(outputs.map((o) => o.file), options.display);
  const files = outputs.filter((_, i) => targets[i]!.kind === 'file');
  await checkOutputTargets(project, files, options);
  const staged: StagedFile[] = [];
  try {
    for (const [i, o] of outputs.entries()) {
      const target = targets[i]!;
      if (target.kind === 'stream') await writeToStream(target.file, o.content);
      else staged.push({ real: target.real, temp: await writeTempFor(target.real, o.content) });
    }
    const entries = manifestEntries(
      facts,
      files.map(({ file, content, kind, seed, details }) => ({
        file,
        command: options.command,
        content,
        kind,
        ...(seed !== undefined ? { seed } : {}),
        ...(details ? { details } : {}),
      })),
    );
    if (staged.length > 0) await publishOutputSet(project, staged, entries);
  } catch (e) {
    for (const s of staged) await rm(s.temp, { force: true });
    throw writeFailure(e, options.display(outputs[0]!.file));
  }
}
