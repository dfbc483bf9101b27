import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { bundledWorker, runSliceThread } from './bundled-thread.js';
import { CorpusHasher } from '../core/corpus/compute-corpus-hash.js';
import { DocumentIdTracker, checkDocument, checkDocumentCount, orderCorpusDiagnostics } from '../core/corpus/validate-corpus.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import { EVIDENCE_HEADER, codingHeader } from '../core/match/format-document-rows.js';
import { formatSegmentsHeader } from '../core/segment/format-segments.js';
import type { SegmentTableBuilder } from '../core/segment/segment-table.js';
import { codeCsvFile, codeFolder } from './code-sources.js';
import { codeJsonlRange, codeJsonlStream, type CodeJob, type RangeJob } from './code-jsonl.js';
import { CodingSink, fileTarget, type RowTarget, type SliceResult } from './coding-sink.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';
import { appendAll } from '../core/util/bulk-array.js';

export interface StreamCodeOptions extends CodeJob {
  /** Where the coding rows go: a file, or `-` for `stdout`. */
  codingsFile: string;
  /** Where the evidence rows go; null: not written. */
  evidenceFile: string | null;
  /** Threads for a JSONL file; 0 or absent: one per core when the corpus is large. */
  workers?: number | undefined;
  onProgress?: (done: number, total: number) => void;
  /** Hears each slice's result in corpus order as soon as it and those before it are done (the first before the threads finish), errors or not. */
  onSlice?: (slice: SliceResult) => void;
  /** `qcode segment`: the table the slices on this thread build straight into (the others' facts come to onSlice). */
  segmentTable?: SegmentTableBuilder;
  display: (p: string) => string;
  stdin?: Readable;
  stdout?: Writable;
}

/** Per coded document of a shard: its place among all documents, its rows' bytes, its digest (the merge's index). */
export interface ShardIndex {
  ordinals: number[];
  codingBytes: number[];
  evidenceBytes: number[];
  digests: Uint8Array[];
  /** Documents in the whole corpus, and sha256 over their ids in order: the same for every shard of one corpus. */
  documents: number;
  idsSha256: string;
}

export interface StreamCodeResult {
  documents: number;
  segments: number;
  matches: number;
  /** Segments given a code. */
  coded: number;
  /** Warnings (errors are thrown). */
  diagnostics: Diagnostic[];
  moreDiagnostics: number;
  codingsSha256: string;
  evidenceSha256: string;
  /** The finished outputs, in temp files beside their targets, for the caller to publish as a set ('' for stdout or none). */
  codingsTemp: string;
  evidenceTemp: string;
  /** The corpus hash over the normalised documents (for a shard: over its own documents). */
  corpusSha256: string;
  threads: number;
  shardIndex: ShardIndex | null;
}

/** The join's read size: a megabyte, read into one buffer again and again. */
const JOIN_CHUNK = 1 << 20;

/** Below this a thread is not worth starting. */
const BYTES_PER_THREAD = 32 << 20;

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

function runWorker(url: URL, job: RangeJob, onBytes: (bytes: number) => void): Promise<SliceResult> {
  // A small young generation and a capped heap keep each thread's memory, and so peak RSS, low.
  // A segments run keeps each document's metadata until the slice is done and makes a string per row: more room than coding needs.
  const limits = job.segments ? { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 } : { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
  return runSliceThread<SliceResult>(url, job, limits, 'coding', { progress: onBytes });
}

/**
 * Appends the parts to `first` (which holds the header and the first slice's
 * rows, hashed as written); returns its sha256. Read and written in step
 * through one buffer: a stream's fresh chunk per read made garbage the large
 * heap of a `qcode segment` run had to collect again and again (its join of
 * a gigabyte corpus took about 2.5 s, about 1 s this way), and nothing else runs here.
 */
function joinParts(first: string, hash: Hash, parts: readonly string[]): string {
  if (parts.length > 0) {
    const out = openSync(first, 'a');
    const buf = Buffer.allocUnsafe(JOIN_CHUNK);
    try {
      for (const part of parts) {
        const fd = openSync(part, 'r');
        try {
          for (let got = readSync(fd, buf, 0, JOIN_CHUNK, null); got > 0; got = readSync(fd, buf, 0, JOIN_CHUNK, null)) {
            const chunk = buf.subarray(0, got);
            hash.update(chunk);
            for (let done = 0; done < got; ) done += writeSync(out, chunk, done, got - done);
          }
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      closeSync(out);
    }
  }
  // No fsync: the rename at publication keeps readers from a torn file, and syncing hundreds of MB would cost more than the coding.
  return hash.digest('hex');
}

/** What kind of corpus a path is: stdin, a folder, a CSV or a JSONL file (QC002, QC301 otherwise). */
async function corpusKind(file: string, shown: string): Promise<{ kind: 'stdin' | 'folder' | 'csv' | 'jsonl'; size: number }> {
  if (file === '-') return { kind: 'stdin', size: 0 };
  const info = await stat(file).catch(() => null);
  if (!info) throw new QcodeError([diag('QC002', `corpus ${shown} does not exist`, { at: { file: shown } })]);
  if (info.isDirectory()) return { kind: 'folder', size: 0 };
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return { kind: 'csv', size: info.size };
  if (ext === '.jsonl') return { kind: 'jsonl', size: info.size };
  throw new QcodeError([diag('QC301', `${shown} is not a folder, a .csv or a .jsonl file`, { at: { file: shown } })]);
}

/**
 * The one pipeline of `qcode code`, for every corpus (folder, CSV, JSONL,
 * standard input) and every size: documents are read one at a time (a JSONL
 * file in slices over worker threads when large), coded by the byte scanner,
 * and their rows written as they come to part files joined in corpus order,
 * so the output is the same whatever the number of threads. The corpus rules
 * and the corpus hash are applied afterwards, in corpus order, from what each
 * slice kept per document: the same diagnostics and hash as the in-memory
 * reader gives. Errors are thrown (nothing is published); warnings returned.
 */
export async function streamCode(options: StreamCodeOptions): Promise<StreamCodeResult> {
  const { kind, size } = await corpusKind(options.file, options.shownFile);
  const toStdout = options.codingsFile === '-';
  const headers = { codings: options.segments ? formatSegmentsHeader(options.segments) : codingHeader(options.jsonlCodings), evidence: EVIDENCE_HEADER };
  const auto = Math.max(1, Math.min(availableParallelism(), Math.ceil(size / BYTES_PER_THREAD)));
  const url = bundledWorker('code-worker', import.meta.url);
  const threads = kind === 'jsonl' && !toStdout ? Math.max(1, options.workers || (url ? auto : 1)) : 1;
  for (const f of [options.codingsFile, options.evidenceFile]) {
    if (!f || f === '-') continue;
    await mkdir(path.dirname(f), { recursive: true });
    await removeStaleTemps(path.dirname(f));
  }
  const cuts = kind === 'jsonl' ? await splitAtLines(options.file, size, threads) : [0, size];
  // Slice 0 writes the output's temporary file itself; later slices write parts appended to it at the end.
  const temp = (file: string | null, k: number) => (file === null || file === '-' ? '' : tempPathFor(file, k === 0 ? '' : `part${k}`));
  const { stdin, stdout, onProgress, onSlice, segmentTable, workers: _w, display, codingsFile, evidenceFile, ...job } = options;
  const jobs: RangeJob[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    jobs.push({ ...job, start: cuts[k]!, end: cuts[k + 1]!, codingsPart: temp(codingsFile, k), evidencePart: temp(evidenceFile, k) });
  }
  const codingsHash = createHash('sha256');
  const evidenceHash = createHash('sha256');
  const nowhere: RowTarget = { write() {}, close() {} };
  const stdoutTarget: RowTarget = { write: (b) => void stdout!.write(Buffer.from(b)), close() {} };
  const firstSink = () => {
    const sink = new CodingSink(
      toStdout ? stdoutTarget : fileTarget(jobs[0]!.codingsPart, codingsHash),
      evidenceFile ? fileTarget(jobs[0]!.evidencePart, evidenceHash) : nowhere,
      headers,
      job.shard !== undefined,
    );
    if (segmentTable) sink.segmentTable = segmentTable;
    return sink;
  };
  const partSink = (j: RangeJob) =>
    new CodingSink(fileTarget(j.codingsPart), j.evidencePart ? fileTarget(j.evidencePart) : nowhere, undefined, j.shard !== undefined);
  const done = jobs.map(() => 0);
  const report = (k: number, bytes: number): void => {
    done[k] = bytes;
    onProgress?.(done.reduce((a, b) => a + b, 0), size);
  };
  let finished = false;
  try {
    let results: SliceResult[];
    if (kind === 'stdin') results = [await codeJsonlStream(job, stdin!, firstSink())];
    else if (kind === 'csv') results = [await codeCsvFile(job, firstSink(), (b) => report(0, b))];
    else if (kind === 'folder') results = [await codeFolder(job, firstSink(), display)];
    else if (url && jobs.length > 1) {
      // The main thread codes the first slice itself: one thread fewer to start and one heap fewer in memory.
      // A thread's heap is capped to keep peak memory low; a slice holding a document too big for it is coded again here.
      const others = jobs.slice(1).map((j, k) =>
        runWorker(url, j, (b) => report(k + 1, b)).catch((err: { code?: string }) => {
          if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
          return codeJsonlRange(j, partSink(j), (b) => report(k + 1, b));
        }),
      );
      for (const p of others) p.catch(() => {});
      const first = codeJsonlRange(jobs[0]!, firstSink(), (b) => report(0, b));
      // The first slice is heard while the threads still work: what the caller keeps of it is built before theirs arrives.
      onSlice?.(first);
      results = [first, ...(await Promise.all(others))];
      for (const r of results.slice(1)) onSlice?.(r);
    } else {
      // One slice after another on this thread, each heard as it is done.
      results = [];
      for (const [k, j] of jobs.entries()) {
        results.push(codeJsonlRange(j, k === 0 ? firstSink() : partSink(j), (b) => report(k, b)));
        onSlice?.(results[k]!);
      }
    }
    if (kind !== 'jsonl') onSlice?.(results[0]!);
    const summary = summarise(results, options.shownFile, options.shard !== undefined);
    throwErrors(summary.diagnostics);
    const rest = jobs.slice(1);
    const codingsSha256 = toStdout ? '' : joinParts(jobs[0]!.codingsPart, codingsHash, rest.map((j) => j.codingsPart));
    const evidenceSha256 = evidenceFile ? joinParts(jobs[0]!.evidencePart, evidenceHash, rest.map((j) => j.evidencePart)) : '';
    finished = true;
    return { ...summary, codingsSha256, evidenceSha256, codingsTemp: jobs[0]!.codingsPart, evidenceTemp: jobs[0]!.evidencePart, threads: jobs.length };
  } finally {
    // The first slice's files are the outputs, left for the caller to publish; the parts are joined into them.
    for (const [k, j] of jobs.entries()) for (const f of [j.codingsPart, j.evidencePart]) if (f && !(k === 0 && finished)) await rm(f, { force: true });
  }
}

/**
 * The corpus-wide part, in corpus order over what the slices kept: every
 * document's rules (ids valid and unique, text not empty), the document
 * count, the corpus hash, and for a shard the merge's index.
 */
function summarise(results: readonly SliceResult[], shown: string, sharded: boolean) {
  const ids = new DocumentIdTracker();
  const hasher = new CorpusHasher();
  const idsHash = createHash('sha256');
  const found: Diagnostic[] = [];
  const index: ShardIndex = { ordinals: [], codingBytes: [], evidenceBytes: [], digests: [], documents: 0, idsSha256: '' };
  let lineBase = 0;
  let moreDiagnostics = 0;
  let documents = 0;
  let ordinal = 0;
  for (const r of results) {
    for (const d of r.diagnostics) found.push(d.location?.line ? { ...d, location: { ...d.location, line: d.location.line + lineBase } } : d);
    moreDiagnostics += r.moreDiagnostics;
    const digests = r.digests;
    // Coded documents' digests are hashed a run at a time, and the ids once per slice: the same bytes, without a native update per document.
    let run = 0;
    for (let i = 0; i < r.ids.length; i++) {
      const line = r.docLines[i];
      const at = line ? { file: r.docFiles[i] ?? shown, line: line + lineBase } : { file: r.docFiles[i] ?? shown };
      const problems = checkDocument(r.ids[i]!, r.blank[i] === 1, at, ids);
      if (problems.length > 0) appendAll(found, problems);
      if (r.blank[i] === 2) {
        // Left to another shard: in the ids, not in the corpus hash.
        if (i > run) hasher.addDigests(digests.subarray(run * 32, i * 32));
        run = i + 1;
      } else {
        documents++;
        if (sharded) {
          index.ordinals.push(ordinal);
          index.codingBytes.push(r.codingBytes[i]!);
          index.evidenceBytes.push(r.evidenceBytes[i]!);
          index.digests.push(digests.slice(i * 32, i * 32 + 32));
        }
      }
      ordinal++;
    }
    if (r.ids.length > run) hasher.addDigests(digests.subarray(run * 32, r.ids.length * 32));
    if (r.ids.length > 0) idsHash.update(`${r.ids.join('\n')}\n`);
    lineBase += r.lines;
    // Done with this slice's documents: let them go before the next slice's are read.
    r.ids = [];
    r.digests = new Uint8Array(0);
  }
  appendAll(found, checkDocumentCount(ordinal, shown));
  index.documents = ordinal;
  index.idsSha256 = idsHash.digest('hex');
  return {
    documents,
    segments: results.reduce((a, r) => a + r.segments, 0),
    matches: results.reduce((a, r) => a + r.matches, 0),
    coded: results.reduce((a, r) => a + r.coded, 0),
    diagnostics: orderCorpusDiagnostics(found),
    moreDiagnostics,
    corpusSha256: hasher.digest(),
    shardIndex: sharded ? index : null,
  };
}
