import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerJobs } from '../../src/io/worker-jobs.js';

// A thread answering each job with its double, as answerJobs does.
const DOUBLER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (msg) => parentPort.postMessage({ id: msg.id, result: msg.job * 2 }));
`;

describe('WorkerJobs', () => {
  it('answers jobs in order on the thread', async () => {
    const jobs = new WorkerJobs<number, number>(new Worker(DOUBLER, { eval: true }), (n) => n * 2);
    expect(await Promise.all([jobs.send(1, []), jobs.send(21, [])])).toEqual([2, 42]);
    await jobs.close();
  });

  it('leaves nothing to be rejected unheard when a job cannot be sent, or when it is closed', async () => {
    const unheard: unknown[] = [];
    const hear = (e: unknown) => unheard.push(e);
    process.on('unhandledRejection', hear);
    try {
      const jobs = new WorkerJobs<number, number>(new Worker(DOUBLER, { eval: true }), (n) => n * 2);
      const buffer = new ArrayBuffer(8);
      // The same buffer twice cannot be handed over: send throws, and the job it did not send is forgotten.
      expect(() => jobs.send(1, [buffer, buffer])).toThrow();
      expect(await jobs.send(2, [])).toBe(4);
      // Closing ends the thread with exit code 1, which is no failure of a job.
      await jobs.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unheard).toEqual([]);
    } finally {
      process.off('unhandledRejection', hear);
    }
  });
});
