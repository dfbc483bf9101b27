import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CodingTable } from '../core/coding/coding-table.js';
import { bundledWorker, runSliceThread } from './bundled-thread.js';
import { updateHashFromFile } from './hash-file.js';
import { corpusChangedError, findJsonlCut, type JsonlRange } from './read-picked-jsonl.js';
import { isJsonlFile, type CompactStudy } from './read-segment-table.js';
import { corpusColumns, type StudyOptions } from './read-study.js';
import { countThemesRange, type ThemesPass, type ThemesSliceJob, type ThemesTally } from './themes-pass.js';

/** Below this a slice is not worth a thread. */
const BYTES_PER_SLICE = 32 << 20;

/**
 * The themes pass over a JSONL corpus file in slices cut at document lines,
 * the first on this thread into `pass`, each later one on a worker thread
 * reading the study's tables in shared memory, absorbed in corpus order:
 * the counts and candidates of one pass. This thread hashes the whole file
 * (QC010 if it changed). `slices`: how many (default: one per core when the
 * file is large and the threads are bundled; from sources the later slices
 * run here, after the first). False, with nothing read, when the corpus is
 * not such a file or no cut is found: the caller makes one pass.
 */
export async function countThemesInSlices(
  study: CompactStudy,
  codings: CodingTable,
  pass: ThemesPass,
  input: { exemplars: number; candidateBudget?: number | undefined },
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  slices?: number,
): Promise<boolean> {
  const file = study.project.corpusPath!;
  if (!study.corpusFileSha256 || !(await isJsonlFile(file))) return false;
  const { size } = await stat(file);
  const url = bundledWorker('themes-worker', import.meta.url);
  const n = slices ?? (url ? Math.min(availableParallelism(), Math.floor(size / BYTES_PER_SLICE)) : 1);
  if (n < 2) return false;
  const columns = corpusColumns(study.project, options);
  const shownFile = options.display?.(file) ?? file;
  const t = study.segments;
  const ranges: JsonlRange[] = [{ start: 0, end: size, firstDoc: 0 }];
  for (let k = 1; k < n; k++) {
    const cut = await findJsonlCut(file, Math.floor((size * k) / n), columns);
    const last = ranges[ranges.length - 1]!;
    // Looked for, not looked up: the table's map of ids may have been let go (releaseFingerprints).
    const firstDoc = cut ? t.documents.findIndex((doc) => doc.id === cut.id) : -1;
    if (!cut || cut.start <= last.start || firstDoc <= last.firstDoc) return false;
    last.end = cut.start;
    ranges.push({ start: cut.start, end: size, firstDoc });
  }
  const jobs: ThemesSliceJob[] = ranges.map((range, k) => ({
    file,
    shownFile,
    columns,
    range,
    endDoc: ranges[k + 1]?.firstDoc ?? t.documents.length,
    codebook: study.codebook,
    exemplars: input.exemplars,
    candidateBudget: input.candidateBudget,
  }));
  const workers: Worker[] = [];
  const here = (job: ThemesSliceJob) => async () => (await countThemesRange(t, codings, job)).tally();
  // Shared only when a thread will read them: the coder's table is moved into shared memory then (a copy).
  const tables = url && jobs.length > 1 ? { segments: t.shared(), codings: codings.shared() } : null;
  const later = jobs.slice(1).map((job) => {
    if (!tables) return here(job);
    // A thread that runs out of its heap leaves its slice to this thread.
    const answer = runWorker(url!, { ...job, ...tables }, workers).catch((err: { code?: string }) => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? here(job)() : Promise.reject(err)));
    answer.catch(() => {});
    return () => answer;
  });
  try {
    const hash = createHash('sha256');
    await countThemesRange(t, codings, jobs[0]!, pass, hash);
    // The whole file hashed here, the later slices' bytes too, while their threads count.
    await updateHashFromFile(hash, file, jobs[0]!.range.end);
    if (hash.digest('hex') !== study.corpusFileSha256) throw corpusChangedError(shownFile);
    for (const answer of later) pass.absorb(await answer());
  } finally {
    for (const w of workers) await w.terminate();
  }
  return true;
}

function runWorker(url: URL, job: object, workers: Worker[]): Promise<ThemesTally> {
  // The vocabulary and candidates of a slice; a capped heap keeps peak memory in check.
  return runSliceThread<ThemesTally>(url, job, { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 }, 'themes', { started: (w) => workers.push(w) });
}
