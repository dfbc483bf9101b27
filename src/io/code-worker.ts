import { parentPort, workerData } from 'node:worker_threads';
import { answerSlice } from './bundled-thread.js';
import { codeJsonlRange, type RangeJob } from './code-jsonl.js';
import { CodingSink, fileTarget } from './coding-sink.js';
import { factBuffers } from '../core/match/segment-rows.js';

// Worker thread entry (bundled as dist/code-worker.js): codes one slice of a
// JSONL corpus into its part files and reports progress and the result.
const job = workerData as RangeJob;
const nowhere = { write() {}, close() {} };
await answerSlice(() => {
  const sink = new CodingSink(fileTarget(job.codingsPart), job.evidencePart ? fileTarget(job.evidencePart) : nowhere, undefined, job.shard !== undefined);
  const result = codeJsonlRange(job, sink, (bytes) => parentPort!.postMessage({ type: 'progress', bytes }));
  // A segments run's facts are handed over, not copied: at a gigabyte they are tens of megabytes.
  return { result, transfer: result.segmentFacts ? factBuffers(result.segmentFacts) : [] };
});
