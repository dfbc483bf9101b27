import { parentPort, type Worker } from 'node:worker_threads';

/**
 * Jobs done on a worker thread (a bundled dist/<name>.js answering with
 * answerJobs), each one's result a promise, while this thread goes on. From
 * sources (tests), or when no thread starts, each job is done here as it is
 * sent, by the same function: the same results either way.
 */
export class WorkerJobs<J, R> {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: R) => void; reject: (e: unknown) => void }>();
  private failed: unknown = null;
  private closing = false;

  constructor(
    private readonly worker: Worker | null,
    private readonly here: (job: J) => R,
  ) {
    worker?.on('message', (msg: { id: number; result: R }) => {
      const p = this.pending.get(msg.id)!;
      this.pending.delete(msg.id);
      p.resolve(msg.result);
    });
    const fail = (e: unknown) => {
      this.failed ??= e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker?.on('error', fail);
    worker?.on('exit', (code) => {
      // close() ends the thread with code 1: not a failure of its jobs.
      if (code !== 0 && !this.closing) fail(new Error(`worker thread stopped with exit code ${code}`));
    });
  }

  /** The job's result; the buffers in `transfer` are handed over (not to be used again). */
  send(job: J, transfer: ArrayBuffer[]): Promise<R> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.worker) return Promise.resolve(this.here(job));
    const id = this.nextId++;
    const done = new Promise<R>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    try {
      this.worker.postMessage({ id, job }, transfer);
    } catch (e) {
      // Not sent (a buffer that cannot be handed over): no one will await this job, so it must not be rejected later, unheard.
      this.pending.delete(id);
      throw e;
    }
    return done;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
  }
}

/** A worker thread's side of WorkerJobs: each job done by `run`, its result sent back with the buffers `transfer` names handed over. */
export function answerJobs<J, R>(run: (job: J) => R, transfer: (result: R) => ArrayBuffer[]): void {
  parentPort!.on('message', (msg: { id: number; job: J }) => {
    const result = run(msg.job);
    parentPort!.postMessage({ id: msg.id, result }, transfer(result));
  });
}

