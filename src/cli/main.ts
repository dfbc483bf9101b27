import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { commandTable } from './command-table.js';

import { QCODE_VERSION as VERSION } from '../core/util/version.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_CANNOT_RUN = 2;

/** Global options that take a value, so the command name can be found behind them. */
const VALUE_OPTIONS = new Set(['-C', '--project']);

function findCommandName(argv: string[]): string | undefined {
  let afterHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    // `qcode help agree` must load agree to show its options.
    if (a === 'help' && !afterHelp) {
      afterHelp = true;
      continue;
    }
    return a;
  }
  return undefined;
}

/**
 * Runs qcode with the given arguments and returns the exit code. Only the
 * loaded command's module is imported; the rest stay as help stubs.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('qcode');
  let helpOrVersionShown = false;
  program
    .description('qcode: qualitative content analysis from the terminal')
    .version(VERSION, '-V, --version', 'print the qcode version')
    .usage('<command> [options]')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `error QC001: ${s.slice(7)}` : s),
    })
    .addHelpText(
      'after',
      '\nEvery command takes -C/--project <dir>, --json, --no-color and -q/--quiet.\nRun `qcode <command> --help` for its options. Exit codes: 0 ok, 1 problems found, 2 could not run.',
    );

  const name = findCommandName(argv);
  const entry = commandTable.find((c) => c.name === name);
  let ctx: import('./command-kit.js').CommandContext | undefined;
  for (const c of commandTable) {
    const cmd = program.command(c.name).description(c.summary);
    if (c === entry) {
      const [{ CommandContext }, mod] = await Promise.all([import('./command-kit.js'), c.load()]);
      ctx = new CommandContext(io, argv);
      cmd.exitOverride().configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: (s, write) => write(s.startsWith('error:') ? `error QC001: ${s.slice(7)}` : s),
      });
      mod.default(cmd, ctx);
    }
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        helpOrVersionShown = true;
        return EXIT_OK;
      }
      return err.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    }
    return reportThrown(err, io, ctx);
  }
  if (helpOrVersionShown) return EXIT_OK;
  if (!entry) {
    if (name) {
      io.stderr.write(`error QC001: unknown command '${name}'\n  hint: run qcode --help to see the commands.\n`);
      return EXIT_CANNOT_RUN;
    }
    program.outputHelp();
    return EXIT_OK;
  }
  return ctx?.exitCode ?? EXIT_OK;
}

async function reportThrown(
  err: unknown,
  io: CliIo,
  ctx: import('./command-kit.js').CommandContext | undefined,
): Promise<number> {
  const { QcodeError } = await import('../core/diagnostics/qcode-error.js');
  if (err instanceof QcodeError) {
    if (ctx) ctx.printDiagnostics(err.diagnostics, false);
    else io.stderr.write(`${err.message}\n`);
    return EXIT_CANNOT_RUN;
  }
  // Anything else is a bug in qcode, never the user's input: say so plainly.
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(
    `error QC099: internal error: ${message}\n  hint: this is a bug in qcode, not a problem with your files; please report it with the command you ran${
      io.env.QCODE_DEBUG ? '' : ' (set QCODE_DEBUG=1 for the stack trace)'
    }.\n`,
  );
  if (io.env.QCODE_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT_CANNOT_RUN;
}
