import { readFile, rm } from 'node:fs/promises';
import { parseJournal, entryRows } from '../core/annotate/journal.js';
import { AnchorIndex, indexSegmentTexts } from '../core/coding/anchor-codings.js';
import { formatCodingFile } from '../core/coding/format-coding-file.js';
import { formatOrphansCsv } from '../core/coding/format-orphans.js';
import type { RebaseReport } from '../core/coding/format-rebase.js';
import type { LocatedCoding } from '../core/coding/parse-coding-file.js';
import { rebaseCodings } from '../core/coding/rebase-codings.js';
import { validateCodings } from '../core/coding/validate-codings.js';
import { diag } from '../core/diagnostics/qcode-error.js';
import { annotationPaths } from '../io/annotation-journal.js';
import { acquireCoderLock } from '../io/coder-lock.js';
import { codingPath, orphansPath, readCodingRows } from '../io/coding-file.js';
import { fileExists } from '../io/file-exists.js';
import { manifestKey, readManifest } from '../io/manifest.js';
import { readOldTexts } from '../io/read-old-texts.js';
import type { OutputFile } from '../io/write-output-files.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { writeOutputs } from './output.js';

/** A coder's rows: the coding file's, with a left-over annotation journal's entries replacing their segments' rows. */
async function readCoderRows(ctx: CommandContext, file: string, coder: string): Promise<LocatedCoding[]> {
  const fromFile = (await fileExists(file)) ? await readCodingRows(file, coder, ctx.display(file)) : { rows: [], diagnostics: [] };
  const journalFile = annotationPaths(file).journal;
  const journal = await readFile(journalFile, 'utf8').then(
    (text) => parseJournal(text, ctx.display(journalFile), coder),
    () => undefined,
  );
  ctx.report([...fromFile.diagnostics, ...(journal?.diagnostics ?? [])]);
  if (!journal) return fromFile.rows;
  const latest = new Map(journal.entries.map((e) => [e.segment_id, e]));
  const at = { file: ctx.display(journalFile) };
  return [...fromFile.rows.filter((r) => !latest.has(r.coding.segment_id)), ...[...latest.values()].flatMap((e) => entryRows(e, coder, at))];
}

/**
 * Rebases one coder's file onto the study's segments, under the coder's lock
 * (no annotation session writes it meanwhile): the codings placed by text go
 * back into the file, the rest are added to `<coder>.orphans.csv`, a
 * left-over journal is folded in. A derived file (the auto-coder's, units
 * made from spans) is left alone: the command that made it makes it again.
 */
export async function rebaseCoder(ctx: CommandContext, study: Study, coder: string, textFiles: readonly string[]): Promise<RebaseReport> {
  const file = codingPath(study.project, coder);
  const shown = ctx.display(file);
  const entry = (await readManifest(study.project.outDir)).outputs[manifestKey(study, file)];
  if (entry?.kind === 'derived') return { coder, file: shown, skipped: `${shown} is derived: rerun \`${entry.command}\` to make it from the current text` };
  const journal = annotationPaths(file);
  if (!(await fileExists(file)) && !(await fileExists(journal.journal))) ctx.report([diag('QC412', `no coding file ${shown}`, { at: { file: shown } })]);
  const lock = await acquireCoderLock(journal.lock, ctx.display(journal.lock));
  try {
    const rows = await readCoderRows(ctx, file, coder);
    const wanted = new Set(rows.map((r) => r.text_sha ?? '').filter(Boolean));
    const old = await readOldTexts(textFiles, wanted);
    const result = rebaseCodings(rows, new AnchorIndex(indexSegmentTexts(study.segments)), (sha) => old.get(sha));
    const placed = result.codings.map((coding) => ({ coding, at: { row: { file: shown } } }));
    const checked = validateCodings(placed, study.codebook, study.segments, coder);
    ctx.report(checked.diagnostics);
    const orphans = orphansPath(file);
    const details: Record<string, unknown> = { coder, rebased: { segments: result.segments, codings: result.rows } };
    const outputs: OutputFile[] = [{ file, content: formatCodingFile(file, checked.codings, study.codebook, study.segments), kind: 'work', details }];
    if (result.orphans.length > 0) {
      const existing = await readFile(orphans, 'utf8').catch(() => undefined);
      outputs.push({ file: orphans, content: formatOrphansCsv(existing, result.orphans), kind: 'work', details: { coder } });
    }
    // Replacing the coder's work is what rebase is for, and it loses nothing: every row it read is in one of the two files.
    await writeOutputs(ctx, study, outputs, { force: true });
    await rm(journal.journal, { force: true });
    return { coder, file: shown, segments: result.segments, rows: result.rows, orphansFile: ctx.display(orphans) };
  } finally {
    await lock.release();
  }
}
