import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'dist/qcode.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working folder of the run; the repository root by default. */
  cwd?: string;
  /** Text on stdin. */
  input?: string;
  /** Extra environment; colour is always off. */
  env?: Record<string, string>;
}

/** A stream that keeps what is written to it; not a terminal, as when piped. */
export class Capture extends Writable {
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
 * Runs a qcode command in this process, as the bin would, with in-memory
 * streams (not terminals) and colour off. The default for end-to-end tests:
 * no process start, no build needed.
 */
export async function runQcode(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(Readable.from([Buffer.from(options.input ?? '')], { objectMode: false }), { isTTY: false });
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin,
    cwd: options.cwd ?? REPO,
    env: { NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs the built CLI (dist/qcode.js) in a child process. Only for tests of the
 * process itself: the bin entry point, exit status, pipes, worker threads, a
 * terminal. Everything else uses runQcode.
 */
export function spawnQcode(args: string[], options: RunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of a fixture folder, so a test can write outputs into it. */
export function copyFixture(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-e2e-'));
  cpSync(path.join(REPO, 'test/fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** No stack trace ever reaches a user. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?\n/.test(text) || /^\s+at /m.test(text);
}

/** A scratch copy of the demo study (the repository root project) with its shipped coders, no out/. */
export function copyDemo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-demo-'));
  for (const p of ['qcode.yaml', 'codebooks', 'corpus', 'coders']) cpSync(path.join(REPO, p), path.join(dir, p), { recursive: true });
  return dir;
}
