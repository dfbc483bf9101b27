import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError } from '../core/diagnostics/qcode-error.js';

/**
 * A worker thread's bundled file beside the CLI (dist/<name>.js, found from
 * dist/ or dist/chunks/), or null when running from sources, where the
 * caller does the work on its own thread.
 */
export function bundledWorker(name: string, from: string): URL | null {
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, from);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url)) && !from.endsWith('.ts')) return url;
  }
  return null;
}

/** What a slice thread (coding, themes) posts: progress in bytes, its result, or its error (a QcodeError's diagnostics kept). */
type SliceMessage<R> = { type: 'progress'; bytes: number } | { type: 'done'; result: R } | { type: 'error'; error: { message: string; diagnostics?: Diagnostic[] } };

/** A slice thread's heap caps (a small young generation keeps each thread's memory, and so peak RSS, low). */
export interface ThreadLimits {
  maxYoungGenerationSizeMb: number;
  maxOldGenerationSizeMb: number;
}

/**
 * Slice threads started before their jobs are known. A thread takes about
 * 0.4 s to start (Node's modules, then ours) before it can code a byte; a
 * command that knows early it will want threads starts them here, so that
 * start overlaps its own (reading and compiling the codebook), and hands
 * them to runSliceThread, which posts the job. Unused threads are unref'd:
 * they never hold the process open, and `close` stops them.
 */
export class WarmThreads {
  private readonly idle: Worker[] = [];

  constructor(
    readonly url: URL,
    count: number,
    readonly limits: ThreadLimits,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { workerData: null, resourceLimits: limits });
      worker.unref();
      // A thread that fails before a job takes it is dropped, and that job gets a new thread (one that fails after is the job's failure, as for any thread).
      const drop = () => {
        const at = this.idle.indexOf(worker);
        if (at >= 0) this.idle.splice(at, 1);
      };
      worker.once('error', drop).once('exit', drop);
      this.idle.push(worker);
    }
  }

  /** A started thread of this url and limits, or undefined. */
  take(url: URL, limits: ThreadLimits): Worker | undefined {
    if (url.href !== this.url.href || limits.maxYoungGenerationSizeMb !== this.limits.maxYoungGenerationSizeMb || limits.maxOldGenerationSizeMb !== this.limits.maxOldGenerationSizeMb) return undefined;
    const worker = this.idle.shift();
    worker?.removeAllListeners('error').removeAllListeners('exit');
    return worker;
  }

  /** Stops the threads no job took. */
  close(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }
}

/** The job of this slice thread: its workerData, or the message a warm start (WarmThreads) waits for. */
export function readSliceJob<J>(): Promise<J> {
  if (workerData !== null) return Promise.resolve(workerData as J);
  return new Promise((resolve) => parentPort!.once('message', (msg: { job: J }) => resolve(msg.job)));
}

/**
 * Runs a bundled slice thread on `job` (its workerData, or posted to a
 * thread `warm` started) with capped heaps: its result, or its error
 * rethrown here (as a QcodeError when it carried diagnostics;
 * ERR_WORKER_OUT_OF_MEMORY as Node gives it, for the caller to take the
 * slice back). `what` names the thread in the error of a bad exit;
 * `started` hears the thread (to stop it early).
 */
export function runSliceThread<R>(
  url: URL,
  job: unknown,
  limits: ThreadLimits,
  what: string,
  hooks: { progress?: (bytes: number) => void; started?: (worker: Worker) => void; warm?: WarmThreads | null | undefined } = {},
): Promise<R> {
  return new Promise((resolve, reject) => {
    let worker = hooks.warm?.take(url, limits);
    if (worker) {
      worker.ref();
      worker.postMessage({ job });
    } else worker = new Worker(url, { workerData: job, resourceLimits: limits });
    hooks.started?.(worker);
    worker.on('message', (msg: SliceMessage<R>) => {
      if (msg.type === 'progress') hooks.progress?.(msg.bytes);
      else if (msg.type === 'done') resolve(msg.result);
      else reject(msg.error.diagnostics ? new QcodeError(msg.error.diagnostics) : new Error(msg.error.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${what} thread stopped with exit code ${code}`));
    });
  });
}

/** A slice thread's answer (runSliceThread): its result with the buffers `transfer` hands over, or what it threw. */
export async function answerSlice<R>(work: () => { result: R; transfer?: ArrayBuffer[] } | Promise<{ result: R; transfer?: ArrayBuffer[] }>): Promise<void> {
  let message: SliceMessage<R>;
  let transfer: ArrayBuffer[] = [];
  try {
    const done = await work();
    message = { type: 'done', result: done.result };
    transfer = done.transfer ?? [];
  } catch (err) {
    message = { type: 'error', error: err instanceof Error ? { message: err.message, diagnostics: (err as { diagnostics?: Diagnostic[] }).diagnostics } : { message: String(err) } };
  }
  parentPort!.postMessage(message, transfer);
}
