import path from 'node:path';
import type { Command } from 'commander';
import { Chalk, type ChalkInstance } from 'chalk';
import { z } from 'zod';
import type { CliIo } from './io.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { boundDiagnostics } from '../core/diagnostics/diagnostic-bounds.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import {
  countSummary,
  diagnosticToJson,
  formatDiagnostic,
  type DiagnosticStyle,
} from '../core/diagnostics/format-diagnostic.js';
import { formatJson } from '../core/format/format-json.js';

/**
 * What a command file exports: it declares its options on `cmd` and sets its
 * action. Every command file has the same shape on purpose: a zod schema,
 * then a commander chain of `.option(...)` calls, then `defineAction`. The
 * `duplicates` tool reports those chains as same-shape twins across commands;
 * they declare different options with their own help, and the options that
 * mean the same thing everywhere already come from shared helpers
 * (addStudyOptions, addCoderOptions, addFormatOption, addOutputOptions).
 */
export type CommandModule = (cmd: Command, ctx: CommandContext) => void;

export interface GlobalOptions {
  /** Absolute project folder. */
  project: string;
  json: boolean;
  color: boolean;
  quiet: boolean;
}

/** Options every command takes; spread into each command's zod schema. */
export const globalOptionShape = {
  project: z.string().default('.'),
  json: z.boolean().default(false),
  color: z.boolean().default(true),
  quiet: z.boolean().default(false),
};

export function addGlobalOptions(cmd: Command): Command {
  return cmd
    .option('-C, --project <dir>', 'project folder (holds qcode.yaml)', '.')
    .option('--json', 'machine-readable output on stdout')
    .option('--no-color', 'no colour in output (also: NO_COLOR, or output not a terminal)')
    .option('-q, --quiet', 'print only results: no progress, notes or warnings');
}

export class CommandContext {
  exitCode = 0;
  private globalOptions: GlobalOptions | undefined;
  private chalkInstance: ChalkInstance | undefined;

  constructor(
    readonly io: CliIo,
    /** The arguments after `qcode`, for provenance. */
    readonly argv: readonly string[] = [],
  ) {}

  setGlobal(g: GlobalOptions): void {
    this.globalOptions = g;
  }

  get global(): GlobalOptions {
    if (!this.globalOptions) throw new Error('global options read before the command was parsed');
    return this.globalOptions;
  }

  /** chalk at level 0 unless colour is allowed on that stream. */
  colorFor(stream: 'stdout' | 'stderr'): ChalkInstance {
    const io = this.io;
    const allowed =
      (this.globalOptions?.color ?? true) &&
      !io.env.NO_COLOR &&
      io.env.FORCE_COLOR !== '0' &&
      (io.env.FORCE_COLOR ? true : Boolean(io[stream].isTTY)) &&
      io.env.TERM !== 'dumb';
    if (!allowed) return new Chalk({ level: 0 });
    this.chalkInstance ??= new Chalk({ level: 1 });
    return this.chalkInstance;
  }

  /** Result text on stdout. */
  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Machine output on stdout: stable key order as given, two-space indent. */
  outJson(value: unknown): void {
    this.io.stdout.write(formatJson(value));
  }

  /** Notes and counts on stderr, silenced by --quiet. */
  note(text: string): void {
    if (this.globalOptions?.quiet) return;
    this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  diagnosticStyle(): DiagnosticStyle {
    const c = this.colorFor('stderr');
    return { location: c.cyan, error: c.red.bold, warning: c.yellow.bold, code: c.gray, hint: c.dim };
  }

  /**
   * Prints diagnostics on stderr (JSON lines under --json), at most 50 of
   * each kind and then how many more, with a summary line.
   */
  printDiagnostics(diagnostics: readonly Diagnostic[], summary = true): void {
    const sorted = boundDiagnostics(diagnostics);
    if (this.globalOptions?.json) {
      for (const d of sorted) this.io.stderr.write(`${JSON.stringify(diagnosticToJson(d))}\n`);
      return;
    }
    const style = this.diagnosticStyle();
    for (const d of sorted) this.io.stderr.write(`${formatDiagnostic(d, style)}\n`);
    if (summary && sorted.length > 0 && !this.globalOptions?.quiet) this.io.stderr.write(`${countSummary(sorted)}\n`);
  }

  /**
   * The one way a command deals with the diagnostics its inputs gave: every
   * error is thrown (with the warnings, so each problem is shown once), and
   * the warnings alone are printed on stderr unless --quiet.
   */
  report(diagnostics: readonly Diagnostic[]): void {
    throwErrors(diagnostics);
    if (!this.globalOptions?.quiet) this.printDiagnostics(diagnostics, false);
  }

  /** Resolves a path given on the command line or in qcode.yaml against the project folder. */
  resolve(p: string): string {
    return path.resolve(this.global.project, p);
  }

  /** A path for messages: relative to the working folder when inside it. */
  display(p: string): string {
    const rel = path.relative(this.io.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  }
}

function kebab(key: string): string {
  return `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
}

/** Checks commander's raw option values against a command's zod schema. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new QcodeError(
    result.error.issues.map((issue) => {
      const key = issue.path[0];
      if (issue.code === 'unrecognized_keys') {
        return diag('QC001', `unknown option ${issue.keys.map((k) => kebab(k)).join(', ')}`);
      }
      const name = typeof key === 'string' ? kebab(key) : 'argument';
      return diag('QC001', `option ${name}: ${issue.message}`);
    }),
  );
}

/**
 * Wires a command's action: global options resolved, options checked by the
 * schema, and the handler's return value (an exit code) recorded.
 */
export function defineAction<S extends z.ZodType>(
  cmd: Command,
  ctx: CommandContext,
  schema: S,
  handler: (opts: z.infer<S>, args: string[]) => Promise<number | void>,
): void {
  addGlobalOptions(cmd);
  cmd.action(async (...actionArgs: unknown[]) => {
    const raw = cmd.opts();
    const positional = (actionArgs.slice(0, cmd.registeredArguments.length) as unknown[]).flatMap((a) =>
      a === undefined ? [] : Array.isArray(a) ? (a as string[]) : [String(a)],
    );
    ctx.setGlobal({
      project: path.resolve(ctx.io.cwd, String(raw.project ?? '.')),
      json: Boolean(raw.json),
      color: raw.color !== false,
      quiet: Boolean(raw.quiet),
    });
    const opts = parseOptions(schema, raw);
    const code = await handler(opts, positional);
    ctx.exitCode = code ?? 0;
  });
}
