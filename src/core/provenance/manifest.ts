/**
 * The provenance manifest `<out>/manifest.json`: for each output file, what
 * made it. No timestamps, so a rerun gives a byte-identical manifest.
 */
/**
 * What an output holds, which decides whether qcode may replace it (see
 * overwrite-policy.ts): `derived` outputs a rerun makes again; `work` is a
 * coder's work or what it rests on (coding files from import, annotate and
 * adjudicate; the sample coders code from).
 */
export type OutputKind = 'derived' | 'work';

export interface ManifestEntry {
  command: string;
  qcode_version: string;
  codebook: { name: string; version: string; sha256: string };
  corpus_sha256: string;
  unit: string;
  segments: number;
  seed?: number | string;
  sha256: string;
  /** Absent in entries written before qcode recorded it (see overwrite-policy.ts for how those count). */
  kind?: OutputKind;
  /** Command-specific facts (sample fraction, strata sizes, coder). */
  details?: Record<string, unknown>;
  /**
   * For files a command writes together (a coding file and its evidence):
   * every file of the set by manifest key, with the sha256 it was written
   * with. A reader finding another entry for one of them has files of
   * different runs (io/output-set.ts).
   */
  set?: Record<string, string>;
}

export interface Manifest {
  qcode_version: string;
  outputs: Record<string, ManifestEntry>;
}

export function emptyManifest(version: string): Manifest {
  return { qcode_version: version, outputs: {} };
}

/** Adds or replaces entries; output keys sorted so the file is stable. */
export function mergeManifest(manifest: Manifest, entries: Record<string, ManifestEntry>, version: string): Manifest {
  const outputs = { ...manifest.outputs, ...entries };
  const sorted = Object.fromEntries(Object.keys(outputs).sort().map((k) => [k, outputs[k]!]));
  return { qcode_version: version, outputs: sorted };
}
