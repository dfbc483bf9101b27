import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { REPO, type CliRun } from './run-cli.js';

class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  readonly isTTY = false;

  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    done();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Runs a qcode command in this process with in-memory streams, colour off. */
export async function runQcode(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(Readable.from([options.input ?? '']), { isTTY: false });
  const code = await runCli(args, { stdout, stderr, stdin, cwd: options.cwd ?? REPO, env: { NO_COLOR: '1', FORCE_COLOR: '0', ...options.env } });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
