import { workerData } from 'node:worker_threads';
import { CodingTable, type SharedCodingTable } from '../core/coding/coding-table.js';
import { SegmentTable, type SharedSegmentTable } from '../core/segment/segment-table.js';
import { answerSlice } from './bundled-thread.js';
import { countThemesRange, type ThemesSliceJob } from './themes-pass.js';

// Worker thread entry (bundled as dist/themes-worker.js): the themes pass over
// one slice of a JSONL corpus, on the tables the main thread shares (no copy),
// answered as plain counts for the main thread to absorb.
const job = workerData as ThemesSliceJob & { segments: SharedSegmentTable; codings: SharedCodingTable };
await answerSlice(async () => {
  const segments = SegmentTable.fromShared(job.segments);
  const pass = await countThemesRange(segments, CodingTable.fromShared(job.codings, segments), job);
  return { result: pass.tally() };
});
