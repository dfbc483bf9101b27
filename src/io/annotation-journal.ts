import { open, readFile, rm, mkdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Codebook } from '../core/model/codebook.js';
import type { Coding } from '../core/model/coding.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { throwErrors } from '../core/diagnostics/qcode-error.js';
import { formatCodingFile } from '../core/coding/format-coding-file.js';
import { AnchorIndex, checkAnchors, indexSegmentTexts, rebaseHint } from '../core/coding/anchor-codings.js';
import { applyJournal, formatJournalEntry, parseJournal, type JournalEntry } from '../core/annotate/journal.js';
import type { Segment } from '../core/model/segment.js';
import { readCodingFile } from './coding-file.js';
import { fileExists } from './file-exists.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { appendAll } from '../core/util/bulk-array.js';

/** `<dir>/<coder>.journal.jsonl` and `<dir>/<coder>.lock` beside the coding file `<dir>/<coder>.csv`. */
export function annotationPaths(codingFile: string): { journal: string; lock: string } {
  const base = codingFile.replace(/\.(csv|jsonl)$/i, '');
  return { journal: `${base}.journal.jsonl`, lock: `${base}.lock` };
}

/**
 * The append-only journal of one annotation session. Each confirmation is
 * one line, written and fsynced before the next key is handled, so killing
 * the process loses no confirmed segment.
 */
export class JournalWriter {
  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<JournalWriter> {
    await mkdir(path.dirname(file), { recursive: true });
    return new JournalWriter(await open(file, 'a'));
  }

  async append(entry: JournalEntry): Promise<void> {
    await this.handle.write(formatJournalEntry(entry));
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface CompactOptions {
  coder: string;
  codebook: Codebook;
  segments: readonly Segment[];
  display?: (p: string) => string;
  /** Entries to fold in besides the journal's (adjudication's agreed segments). */
  extra?: readonly JournalEntry[];
}

/**
 * Folds the journal into the coder's canonical coding file (written
 * atomically), then removes the journal. Run under the coder's lock, at the
 * start of a session (recovering a killed one) and at its end. Returns the
 * codings and whether the file was written.
 */
export async function compactJournal(
  codingFile: string,
  options: CompactOptions,
): Promise<{ codings: Coding[]; content: string | undefined; diagnostics: Diagnostic[] }> {
  const display = options.display ?? ((p: string) => p);
  const { journal } = annotationPaths(codingFile);
  const diagnostics: Diagnostic[] = [];
  let codings: Coding[] = [];
  if (await fileExists(codingFile)) {
    const read = await readCodingFile(codingFile, { codebook: options.codebook, segments: options.segments, coder: options.coder, display });
    appendAll(diagnostics, throwErrors(read.diagnostics));
    codings = read.codings;
  }
  const text = await readFile(journal, 'utf8').catch(() => undefined);
  const parsed = text === undefined ? { entries: [], rows: [], diagnostics: [] } : parseJournal(text, display(journal), options.coder);
  appendAll(diagnostics, parsed.diagnostics);
  // A journal left from before the text was edited holds confirmations of other text: never folded onto the new one.
  appendAll(diagnostics, checkAnchors(parsed.rows, new AnchorIndex(indexSegmentTexts(options.segments)), display(journal), rebaseHint(options.coder)));
  throwErrors(diagnostics);
  const entries = [...(options.extra ?? []), ...parsed.entries];
  if (entries.length === 0) {
    if (text !== undefined) await rm(journal, { force: true });
    return { codings, content: undefined, diagnostics };
  }
  const merged = applyJournal(codings, entries, options.coder, options.codebook);
  // Outside the overwrite policy on purpose: this is the coder's own file,
  // held under their lock, and folding in the journal only adds to it; the
  // session records it in the manifest when it ends.
  const content = formatCodingFile(codingFile, merged, options.codebook, options.segments);
  await writeFileAtomic(codingFile, content);
  // Only now is every entry safe in the coding file; a crash before this line
  // leaves the journal, and folding it in again gives the same file.
  await rm(journal, { force: true });
  return { codings: merged, content, diagnostics };
}
