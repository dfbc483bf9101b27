import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatJson } from '../core/format/format-json.js';
import { computeSha256 } from '../core/util/hash.js';
import { emptyManifest, mergeManifest, type Manifest, type ManifestEntry, type OutputKind } from '../core/provenance/manifest.js';
import { QCODE_VERSION } from '../core/util/version.js';
import type { Study } from './read-study.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const MANIFEST_FILE = 'manifest.json';

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return parsed && typeof parsed === 'object' && parsed.outputs ? parsed : emptyManifest(QCODE_VERSION);
  } catch {
    return emptyManifest(QCODE_VERSION);
  }
}

/** Manifest key of an output: its path relative to the project folder, with forward slashes. */
export function manifestKey(study: { project: Pick<Study['project'], 'root'> }, file: string): string {
  return path.relative(study.project.root, file).split(path.sep).join('/');
}

export interface OutputRecord {
  /** Absolute path of the output file. */
  file: string;
  /** The command line as the user typed it, e.g. `qcode code --coder auto`. */
  command: string;
  /** The file's content, to hash; or give sha256 directly. */
  content?: string | Uint8Array;
  sha256?: string;
  /** Derived (a rerun makes it again) or work (never replaced without --force): see overwrite-policy.ts. */
  kind: OutputKind;
  seed?: number | string;
  details?: Record<string, unknown>;
}

/**
 * What a manifest entry needs to know about the inputs. A Study has it all; a
 * streamed run, which never holds the corpus, gives the facts directly.
 */
export interface ProvenanceFacts {
  project: Pick<Study['project'], 'root' | 'outDir'>;
  codebook: Pick<Study['codebook'], 'name' | 'version'>;
  codebookSha256: string;
  corpusSha256: string;
  unit: string;
  segmentCount: number;
}

export function studyFacts(study: Study): ProvenanceFacts {
  return { ...study, segmentCount: study.segments.length };
}

/** The manifest entries of outputs about to be published (their content hashed unless a sha256 is given). */
export function manifestEntries(input: Study | ProvenanceFacts, records: readonly OutputRecord[]): Record<string, ManifestEntry> {
  const study = 'segmentCount' in input ? input : studyFacts(input);
  const entries: Record<string, ManifestEntry> = {};
  for (const r of records) {
    const sha256 = r.sha256 ?? computeSha256(r.content ?? '');
    const entry: ManifestEntry = {
      command: r.command,
      qcode_version: QCODE_VERSION,
      codebook: { name: study.codebook.name, version: study.codebook.version, sha256: study.codebookSha256 },
      corpus_sha256: study.corpusSha256,
      unit: study.unit,
      segments: study.segmentCount,
      sha256,
      kind: r.kind,
    };
    if (r.seed !== undefined) entry.seed = r.seed;
    if (r.details) entry.details = r.details;
    entries[manifestKey(study, r.file)] = entry;
  }
  return entries;
}

/** Adds or replaces entries of `<out>/manifest.json`, written atomically. */
export async function writeManifestEntries(outDir: string, entries: Record<string, ManifestEntry>): Promise<void> {
  const merged = mergeManifest(await readManifest(outDir), entries, QCODE_VERSION);
  await writeFileAtomic(path.join(outDir, MANIFEST_FILE), formatJson(merged));
}

/** Records the provenance of outputs just written in `<out>/manifest.json`. */
export async function recordOutputs(input: Study | ProvenanceFacts, records: OutputRecord[]): Promise<void> {
  await writeManifestEntries(input.project.outDir, manifestEntries(input, records));
}
