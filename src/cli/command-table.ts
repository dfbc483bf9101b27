/**
 * Every command, with a one-line summary and a lazy loader. The top-level
 * help is drawn from this table alone, so `qcode --help` loads no command
 * and none of zod, yaml or the CSV packages.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ default: import('./command-kit.js').CommandModule }>;
}

export const commandTable: CommandEntry[] = [
];
