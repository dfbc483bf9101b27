import type { Manifest, OutputKind } from '../core/provenance/manifest.js';
import { checkReplace } from '../core/provenance/overwrite-policy.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { computeSha256 } from '../core/util/hash.js';
import { fileExists } from './file-exists.js';
import { hashFile } from './hash-file.js';
import { manifestKey, readManifest, recordOutputs, type ProvenanceFacts } from './manifest.js';
import type { Project } from './read-project.js';
import type { Study } from './read-study.js';
import { writeFileAtomic } from './write-file-atomic.js';

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
 * A target without content (a streamed run, which writes as it goes) can
 * only be replaced as a derived output.
 */
export async function checkOutputTargets(
  project: Pick<Project, 'root' | 'outDir'>,
  targets: readonly { file: string; content?: string | Uint8Array }[],
  options: Pick<WriteOutputOptions, 'force' | 'display'>,
): Promise<void> {
  if (options.force) return;
  const problems: Diagnostic[] = [];
  let outputs: Manifest['outputs'] | undefined;
  for (const t of targets) {
    if (!(await fileExists(t.file))) continue;
    outputs ??= (await readManifest(project.outDir)).outputs;
    const existing = { sha256: await hashFile(t.file), entry: outputs[manifestKey({ project }, t.file)] };
    const refused = checkReplace(options.display(t.file), existing, t.content === undefined ? undefined : computeSha256(t.content));
    if (refused) problems.push(refused);
  }
  if (problems.length) throw new QcodeError(problems);
}

/**
 * The one way a command writes its output files: the overwrite policy checked
 * for all of them first, then each written atomically, then all recorded in
 * the manifest.
 */
export async function writeOutputFiles(facts: Study | ProvenanceFacts, outputs: readonly OutputFile[], options: WriteOutputOptions): Promise<void> {
  await checkOutputTargets(facts.project, outputs, options);
  for (const o of outputs) await writeFileAtomic(o.file, o.content);
  await recordOutputs(
    facts,
    outputs.map(({ file, content, kind, seed, details }) => ({
      file,
      command: options.command,
      content,
      kind,
      ...(seed !== undefined ? { seed } : {}),
      ...(details ? { details } : {}),
    })),
  );
}
