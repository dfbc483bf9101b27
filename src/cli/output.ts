import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { fail } from '../core/diagnostics/qcode-error.js';
import type { ProvenanceFacts } from '../io/manifest.js';
import { hashFile } from '../io/hash-file.js';
import type { Project } from '../io/read-project.js';
import type { Study } from '../io/read-study.js';
import { StreamedOutput } from '../io/streamed-output.js';
import { writeOutputFiles, type OutputFile } from '../io/write-output-files.js';
import type { CommandContext } from './command-kit.js';
import { commandLine } from './study-options.js';

/** `-o -`: the output goes to standard output. */
export const STDOUT = '-';

/** Paths that name this process's standard output: the same as `-o -` (written to the stream qcode was given). */
const STDOUT_PATHS = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

const FORCE_HELP = 'replace an existing file qcode would keep: a coder\'s work, an edited output, a file qcode did not write';

/** `--force`, worded the same on every command that writes files. */
export function addForceOption(cmd: Command): Command {
  return cmd.option('--force', FORCE_HELP);
}

/** `-o, --output <file>` and `--force`: what every command writing one main output takes. */
export function addOutputOptions(cmd: Command, what: string, options: { stdout: boolean }): Command {
  return addForceOption(cmd.option('-o, --output <file>', `${what}${options.stdout ? '; - for stdout' : ''}`));
}

export const forceOptionShape = { force: z.boolean().default(false) };
export const outputOptionShape = { output: z.string().min(1).optional(), ...forceOptionShape };

/**
 * Where an output goes: `-o FILE` against the working folder, `-o -` (or
 * /dev/stdout) to standard output where the command allows it, else the
 * project's default file below its out folder. What may be written where
 * (devices, FIFOs, links) is decided when writing (io/output-target.ts).
 */
export function resolveOutput(
  ctx: CommandContext,
  given: string | undefined,
  fallback: { project: Pick<Project, 'outDir'>; file: string },
  options: { stdout: boolean } = { stdout: false },
): string {
  if (given === STDOUT || (given !== undefined && STDOUT_PATHS.has(given))) {
    if (!options.stdout) fail('QC001', 'option --output: this command writes a file, not standard output');
    return STDOUT;
  }
  return given !== undefined ? path.resolve(ctx.io.cwd, given) : path.join(fallback.project.outDir, fallback.file);
}

/** ` → file` for a note about an output, nothing when it went to stdout. */
export function describeTarget(ctx: CommandContext, target: string): string {
  return target === STDOUT ? '' : ` → ${ctx.display(target)}`;
}

/**
 * The one way a command writes its outputs: an output for `-o -` goes to
 * stdout, the rest through the overwrite policy, atomically, into the manifest
 * (io/write-output-files.ts).
 */
export async function writeOutputs(
  ctx: CommandContext,
  facts: Study | ProvenanceFacts,
  outputs: readonly OutputFile[],
  options: { force: boolean; command?: string },
): Promise<void> {
  for (const o of outputs) if (o.file === STDOUT) ctx.io.stdout.write(o.content);
  const files = outputs.filter((o) => o.file !== STDOUT);
  if (files.length === 0) return;
  await writeOutputFiles(facts, files, { command: options.command ?? commandLine(ctx), force: options.force, display: (p) => ctx.display(p) });
}

/**
 * The streamed twin of writeOutputs, for an output that grows with the
 * corpus: `produce` hands over the text in pieces as it makes them (rows of a
 * document at a time), and they go to stdout for `-o -`, else to a temp file
 * published with its manifest entry under the same overwrite policy and
 * atomicity (io/streamed-output.ts). The facts are asked for once `produce`
 * is done, so a pass that learns them on the way can give them.
 */
export async function streamOutput(
  ctx: CommandContext,
  target: string,
  produce: (write: (text: string) => Promise<void>, output: StreamedOutput) => Promise<Study | ProvenanceFacts>,
  record: Omit<OutputFile, 'file' | 'content'>,
  options: { force: boolean; command?: string; project: Study['project'] | ProvenanceFacts['project']; also?: () => readonly OutputFile[] },
): Promise<void> {
  const display = (p: string) => ctx.display(p);
  const out = await StreamedOutput.open(options.project, target === STDOUT ? ctx.io.stdout : target, display);
  let facts: Study | ProvenanceFacts;
  try {
    facts = await produce((text) => out.write(text), out);
  } catch (e) {
    await out.discard();
    throw e;
  }
  // Outputs published with this one (rebase's orphans file) may be known only once produce is done.
  await out.publish(facts, record, { command: options.command ?? commandLine(ctx), force: options.force, display }, options.also?.() ?? []);
}

/**
 * The facts of an output made from a ratings table alone (agree --ratings):
 * no codebook or corpus went into it, so those are empty and the table's
 * sha256 stands in for the corpus.
 */
export async function ratingsFacts(project: ProvenanceFacts['project'], ratingsFile: string): Promise<ProvenanceFacts> {
  return { project, codebook: { name: '', version: '' }, codebookSha256: '', corpusSha256: await hashFile(ratingsFile), unit: 'ratings', segmentCount: 0 };
}

/** The facts of an output made from the codebook alone (codebook export): no corpus went into it. */
export function codebookFacts(project: ProvenanceFacts['project'], codebook: ProvenanceFacts['codebook'], sha256: string): ProvenanceFacts {
  return { project, codebook: { name: codebook.name, version: codebook.version }, codebookSha256: sha256, corpusSha256: '', unit: '', segmentCount: 0 };
}
