import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { diag } from '../core/diagnostics/qcode-error.js';
import type { ManifestEntry } from '../core/provenance/manifest.js';
import { failpoint } from './failpoint.js';
import { hashFile } from './hash-file.js';
import { manifestKey, readManifest, writeManifestEntries } from './manifest.js';
import { processAlive } from './process-alive.js';
import type { Project } from './read-project.js';
import { writeFileAtomic } from './write-file-atomic.js';

/*
 * Files a command writes together are published as one set, so that a reader
 * can tell a whole set from a mix of two runs, and the next run repairs a mix:
 *
 * 1. every file is written to a temp file beside its target (write-file-atomic.ts);
 * 2. a publish journal `<out>/.qcode-publish-<pid>-<random>.json` records the
 *    new manifest entries, each file's sha256 and the set;
 * 3. the temp files are renamed onto their targets, one after another;
 * 4. the manifest is written, last, holding each file's hash and the set;
 * 5. the journal is removed.
 *
 * A kill anywhere leaves either no journal (the set is whole: old or new) or a
 * journal of a dead process. Readers take such a journal into account (a file
 * matching the journal's hash is the new one) and refuse a set whose files are
 * not all of one run (QC008). The next command that writes adopts into the
 * manifest the journal's entries whose files were renamed, and removes the
 * journal; a mix is then plain in the manifest alone, and rerunning the
 * command replaces the whole set under the overwrite policy.
 */

type Root = Pick<Project, 'root' | 'outDir'>;

const JOURNAL = /^\.qcode-publish-(\d+)-[0-9a-f]{8}\.json$/;

interface Journal {
  file: string;
  pid: number;
  /** The process is still running: its files may be half renamed right now. */
  live: boolean;
  entries: Record<string, ManifestEntry>;
}

/** A file written to its temp path, waiting to be renamed onto `real`. */
export interface StagedFile {
  real: string;
  temp: string;
}

async function readJournals(outDir: string): Promise<Journal[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const journals: Journal[] = [];
  for (const name of names) {
    const m = JOURNAL.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(outDir, name);
    const parsed = await readFile(file, 'utf8')
      .then((t) => JSON.parse(t) as { entries?: Record<string, ManifestEntry> })
      .catch(() => ({ entries: {} }));
    journals.push({ file, pid, live: pid === process.pid || processAlive(pid), entries: parsed.entries ?? {} });
  }
  return journals;
}

const hashOrNull = (file: string) => hashFile(file).catch(() => null);

/**
 * Publishes staged files with their manifest entries (keyed by manifest key)
 * as one set; see the comment at the top. QCODE_FAILPOINT can stop it at
 * publish-journal, publish-rename-<k>, publish-manifest and publish-done.
 */
export async function publishOutputSet(project: Root, staged: readonly StagedFile[], entries: Record<string, ManifestEntry>): Promise<void> {
  const keys = Object.keys(entries).sort();
  if (keys.length > 1) {
    const set = Object.fromEntries(keys.map((k) => [k, entries[k]!.sha256]));
    for (const k of keys) entries[k] = { ...entries[k]!, set };
  }
  const journal = path.join(project.outDir, `.qcode-publish-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  await writeFileAtomic(journal, `${JSON.stringify({ pid: process.pid, entries })}\n`);
  failpoint('publish-journal');
  for (const [k, s] of staged.entries()) {
    failpoint(`publish-rename-${k}`);
    await rename(s.temp, s.real);
  }
  failpoint('publish-manifest');
  await writeManifestEntries(project.outDir, entries);
  failpoint('publish-done');
  await rm(journal, { force: true });
}

/**
 * Run by every command before it writes: the journals of killed runs are
 * folded into the manifest (an entry whose file holds the journal's hash was
 * renamed into place, so the manifest now says what made it) and removed.
 */
export async function recoverInterruptedPublications(project: Root): Promise<void> {
  for (const journal of await readJournals(project.outDir)) {
    if (journal.live) continue;
    const adopted: Record<string, ManifestEntry> = {};
    for (const [key, entry] of Object.entries(journal.entries)) {
      if ((await hashOrNull(path.resolve(project.root, key))) === entry.sha256) adopted[key] = entry;
    }
    if (Object.keys(adopted).length > 0) await writeManifestEntries(project.outDir, adopted);
    await rm(journal.file, { force: true });
  }
}

/**
 * The entries that describe the files as they are: the manifest's, with a
 * killed run's journal entry in place where its file holds the journal's hash.
 */
async function effectiveEntries(project: Root, journals: readonly Journal[]): Promise<Record<string, ManifestEntry>> {
  const entries = { ...(await readManifest(project.outDir)).outputs };
  for (const journal of journals) {
    if (journal.live) continue;
    for (const [key, entry] of Object.entries(journal.entries)) {
      if ((await hashOrNull(path.resolve(project.root, key))) === entry.sha256) entries[key] = entry;
    }
  }
  return entries;
}

/** QC008 when the set of `key` is not whole in `entries`; `hashed` also compares each file's bytes with the set. */
async function setProblem(project: Root, key: string, entries: Record<string, ManifestEntry>, display: (p: string) => string, hashed: boolean): Promise<Diagnostic | undefined> {
  const set = entries[key]?.set;
  if (!set) return undefined;
  const odd: string[] = [];
  for (const [member, sha256] of Object.entries(set)) {
    const file = path.resolve(project.root, member);
    const present = await stat(file).then((s) => s.isFile(), () => false);
    const same = present && entries[member]?.sha256 === sha256 && (!hashed || (await hashOrNull(file)) === sha256);
    if (!same) odd.push(`${display(file)}${present ? '' : ' (missing)'}`);
  }
  if (odd.length === 0) return undefined;
  const files = Object.keys(set).map((m) => display(path.resolve(project.root, m)));
  const command = entries[key]!.command;
  return diag('QC008', `${files.join(', ')} were written together by \`${command}\`, but ${odd.join(', ')} ${odd.length > 1 ? 'are' : 'is'} from another run (an interrupted run, or a file replaced by hand)`, {
    at: { file: display(path.resolve(project.root, key)) },
    hint: `Run \`${command}\` again: it writes the whole set (with --force if one was edited by hand).`,
  });
}

/**
 * What a reader of `file` checks before trusting it: the other files written
 * with it are of the same run (QC008 otherwise), and no running qcode is
 * replacing them right now.
 */
export async function checkOutputSet(project: Root, file: string, display: (p: string) => string): Promise<Diagnostic[]> {
  const key = manifestKey({ project }, file);
  const journals = await readJournals(project.outDir);
  const live = journals.find((j) => j.live && j.pid !== process.pid && key in j.entries);
  if (live) {
    return [diag('QC008', `${display(file)} is being replaced by a running qcode (pid ${live.pid})`, { at: { file: display(file) }, hint: 'Run this again when it has finished.' })];
  }
  const problem = await setProblem(project, key, await effectiveEntries(project, journals), display, false);
  return problem ? [problem] : [];
}

/** Every set in the manifest, each file's bytes compared with the hash it was written with: what validate checks. */
export async function checkAllOutputSets(project: Root, display: (p: string) => string): Promise<Diagnostic[]> {
  const entries = await effectiveEntries(project, await readJournals(project.outDir));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(entries)) {
    if (!entry.set || seen.has(key)) continue;
    for (const member of Object.keys(entry.set)) seen.add(member);
    const problem = await setProblem(project, key, entries, display, true);
    if (problem) out.push(problem);
  }
  return out;
}
