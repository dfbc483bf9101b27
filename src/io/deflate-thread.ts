import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import { bundledWorker } from './bundled-thread.js';
import { WorkerJobs } from './worker-jobs.js';
import type { DeflatedEntry } from './zip-writer.js';

/** Bytes of entries sent to the thread at once: a message per document cost more than deflating a short one. */
const BATCH_BYTES = 1 << 20;
const BATCH_ENTRIES = 256;

/**
 * Whole zip entries (up to WHOLE_ENTRY_BYTES each) deflated on a worker
 * thread, in batches, the results taken in the order the entries were given,
 * while this thread goes on making the next entries (a qdpx's sources were a
 * third of its time). From sources (tests), or when no thread starts, on this
 * thread: the same bytes either way.
 */
export class DeflateThread {
  private batch: Uint8Array[] = [];
  private batchBytes = 0;

  private constructor(private readonly jobs: WorkerJobs<Uint8Array[], DeflatedEntry[]>) {}

  static start(): DeflateThread {
    const url = bundledWorker('deflate-worker', import.meta.url);
    // Entries are small and few at a time: a small heap keeps the thread's memory low.
    const worker = url ? new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } }) : null;
    return new DeflateThread(new WorkerJobs(worker, deflateEntries));
  }

  /**
   * Queues an entry and returns the batches sent since the last call, each to
   * be awaited in order. An entry that is its buffer whole has that buffer
   * handed over (not to be used again); a view of a larger buffer (a corpus
   * line's text) is copied now, as that buffer is neither ours to hand over
   * nor kept as it is until the batch goes.
   */
  add(data: Uint8Array): Promise<DeflatedEntry[]>[] {
    this.batch.push(data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data));
    this.batchBytes += data.length;
    return this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_ENTRIES ? [this.send()] : [];
  }

  /** The entries queued and not yet sent, as a last batch (empty if none). */
  flush(): Promise<DeflatedEntry[]>[] {
    return this.batch.length > 0 ? [this.send()] : [];
  }

  close(): Promise<void> {
    return this.jobs.close();
  }

  private send(): Promise<DeflatedEntry[]> {
    const entries = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    return this.jobs.send(
      entries,
      entries.map((e) => e.buffer as ArrayBuffer),
    );
  }
}

/**
 * Entries deflated by zlib at level 1: a qdpx's texts (a few KB each) took
 * fflate 2.8 times as long at level 6, and zlib at level 6 a third more than
 * at 1 for 1.3% fewer bytes (news texts: 52.2% of their size against 52.9%),
 * on a thread whose time a 1 GB export waits for. An 8 KB window and a
 * smaller hash table (set up afresh for each entry) take less time again and
 * lose nothing on texts this size. No qdpx was made before ZipWriter
 * streamed archives, so no older file's bytes are kept this way (a
 * workbook's small entries still go through fflate, as ZipWriter.add does).
 */
export function deflateEntries(entries: Uint8Array[]): DeflatedEntry[] {
  // Copied out of zlib's output chunk: a buffer of its own, the size it holds, to hand over to the other thread.
  return entries.map((data) => ({ size: data.length, crc: crc32(data), compressed: new Uint8Array(deflateRawSync(data, TEXT_DEFLATE)) }));
}

const TEXT_DEFLATE = { level: 1, windowBits: 13, memLevel: 7 };
