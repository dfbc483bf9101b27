import { z } from 'zod';
import type { Command } from 'commander';
import { TABLE_FORMATS, type Table, type TableFormat, type TableView } from '../core/format/table.js';
import { formatTables } from '../core/format/format-table.js';
import type { CommandContext } from './command-kit.js';

/** `--format table|csv|md|latex|json`, `--summary` and `--detail`: the same options on every analysis command. */
export function addFormatOption(cmd: Command): Command {
  return cmd
    .option('--format <format>', `output format: ${TABLE_FORMATS.join(', ')} (default: table; --json: json)`)
    .option('--summary', 'only the compact table(s) a paper reports (the default for --format latex)')
    .option('--detail', 'every table and column, also in --format latex');
}

export const formatOptionShape = {
  format: z.enum(TABLE_FORMATS).optional(),
  summary: z.boolean().default(false),
  detail: z.boolean().default(false),
};

export function chooseFormat(opts: { format?: TableFormat | undefined; json: boolean }): TableFormat {
  return opts.format ?? (opts.json ? 'json' : 'table');
}

/**
 * The view human formats print: the summary when asked, and for LaTeX unless
 * --detail is given, so a paper's tables fit its pages; else everything.
 */
export function chooseView(opts: { summary: boolean; detail: boolean }, format: TableFormat): TableView {
  if (opts.summary) return 'summary';
  return format === 'latex' && !opts.detail ? 'summary' : 'full';
}

export type TableOutputOptions = { format?: TableFormat | undefined; json: boolean; summary: boolean; detail: boolean };

/** Prints tables in the format and view the options ask for. */
export function printTables(ctx: CommandContext, tables: readonly Table[], opts: TableOutputOptions): void {
  const format = chooseFormat(opts);
  ctx.io.stdout.write(formatTables(tables, format, { view: chooseView(opts, format) }));
}
