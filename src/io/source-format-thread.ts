import { Worker } from 'node:worker_threads';
import type { SourceFrame } from '../core/refi/format-project-qde.js';
import { formatSourceBatch, type SourceBatch } from '../core/refi/format-source-batch.js';
import { ByteRows } from '../core/util/byte-rows.js';
import { bundledWorker } from './bundled-thread.js';
import { WorkerJobs } from './worker-jobs.js';

/** Bytes of XML handed back in a part: the formatter yields once it holds this many (after a whole selection). */
const PART_BYTES = 4 << 20;

/** What the format thread is started with: the frame's GUIDs and the coders (sorted). */
export interface SourceFormatSetup {
  frame: SourceFrame;
  coders: readonly string[];
}

/**
 * A qdpx's TextSource elements formatted and encoded on a worker thread, a
 * batch of documents at a time, the bytes taken in the order the batches
 * were sent: the selections' GUIDs, names and XML were half the export's
 * time on the thread that reads the corpus. From sources, or when
 * no thread starts, on this thread (the same bytes).
 */
export class SourceFormatThread {
  private constructor(private readonly jobs: WorkerJobs<SourceBatch, Uint8Array[]>) {}

  static start(setup: SourceFormatSetup): SourceFormatThread {
    const url = bundledWorker('source-format-worker', import.meta.url);
    const worker = url ? new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 } }) : null;
    return new SourceFormatThread(new WorkerJobs(worker, (batch) => encodeSourceBatch(batch, setup)));
  }

  /** The batch's XML as UTF-8, in parts (the batch is handed over). */
  send(batch: SourceBatch): Promise<Uint8Array[]> {
    return this.jobs.send(batch, [batch.unitsAreCodePoints.buffer as ArrayBuffer, batch.rowCounts.buffer as ArrayBuffer, batch.rows.buffer as ArrayBuffer, batch.utf8.buffer as ArrayBuffer, batch.utf8Ends.buffer as ArrayBuffer]);
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}

/** Reused for every batch: a part is copied out of it to be handed over. */
const out = new ByteRows();

/** formatSourceBatch's bytes, in parts of about PART_BYTES (each a buffer of its own, to hand over). */
export function encodeSourceBatch(batch: SourceBatch, setup: SourceFormatSetup): Uint8Array[] {
  return Array.from(partsOf(formatSourceBatch(batch, setup.frame, setup.coders, out, PART_BYTES), out));
}

/**
 * The bytes a formatter leaves in `out` (formatSourceBatch, formatTextSource),
 * a copy each time it yields and one at its end, none empty; `out` is emptied
 * each time. Copies: a part is handed to another thread or kept by a zip
 * entry until it is deflated, while `out` is written again.
 */
export function* partsOf(pieces: Generator<void>, out: ByteRows): Generator<Uint8Array> {
  const take = () => {
    const part = out.bytes.slice(0, out.length);
    out.clear();
    return part;
  };
  for (const _ of pieces) if (out.length > 0) yield take();
  if (out.length > 0) yield take();
}
