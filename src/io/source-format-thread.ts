import { Worker } from 'node:worker_threads';
import type { SourceFrame } from '../core/refi/format-project-qde.js';
import { formatSourceBatch, type SourceBatch } from '../core/refi/format-source-batch.js';
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

let buffer = Buffer.allocUnsafe(PART_BYTES);

/**
 * formatSourceBatch's text as UTF-8, in parts (each a buffer of its own, to
 * hand over): each piece written into one buffer (joining the pieces into a
 * string first, then encoding it, took three times as long).
 */
export function encodeSourceBatch(batch: SourceBatch, setup: SourceFormatSetup): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let filled = 0;
  const flush = () => {
    if (filled > 0) parts.push(Uint8Array.prototype.slice.call(buffer, 0, filled));
    filled = 0;
  };
  for (const piece of formatSourceBatch(batch, setup.frame, setup.coders)) {
    if (filled + piece.length * 3 > buffer.length) flush();
    // A piece is at most formatTextSource's PIECE_CHARS and a line: 3 bytes a unit at most.
    if (piece.length * 3 > buffer.length) buffer = Buffer.allocUnsafe(piece.length * 3);
    filled += buffer.write(piece, filled, 'utf8');
  }
  flush();
  return parts;
}
