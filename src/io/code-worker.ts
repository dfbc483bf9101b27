import { parentPort, workerData } from 'node:worker_threads';
import { codeJsonlRange, type RangeJob } from './code-jsonl-range.js';

// Worker thread entry (bundled as dist/code-worker.js): codes one slice of a
// JSONL corpus and reports progress and the result to the main thread.
const job = workerData as RangeJob;
try {
  const result = codeJsonlRange(job, (bytes) => parentPort!.postMessage({ type: 'progress', bytes }));
  parentPort!.postMessage({ type: 'done', result });
} catch (err) {
  parentPort!.postMessage({ type: 'error', error: err instanceof Error ? { message: err.message, diagnostics: (err as { diagnostics?: unknown }).diagnostics } : { message: String(err) } });
}
