import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
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

/**
 * Runs a bundled slice thread on `job` (its workerData) with capped heaps:
 * its result, or its error rethrown here (as a QcodeError when it carried
 * diagnostics; ERR_WORKER_OUT_OF_MEMORY as Node gives it, for the caller to
 * take the slice back). `what` names the thread in the error of a bad exit;
 * `started` hears the thread (to stop it early).
 */
export function runSliceThread<R>(
  url: URL,
  job: unknown,
  limits: { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number },
  what: string,
  hooks: { progress?: (bytes: number) => void; started?: (worker: Worker) => void } = {},
): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job, resourceLimits: limits });
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
