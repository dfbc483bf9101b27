// The fuzz harness's worker thread: runs qcode commands in process, one at a
// time, as the tests' runQcode does. It lives in a worker so that a case that
// never returns (a loop, a regular expression without end) can be stopped:
// the harness terminates the thread and reports the input (test/fuzz/harness.ts).
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { runCli } from '../../src/cli/main.js';
import { Capture } from '../helpers/run-cli.js';

parentPort!.on('message', async (job: { id: number; args: string[]; cwd: string }) => {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  let code: number;
  try {
    code = await runCli(job.args, { stdout, stderr, stdin, cwd: job.cwd, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  } catch (e) {
    // runCli catches everything a command throws; reaching here is a crash of its own.
    code = -1;
    stderr.write(`runCli threw: ${(e as Error).stack ?? String(e)}\n`);
  }
  parentPort!.postMessage({ id: job.id, code, stdout: stdout.text(), stderr: stderr.text() });
});
