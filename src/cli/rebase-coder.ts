import { readFile, rm } from 'node:fs/promises';
import { parseJournal, entryRows } from '../core/annotate/journal.js';
import { rebaseHint } from '../core/coding/anchor-codings.js';
import { CodingTableBuilder } from '../core/coding/coding-table.js';
import { formatCodingTablePieces } from '../core/coding/format-coding-file.js';
import { formatOrphansCsv } from '../core/coding/format-orphans.js';
import type { RebaseReport } from '../core/coding/format-rebase.js';
import { codingRowOf } from '../core/coding/parse-coding-file.js';
import { Rebaser, tableRebaseLookup } from '../core/coding/rebase-codings.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { diag } from '../core/diagnostics/qcode-error.js';
import type { CodingRow } from '../core/model/coding.js';
import { annotationPaths } from '../io/annotation-journal.js';
import { acquireCoderLock } from '../io/coder-lock.js';
import { codingPath, orphansPath } from '../io/coding-file.js';
import { fileExists } from '../io/file-exists.js';
import { manifestKey, readManifest } from '../io/manifest.js';
import { readOldTexts } from '../io/read-old-texts.js';
import { forEachCodingRow } from '../io/read-coding-table.js';
import type { CompactStudy } from '../io/read-segment-table.js';
import type { OutputFile } from '../io/write-output-files.js';
import type { CommandContext } from './command-kit.js';
import { streamOutput } from './output.js';

/** Hands a coder's rows to the taker `begin` makes (again from the start when `begin` is called again); returns the problems met reading them. */
export type RowSource = (begin: () => (row: CodingRow) => void) => Promise<Diagnostic[]>;

/**
 * A coder's rows: the coding file's, streamed, with a left-over annotation
 * journal's entries replacing their segments' rows. The journal's problems
 * are reported here; the file's are returned by each pass.
 */
async function coderRows(ctx: CommandContext, file: string, coder: string): Promise<RowSource> {
  const journalFile = annotationPaths(file).journal;
  const journal = await readFile(journalFile, 'utf8').then(
    (text) => parseJournal(text, ctx.display(journalFile), coder),
    () => undefined,
  );
  const latest = new Map(journal?.entries.map((e) => [e.segment_id, e]));
  const at = { file: ctx.display(journalFile) };
  const exists = await fileExists(file);
  return async (begin) => {
    let add = begin();
    const keep = (row: CodingRow) => {
      if (!latest.has(row.segment_id)) add(row);
      return true;
    };
    // A CSV read whole after all starts the taker again.
    let first = true;
    const restart = () => {
      if (!first) add = begin();
      first = false;
      return keep;
    };
    const read = exists ? await forEachCodingRow(file, ctx.display(file), coder, restart) : [];
    for (const e of latest.values()) for (const r of entryRows(e, coder, at)) add(codingRowOf(r));
    return [...read, ...(journal?.diagnostics ?? [])];
  };
}

/** Rows to place by text, and where they come from and go. */
export interface PlaceByText {
  coder: string;
  rows: RowSource;
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
 * Places rows on the current segments by their text (Rebaser), checks them
 * (CodingTableBuilder), and writes the coding file and, when some could not
 * be placed, adds them to the orphans file: every row read ends up in one of
 * the two. Rows stream through: a file in segment order whose rows all stay
 * is settled as it is read; when some move, the rows are read again and
 * sorted (as readCodingTable does).
 */
export async function writePlacedByText(ctx: CommandContext, study: CompactStudy, p: PlaceByText): Promise<Omit<RebaseReport, 'coder' | 'file'>> {
  const at = { file: ctx.display(p.file) };
  const placeBy = async (grouped: boolean, reported: boolean) => {
    let builder = new CodingTableBuilder(study.codebook, study.segments, p.coder, rebaseHint(p.coder), { grouped });
    let rebaser = new Rebaser(tableRebaseLookup(study.segments), () => undefined);
    const read = await p.rows(() => {
      const b = (builder = new CodingTableBuilder(study.codebook, study.segments, p.coder, rebaseHint(p.coder), { grouped }));
      // Placed codings are checked as qcode's own rows: no fingerprint (they are on their text now), no line. One object, refilled: the builder keeps none.
      const row = { segment_id: '', doc_id: '', coder: '', category: '', code: '', memo: '', text_sha: '', line: 0, at: () => at };
      rebaser = new Rebaser(tableRebaseLookup(study.segments), (c, docId) => {
        row.segment_id = c.segment_id;
        row.doc_id = docId;
        row.coder = c.coder;
        row.category = c.category;
        row.code = c.code;
        row.memo = c.memo;
        b.add(row);
      });
      return (row) => rebaser.add(row);
    });
    if (!reported) ctx.report(read);
    const wanted = new Set([...rebaser.heldShas()].filter((sha) => !p.texts?.has(sha)));
    const old = await readOldTexts(p.textFiles, wanted);
    return { builder, result: rebaser.finish((sha) => p.texts?.get(sha) ?? old.get(sha)) };
  };
  let placed = await placeBy(true, false);
  if (placed.builder.outOfOrder) placed = await placeBy(false, true);
  const { result } = placed;
  const checked = placed.builder.finish();
  ctx.report(checked.diagnostics);
  const orphans = orphansPath(p.file);
  const details = { ...p.details, rebased: { segments: result.segments, codings: result.rows } };
  const also: OutputFile[] = [];
  if (result.orphans.length > 0) {
    const existing = await readFile(orphans, 'utf8').catch(() => undefined);
    also.push({ file: orphans, content: formatOrphansCsv(existing, result.orphans), kind: 'work', details: { coder: p.coder } });
  }
  const produce = async (write: (text: string) => Promise<void>) => {
    for (const piece of formatCodingTablePieces(p.file, checked.codings)) await write(piece);
    return study;
  };
  await streamOutput(ctx, p.file, produce, { kind: 'work', details }, { force: p.force, project: study.project, also: () => also });
  return { segments: result.segments, rows: result.rows, orphansFile: ctx.display(orphans) };
}

/**
 * Rebases one coder's file onto the study's segments, under the coder's lock
 * (no annotation session writes it meanwhile): the codings placed by text go
 * back into the file, the rest are added to `<coder>.orphans.csv`, a
 * left-over journal is folded in. A derived file (the auto-coder's, units
 * made from spans) is left alone: the command that made it makes it again.
 */
export async function rebaseCoder(ctx: CommandContext, study: CompactStudy, coder: string, textFiles: readonly string[]): Promise<RebaseReport> {
  const file = codingPath(study.project, coder);
  const shown = ctx.display(file);
  const entry = (await readManifest(study.project.outDir)).outputs[manifestKey(study, file)];
  if (entry?.kind === 'derived') return { coder, file: shown, skipped: `${shown} is derived: rerun \`${entry.command}\` to make it from the current text` };
  const journal = annotationPaths(file);
  if (!(await fileExists(file)) && !(await fileExists(journal.journal))) ctx.report([diag('QC412', `no coding file ${shown}`, { at: { file: shown } })]);
  const lock = await acquireCoderLock(journal.lock, ctx.display(journal.lock));
  try {
    const rows = await coderRows(ctx, file, coder);
    // Replacing the coder's work is what rebase is for, and it loses nothing: every row it read is in one of the two files.
    const report = await writePlacedByText(ctx, study, { coder, rows, file, textFiles, force: true, details: { coder } });
    await rm(journal.journal, { force: true });
    return { coder, file: shown, ...report };
  } finally {
    await lock.release();
  }
}
