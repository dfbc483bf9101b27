import { Worker } from 'node:worker_threads';
import type { SourceFrame } from '../core/refi/format-project-qde.js';
import { formatSourceBatch, type SourceBatch } from '../core/refi/format-source-batch.js';
import { ByteRows } from '../core/util/byte-rows.js';
import { bundledWorker } from './bundled-thread.js';
import { WorkerJobs } from './worker-jobs.js';

/** Bytes of XML handed back in a part: a buffer this size is filled, each piece encoded into it as it comes. */
const PART_BYTES = 4 << 20;

/** What the format thread is started with: the frame's GUIDs and the coders (sorted). */
export interface SourceFormatSetup {
  frame: SourceFrame;
  coders: readonly string[];
}

/**
 * A qdpx's TextSource elements formatted and encoded on a worker thread, a
 * batch of documents at a time, the bytes taken in the order the batches
 * were sent: the selections' GUIDs (SHA-1), names and XML were half the
 * export's time on the thread that reads the corpus. From sources, or when
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
    return this.jobs.send(batch, [batch.ascii.buffer as ArrayBuffer, batch.rowCounts.buffer as ArrayBuffer, batch.rows.buffer as ArrayBuffer]);
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}

/** Reused for every batch: a part is copied out of it to be handed over. */
const out = new ByteRows();

/** formatSourceBatch's bytes, in parts of about PART_BYTES (each a buffer of its own, to hand over). */
export function encodeSourceBatch(batch: SourceBatch, setup: SourceFormatSetup): Uint8Array[] {
  return takeParts(formatSourceBatch(batch, setup.frame, setup.coders, out, PART_BYTES), out);
}

/** The bytes a formatter leaves in `out`, a copy each time it yields and one at its end (`out` is emptied). */
export function takeParts(pieces: Generator<void>, out: ByteRows): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const take = () => {
    if (out.length > 0) parts.push(out.bytes.slice(0, out.length));
    out.clear();
  };
  for (const _ of pieces) take();
  take();
  return parts;
}
