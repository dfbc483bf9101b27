import { rm, stat } from 'node:fs/promises';
import { QcodeError } from '../core/diagnostics/qcode-error.js';
import { factAt } from '../core/match/segment-rows.js';
import { SegmentTableBuilder } from '../core/segment/segment-table.js';
import type { SliceResult } from './coding-sink.js';
import { readCodebook } from './read-codebook.js';
import type { Project } from './read-project.js';
import type { CompactStudy } from './read-segment-table.js';
import { corpusColumns, studyUnit, type StudyOptions } from './read-study.js';
import { readCorpusFingerprint, segmentIndexKey, segmentIndexPath, writeSegmentIndex } from './segment-index.js';
import { streamCode } from './stream-code.js';
import type { StreamedOutput } from './streamed-output.js';

/**
 * `qcode segment`'s one pass the way `qcode code` reads a corpus: a JSONL
 * file in slices over worker threads (stream-code.ts), each writing its
 * segments file rows as bytes, joined in corpus order into a temp file the
 * output adopts; the segment table built straight from this thread's slice,
 * then from the facts the threads hand over. The
 * same rows, table, corpus hash and diagnostics as readSegmentTable with its
 * onDocument hook. Returns null, having written nothing, where that reader
 * must do it: output to a stream, a broken project or codebook (reported
 * with the corpus' problems), standard input, a corpus with errors, or
 * more problems than a slice keeps.
 *
 * It also writes the segment index (segment-index.ts), so the commands that
 * follow need not segment again: the corpus file is hashed before the pass,
 * and the index written only if the file is the same one, of the same size
 * and modification time, after it (the threads read slices, so no one pass
 * hashes the whole file).
 */
export async function writeSegmentRows(
  project: Project,
  options: Pick<StudyOptions, 'unit' | 'idColumn' | 'textColumn' | 'display'> & { workers?: number },
  format: 'csv' | 'jsonl',
  output: StreamedOutput,
): Promise<CompactStudy | null> {
  const display = options.display ?? ((p: string) => p);
  const target = output.realFile;
  if (!target || !project.codebookPath || !project.corpusPath || project.corpusPath === '-') return null;
  if (project.diagnostics.some((d) => d.severity === 'error')) return null;
  const cb = await readCodebook(project.codebookPath, display(project.codebookPath));
  const codebook = cb.codebook;
  if (!codebook || cb.diagnostics.some((d) => d.severity === 'error')) return null;
  const unit = studyUnit(options.unit, project, codebook);
  const builder = new SegmentTableBuilder(unit);
  let truncated = false;
  const addSlice = (r: SliceResult) => {
    truncated ||= r.moreDiagnostics > 0;
    // The first slice went straight into the table.
    if (!r.segmentFacts) return;
    const facts = r.segmentFacts;
    const metadata = r.metadata!;
    let n = 0;
    for (let i = 0; i < r.ids.length; i++) {
      builder.addDocument({ id: r.ids[i]!, metadata: metadata[i]! });
      for (let to = n + factAt(facts.perDocument, i); n < to; n++) {
        builder.addSegmentWords(factAt(facts.index, n), factAt(facts.start, n), factAt(facts.end, n), factAt(facts.shaHi, n), factAt(facts.shaLo, n));
      }
    }
    builder.dropped += facts.dropped;
    delete r.metadata;
    delete r.segmentFacts;
  };
  const prior = [...project.diagnostics, ...cb.diagnostics];
  const columns = corpusColumns(project, options);
  const before = await stat(project.corpusPath).catch(() => null);
  const fingerprint = before?.isFile() ? await readCorpusFingerprint(project.corpusPath) : null;
  let result;
  try {
    result = await streamCode({
      file: project.corpusPath,
      shownFile: display(project.corpusPath),
      codebook,
      unit,
      coder: '',
      columns,
      jsonlCodings: false,
      drop: project.settings.drop,
      segments: format,
      codingsFile: target,
      evidenceFile: null,
      display,
      workers: options.workers,
      onSlice: addSlice,
      segmentTable: builder,
    });
  } catch (e) {
    // A corpus with errors is read again by readSegmentTable, which reports them exactly as every command does.
    if (e instanceof QcodeError) return null;
    throw e;
  }
  if (truncated || result.moreDiagnostics > 0) {
    await rm(result.codingsTemp, { force: true });
    return null;
  }
  await output.adopt(result.codingsTemp, result.codingsSha256);
  const segments = builder.finish();
  const after = await stat(project.corpusPath).catch(() => null);
  const unchanged = before && after && fingerprint && before.ino === after.ino && before.size === after.size && before.mtimeMs === after.mtimeMs;
  if (unchanged) {
    const key = segmentIndexKey(project, codebook, unit, columns, display);
    await writeSegmentIndex(segmentIndexPath(project.outDir, key), key, fingerprint, segments, {
      corpusSha256: result.corpusSha256,
      fileSha256: fingerprint.slice('file:'.length),
      diagnostics: result.diagnostics,
    });
  }
  return {
    project,
    codebook,
    codebookSha256: cb.sha256,
    corpusSha256: result.corpusSha256,
    ...(unchanged ? { corpusFileSha256: fingerprint.slice('file:'.length) } : {}),
    unit,
    segments,
    dropped: segments.dropped,
    segmentCount: segments.length,
    diagnostics: [...prior, ...result.diagnostics],
  };
}
