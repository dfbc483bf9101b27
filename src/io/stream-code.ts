import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Codebook, Unit } from '../core/model/codebook.js';
import { CODING_FILE_COLUMNS } from '../core/model/coding.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, throwErrors } from '../core/diagnostics/qcode-error.js';
import { EVIDENCE_COLUMNS } from '../core/match/evidence.js';
import { formatCsvRow } from '../core/format/format-csv-field.js';
import { codeCsvStream } from './code-csv-stream.js';
import { codeJsonlRange, type RangeJob, type RangeResult } from './code-jsonl-range.js';
import type { SinkHead } from './coding-sink.js';
import { hashFile } from './hash-file.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';

export interface StreamCodeOptions {
  corpusPath: string;
  shownCorpus: string;
  codebook: Codebook;
  unit: Unit;
  coder: string;
  columns: ColumnNames;
  /** Where the outputs will go (symbolic links followed): their temp files are written beside them. */
  codingsFile: string;
  evidenceFile: string;
  /** Boilerplate patterns (`drop:` in qcode.yaml). */
  drop?: readonly string[] | undefined;
  /** Threads to use; 0 or absent: one per core when the corpus is large. */
  workers?: number | undefined;
  /** Bytes of the corpus done so far, and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface StreamCodeResult {
  documents: number;
  segments: number;
  matches: number;
  diagnostics: Diagnostic[];
  /** Problems found beyond those listed. */
  moreDiagnostics: number;
  codingsSha256: string;
  evidenceSha256: string;
  /** The finished outputs, in temp files beside their targets, for the caller to publish. */
  codingsTemp: string;
  evidenceTemp: string;
  /** sha256 of the corpus file's bytes. */
  corpusFileSha256: string;
  threads: number;
}

/** Below this a thread is not worth starting. */
const BYTES_PER_THREAD = 32 << 20;

/** The bundled worker beside the CLI (dist/code-worker.js), or null when running from sources. */
function workerFile(): URL | null {
  for (const rel of ['./code-worker.js', '../code-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url)) && !import.meta.url.endsWith('.ts')) return url;
  }
  return null;
}

/** Offsets where each of n slices starts: just after a line break, so no line is cut. */
async function splitAtLines(file: string, size: number, n: number): Promise<number[]> {
  const cuts = [0];
  const handle = await open(file, 'r');
  try {
    const probe = new Uint8Array(1 << 16);
    for (let k = 1; k < n; k++) {
      let pos = Math.max(Math.floor((size * k) / n), cuts[cuts.length - 1]!);
      let cut = size;
      while (pos < size) {
        const { bytesRead } = await handle.read(probe, 0, probe.length, pos);
        const nl = probe.subarray(0, bytesRead).indexOf(0x0a);
        if (nl >= 0) {
          cut = pos + nl + 1;
          break;
        }
        pos += bytesRead;
        if (bytesRead === 0) break;
      }
      cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts;
}

function runWorker(url: URL, job: RangeJob, onBytes: (bytes: number) => void): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    // A small young generation and a capped heap keep each thread's memory, and so peak RSS, low.
    const worker = new Worker(url, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
    worker.on('message', (msg: { type: string; bytes?: number; result?: RangeResult; error?: { message: string; diagnostics?: Diagnostic[] } }) => {
      if (msg.type === 'progress') onBytes(msg.bytes!);
      else if (msg.type === 'done') resolve(msg.result!);
      else if (msg.type === 'error') reject(msg.error!.diagnostics ? new QcodeError(msg.error!.diagnostics) : new Error(msg.error!.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`coding thread stopped with exit code ${code}`));
    });
  });
}

/**
 * Appends the other slices' parts to the first slice's file (which already
 * holds the header and the first slice's rows, hashed as written) and returns
 * its sha256.
 */
async function joinParts(first: string, hash: Hash, parts: readonly string[]): Promise<string> {
  if (parts.length > 0) {
    const out = await open(first, 'a');
    try {
      for (const part of parts) {
        for await (const chunk of createReadStream(part, { highWaterMark: 1 << 18 })) {
          hash.update(chunk as Buffer);
          await out.write(chunk as Buffer);
        }
      }
    } finally {
      await out.close();
    }
  }
  // No fsync: the rename at publication keeps readers from a torn file, and syncing hundreds of MB would cost more than the coding.
  return hash.digest('hex');
}

/**
 * Codes a .jsonl or .csv corpus without holding it: the file is read in
 * blocks (a JSONL file split at line breaks over worker threads when large),
 * rows are written to part files as they come and joined in corpus order,
 * so the output is the same whatever the number of threads. The outputs are
 * left in temp files (named for this process, so a killed run's are removed
 * by the next) for the caller to publish as a set.
 */
export async function streamCode(options: StreamCodeOptions): Promise<StreamCodeResult> {
  const size = (await stat(options.corpusPath)).size;
  const isCsv = options.corpusPath.toLowerCase().endsWith('.csv');
  const auto = Math.max(1, Math.min(availableParallelism(), Math.ceil(size / BYTES_PER_THREAD)));
  const url = workerFile();
  // A CSV record may span lines, so a CSV file is never split.
  const threads = isCsv ? 1 : Math.max(1, options.workers || (url ? auto : 1));
  for (const dir of new Set([path.dirname(options.codingsFile), path.dirname(options.evidenceFile)])) {
    await mkdir(dir, { recursive: true });
    await removeStaleTemps(dir);
  }
  const cuts = isCsv ? [0, size] : await splitAtLines(options.corpusPath, size, threads);
  // Slice 0 writes the output's temporary file itself; later slices write parts appended to it at the end.
  const base = (file: string, k: number) => tempPathFor(file, k === 0 ? '' : `part${k}`);
  const head: SinkHead = {
    codingsHeader: formatCsvRow(CODING_FILE_COLUMNS),
    evidenceHeader: formatCsvRow(EVIDENCE_COLUMNS),
    codingsHash: createHash('sha256'),
    evidenceHash: createHash('sha256'),
  };
  const jobs: RangeJob[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    jobs.push({
      file: options.corpusPath,
      shownFile: options.shownCorpus,
      start: cuts[k]!,
      end: cuts[k + 1]!,
      codebook: options.codebook,
      unit: options.unit,
      coder: options.coder,
      columns: options.columns,
      codingsPart: base(options.codingsFile, k),
      evidencePart: base(options.evidenceFile, k),
      drop: options.drop,
    });
  }
  const done = jobs.map(() => 0);
  const report = (k: number, bytes: number): void => {
    done[k] = bytes;
    options.onProgress?.(
      done.reduce((a, b) => a + b, 0),
      size,
    );
  };
  const corpusHash = hashFile(options.corpusPath);
  let finished = false;
  try {
    let results: RangeResult[];
    if (isCsv) results = [await codeCsvStream(jobs[0]!, (b) => report(0, b), head)];
    else if (url && jobs.length > 1) {
      // The main thread codes the first slice itself: one thread fewer to start and one heap fewer in memory.
      // A thread's heap is capped to keep peak memory low; a slice holding a document too big for it is coded again here.
      const others = jobs.slice(1).map((job, k) =>
        runWorker(url, job, (b) => report(k + 1, b)).catch((err: { code?: string }) => {
          if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
          return codeJsonlRange(job, (b) => report(k + 1, b));
        }),
      );
      for (const p of others) p.catch(() => {});
      const first = codeJsonlRange(jobs[0]!, (b) => report(0, b), head);
      results = [first, ...(await Promise.all(others))];
    }
    else results = jobs.map((job, k) => codeJsonlRange(job, (b) => report(k, b), k === 0 ? head : undefined));
    const diagnostics: Diagnostic[] = [];
    let lineBase = 0;
    let moreDiagnostics = 0;
    for (const r of results) {
      for (const d of r.diagnostics) {
        diagnostics.push(d.location?.line ? { ...d, location: { ...d.location, line: d.location.line + lineBase } } : d);
      }
      moreDiagnostics += r.moreDiagnostics;
      lineBase += r.lines;
    }
    throwErrors(diagnostics);
    const rest = jobs.slice(1);
    const codingsSha256 = await joinParts(jobs[0]!.codingsPart, head.codingsHash, rest.map((j) => j.codingsPart));
    const evidenceSha256 = await joinParts(jobs[0]!.evidencePart, head.evidenceHash, rest.map((j) => j.evidencePart));
    const result = {
      documents: results.reduce((a, r) => a + r.documents, 0),
      segments: results.reduce((a, r) => a + r.segments, 0),
      matches: results.reduce((a, r) => a + r.matches, 0),
      diagnostics,
      moreDiagnostics,
      codingsSha256,
      evidenceSha256,
      codingsTemp: jobs[0]!.codingsPart,
      evidenceTemp: jobs[0]!.evidencePart,
      corpusFileSha256: await corpusHash,
      threads: jobs.length,
    };
    finished = true;
    return result;
  } finally {
    await corpusHash.catch(() => '');
    for (const [k, j] of jobs.entries()) {
      if (k === 0 && finished) continue;
      await rm(j.codingsPart, { force: true });
      await rm(j.evidencePart, { force: true });
    }
  }
}
