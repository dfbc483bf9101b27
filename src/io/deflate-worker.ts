import { deflateEntries } from './deflate-thread.js';
import { answerJobs } from './worker-jobs.js';

// Worker thread entry (bundled as dist/deflate-worker.js): deflates batches of
// whole zip entries (deflateEntries), handing the bytes back.
answerJobs(deflateEntries, (done) => done.map((d) => d.compressed.buffer as ArrayBuffer));
