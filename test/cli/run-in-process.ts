import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** A stream that keeps what is written to it; not a terminal, as when piped. */
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

/**
 * Runs qcode in this process with in-memory streams, colour off. (The same
 * job as test/helpers' in-process runner on the house-tests branch; these
 * tests move to it once that is merged.)
 */
export async function runInProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(Readable.from([Buffer.from('')], { objectMode: false }), { isTTY: false });
  const code = await runCli(args, { stdout, stderr, stdin, cwd, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
