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

/** Rows to place by text, and where they come from and go. */
export interface PlaceByText {
  coder: string;
  rows: readonly LocatedCoding[];
  /** The coder's coding file (and the orphans file beside it). */
  file: string;
  /** Files to look for orphans' old text in, and texts already at hand. */
  textFiles: readonly string[];
  texts?: ReadonlyMap<string, string>;
  /** --force for import; rebase itself replaces the file it read (see rebaseCoder). */
  force: boolean;
  details: Record<string, unknown>;
}

/**
 * Places rows on the current segments by their text (rebaseCodings), checks
 * them, and writes the coding file and, when some could not be placed, adds
 * them to the orphans file: every row read ends up in one of the two.
 */
export async function writePlacedByText(ctx: CommandContext, study: Study, p: PlaceByText): Promise<Omit<RebaseReport, 'coder' | 'file'>> {
  const wanted = new Set(p.rows.map((r) => r.text_sha ?? '').filter((sha) => sha && !p.texts?.has(sha)));
  const old = await readOldTexts(p.textFiles, wanted);
  const result = rebaseCodings(p.rows, new AnchorIndex(indexSegmentTexts(study.segments)), (sha) => p.texts?.get(sha) ?? old.get(sha));
  const placed = result.codings.map((coding) => ({ coding, at: { row: { file: ctx.display(p.file) } } }));
  const checked = validateCodings(placed, study.codebook, study.segments, p.coder);
  ctx.report(checked.diagnostics);
  const orphans = orphansPath(p.file);
  const details = { ...p.details, rebased: { segments: result.segments, codings: result.rows } };
  const outputs: OutputFile[] = [{ file: p.file, content: formatCodingFile(p.file, checked.codings, study.codebook, study.segments), kind: 'work', details }];
  if (result.orphans.length > 0) {
    const existing = await readFile(orphans, 'utf8').catch(() => undefined);
    outputs.push({ file: orphans, content: formatOrphansCsv(existing, result.orphans), kind: 'work', details: { coder: p.coder } });
  }
  await writeOutputs(ctx, study, outputs, { force: p.force });
  return { segments: result.segments, rows: result.rows, orphansFile: ctx.display(orphans) };
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
    // Replacing the coder's work is what rebase is for, and it loses nothing: every row it read is in one of the two files.
    const report = await writePlacedByText(ctx, study, { coder, rows, file, textFiles, force: true, details: { coder } });
    await rm(journal.journal, { force: true });
    return { coder, file: shown, ...report };
  } finally {
    await lock.release();
  }
}
