import { workerData } from 'node:worker_threads';
import { encodeSourceBatch, type SourceFormatSetup } from './source-format-thread.js';
import { answerJobs } from './worker-jobs.js';

// Worker thread entry (bundled as dist/source-format-worker.js): a qdpx's
// TextSource elements, a batch of documents at a time, handed back as UTF-8.
const setup = workerData as SourceFormatSetup;
answerJobs(
  (batch: Parameters<typeof encodeSourceBatch>[0]) => encodeSourceBatch(batch, setup),
  (parts) => parts.map((p) => p.buffer as ArrayBuffer),
);
