import path from 'node:path';
import { z } from 'zod';
import type { Command } from 'commander';
import { fail } from '../core/diagnostics/qcode-error.js';
import { TABLE_FORMATS, type Table, type TableFormat, type TableView } from '../core/format/table.js';
import { formatTables } from '../core/format/format-table.js';
import type { ProvenanceFacts } from '../io/manifest.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { addOutputOptions, outputOptionShape, resolveOutput, STDOUT, writeOutputs } from './output.js';

/** `--format table|csv|md|latex|json`, `--summary` and `--detail`: the same options on every analysis command. */
export function addFormatOption(cmd: Command): Command {
  return cmd
    .option('--format <format>', `output format: ${TABLE_FORMATS.join(', ')} (default: from the -o extension, else table; --json: json)`)
    .option('--summary', 'only the compact table(s) a paper reports (the default for --format latex)')
    .option('--detail', 'every table and column, also in --format latex');
}

export const formatOptionShape = {
  format: z.enum(TABLE_FORMATS).optional(),
  summary: z.boolean().default(false),
  detail: z.boolean().default(false),
};

/** `-o FILE` (and --force) of a command that prints tables: the file gets what stdout would, in the format its extension names. */
export function addTableOutputOption(cmd: Command): Command {
  return addOutputOptions(cmd, 'write the tables to this file instead of stdout, in the format of its extension (.txt, .csv, .md, .tex, .json)', { stdout: true });
}

export const tableOutputOptionShape = outputOptionShape;

const FORMAT_OF_EXTENSION: Record<string, TableFormat> = { '.txt': 'table', '.csv': 'csv', '.md': 'md', '.tex': 'latex', '.json': 'json' };

/** The format: --format, else the extension of -o, else json under --json, else the terminal table. */
export function chooseFormat(opts: { format?: TableFormat | undefined; json: boolean; output?: string | undefined }): TableFormat {
  if (opts.format) return opts.format;
  if (opts.output !== undefined && opts.output !== STDOUT) {
    const ext = path.extname(opts.output).toLowerCase();
    return FORMAT_OF_EXTENSION[ext] ?? fail('QC001', `option --output: no format goes with '${ext || 'no extension'}': name the file .txt, .csv, .md, .tex or .json, or give --format`);
  }
  return opts.json ? 'json' : 'table';
}

export type ViewOptions = { summary?: boolean | undefined; detail?: boolean | undefined };

/**
 * The view human formats print: the summary when asked, and for LaTeX unless
 * --detail is given, so a paper's tables fit its pages; else everything.
 */
export function chooseView(opts: ViewOptions, format: TableFormat): TableView {
  if (opts.summary) return 'summary';
  return format === 'latex' && !opts.detail ? 'summary' : 'full';
}

export type TableOutputOptions = { format?: TableFormat | undefined; json: boolean; output?: string | undefined } & ViewOptions;

/** What an output's manifest entry records; a function where gathering it costs (called only when -o is given). */
export type OutputFacts = Study | ProvenanceFacts | (() => Promise<Study | ProvenanceFacts>);

/**
 * A command's result text: on stdout, or with `-o FILE` into that file
 * through the output helper (overwrite policy, atomic write, a manifest
 * entry with `details`), like every other output.
 */
export async function emitText(
  ctx: CommandContext,
  facts: OutputFacts,
  text: string,
  opts: { output?: string | undefined; force: boolean },
  details?: Record<string, unknown>,
): Promise<void> {
  if (opts.output === undefined || opts.output === STDOUT) {
    ctx.io.stdout.write(text);
    return;
  }
  const known = typeof facts === 'function' ? await facts() : facts;
  const target = resolveOutput(ctx, opts.output, { project: known.project, file: '' }, { stdout: true });
  await writeOutputs(ctx, known, [{ file: target, content: text, kind: 'derived', ...(details ? { details } : {}) }], opts);
  ctx.note(`→ ${ctx.display(target)}`);
}

/** Tables in the format and view the options ask for; `json` adds top-level fields to the JSON form (the coder and coverage of an analysis). */
export function renderTables(tables: readonly Table[], opts: TableOutputOptions, json?: Record<string, unknown>): string {
  const format = chooseFormat(opts);
  return formatTables(tables, format, { view: chooseView(opts, format), ...(json ? { json } : {}) });
}

/** Tables on stdout or into -o FILE (see renderTables). */
export async function emitTables(
  ctx: CommandContext,
  facts: OutputFacts,
  tables: readonly Table[],
  opts: TableOutputOptions & { force: boolean },
  json?: Record<string, unknown>,
): Promise<void> {
  await emitText(ctx, facts, renderTables(tables, opts, json), opts, json);
}

/** Tables on stdout (commands without -o). */
export function printTables(ctx: CommandContext, tables: readonly Table[], opts: TableOutputOptions, json?: Record<string, unknown>): void {
  ctx.io.stdout.write(renderTables(tables, opts, json));
}
