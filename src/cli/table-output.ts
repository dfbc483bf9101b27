import { z } from 'zod';
import type { Command } from 'commander';
import { TABLE_FORMATS, type Table, type TableFormat } from '../core/format/table.js';
import { formatTables } from '../core/format/format-table.js';
import type { CommandContext } from './command-kit.js';

/** `--format table|csv|md|latex|json`: the same option on every analysis command. */
export function addFormatOption(cmd: Command): Command {
  return cmd.option('--format <format>', `output format: ${TABLE_FORMATS.join(', ')} (default: table; --json: json)`);
}

export const formatOptionShape = { format: z.enum(TABLE_FORMATS).optional() };

export function chooseFormat(opts: { format?: TableFormat | undefined; json: boolean }): TableFormat {
  return opts.format ?? (opts.json ? 'json' : 'table');
}

export function printTables(ctx: CommandContext, tables: readonly Table[], format: TableFormat): void {
  ctx.io.stdout.write(formatTables(tables, format));
}
