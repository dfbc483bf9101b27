import { parentPort, workerData } from 'node:worker_threads';
import { CodingTable, type SharedCodingTable } from '../core/coding/coding-table.js';
import { SegmentTable, type SharedSegmentTable } from '../core/segment/segment-table.js';
import { countThemesRange, type ThemesSliceJob } from './themes-pass.js';

// Worker thread entry (bundled as dist/themes-worker.js): the themes pass over
// one slice of a JSONL corpus, on the tables the main thread shares (no copy),
// answered as plain counts for the main thread to absorb.
const job = workerData as ThemesSliceJob & { segments: SharedSegmentTable; codings: SharedCodingTable };
try {
  const segments = SegmentTable.fromShared(job.segments);
  const pass = await countThemesRange(segments, CodingTable.fromShared(job.codings, segments), job);
  parentPort!.postMessage({ type: 'done', tally: pass.tally() });
} catch (err) {
  parentPort!.postMessage({ type: 'error', error: err instanceof Error ? { message: err.message, diagnostics: (err as { diagnostics?: unknown }).diagnostics } : { message: String(err) } });
}
