import { runInProcess } from '../cli/run-in-process.js';
import { REPO, type CliRun } from './run-cli.js';

/** Runs a qcode command in this process (test/cli/run-in-process.ts), in the repository unless `cwd` says otherwise. */
export async function runQcode(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return runInProcess(args, options.cwd ?? REPO);
}
