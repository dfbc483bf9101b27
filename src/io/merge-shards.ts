import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CorpusHasher } from '../core/corpus/compute-corpus-hash.js';
import { ShardEntrySchema, ShardHeaderSchema, checkShardSet, type ShardHeader } from '../core/match/check-shard-set.js';
import { evidencePathFor } from '../core/match/format-evidence.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import { EVIDENCE_HEADER, codingHeader } from '../core/match/format-document-rows.js';
import { manifestEntries } from './manifest.js';
import { publishOutputSet, recoverInterruptedPublications } from './output-set.js';
import { tempPathFor } from './temp-file.js';
import type { Project } from './read-project.js';
import { readTextFile } from './read-text-file.js';
import { checkOutputTargets, type WriteOutputOptions } from './write-output-files.js';

/** A part's index file beside its coding file. */
export const indexPathFor = (codingFile: string) => `${codingFile.replace(/\.(csv|jsonl)$/i, '')}.index.jsonl`;

interface Part {
  file: string;
  header: ShardHeader;
  entries: [number, number, number, string][];
}

async function readPart(file: string, shown: string): Promise<Part> {
  const indexFile = indexPathFor(file);
  const lines = (await readTextFile(indexFile, shown).catch(() => {
    throw new QcodeError([diag('QC431', `${shown} has no shard index beside it (${path.basename(indexFile)})`, { at: { file: shown } })]);
  }))
    .split('\n')
    .filter((l) => l !== '');
  try {
    const header = ShardHeaderSchema.parse(JSON.parse(lines[0] ?? ''));
    const entries = lines.slice(1).map((l) => ShardEntrySchema.parse(JSON.parse(l)));
    if (entries.length !== header.coded) throw new Error('short index');
    return { file: shown, header, entries };
  } catch {
    throw new QcodeError([diag('QC431', `${path.basename(indexFile)} beside ${shown} is not a shard index qcode wrote`, { at: { file: shown } })]);
  }
}

/** Reads a file in order, a given number of bytes at a time, after skipping its header line. */
class PartReader {
  private readonly fd: number;
  private pos = 0;
  constructor(file: string, skipHeader: boolean) {
    this.fd = openSync(file, 'r');
    if (skipHeader) {
      const probe = Buffer.alloc(4096);
      for (;;) {
        const n = readSync(this.fd, probe, 0, probe.length, this.pos);
        const nl = probe.subarray(0, n).indexOf(0x0a);
        if (nl >= 0 || n === 0) {
          this.pos += nl + 1;
          break;
        }
        this.pos += n;
      }
    }
  }
  copy(n: number, out: number, hash: ReturnType<typeof createHash>): void {
    const buf = Buffer.allocUnsafe(Math.min(n, 1 << 20));
    for (let left = n; left > 0; ) {
      const got = readSync(this.fd, buf, 0, Math.min(left, buf.length), this.pos);
      if (got === 0) throw new QcodeError([diag('QC431', 'a part file is shorter than its index says')]);
      this.pos += got;
      left -= got;
      hash.update(buf.subarray(0, got));
      for (let done = 0; done < got; ) done += writeSync(out, buf, done, got - done);
    }
  }
  close(): void {
    closeSync(this.fd);
  }
}

export interface MergeResult {
  codings: string;
  evidence: string;
  documents: number;
  segments: number;
  corpusSha256: string;
}

/**
 * Joins the parts of a sharded run into the files a single run writes, byte
 * for byte: the rows of each document copied from its part in corpus order
 * (the parts' indexes give each document's place), the document digests
 * hashed in that order for the manifest's corpus hash. Refuses a set that is
 * not exactly shards 1..N of one run (QC430) or a file that is not a part
 * (QC431). `target` is the merged coding file; the evidence goes beside it.
 */
export async function mergeShards(project: Project, files: readonly string[], target: string, options: WriteOutputOptions): Promise<MergeResult> {
  await recoverInterruptedPublications(project);
  const parts = await Promise.all(files.map((f) => readPart(f, options.display(f))));
  throwErrors(checkShardSet(parts));
  const { header } = parts[0]!;
  const codings = target;
  const evidence = evidencePathFor(codings);
  await checkOutputTargets(project, [{ file: codings }, { file: evidence }], options);
  const temps = { codings: tempPathFor(codings), evidence: tempPathFor(evidence) };
  const sorted = [...parts.map((p, i) => ({ p, file: files[i]! }))].sort((a, b) => a.p.header.k - b.p.header.k);
  const readers = sorted.map(({ file }) => ({
    codings: new PartReader(file, header.coding_format === 'csv'),
    evidence: new PartReader(evidencePathFor(file), true),
  }));
  const outs = { codings: openSync(temps.codings, 'w'), evidence: openSync(temps.evidence, 'w') };
  const hashes = { codings: createHash('sha256'), evidence: createHash('sha256') };
  const corpus = new CorpusHasher();
  let merged = false;
  try {
    const heads = { codings: codingHeader(header.coding_format === 'jsonl'), evidence: EVIDENCE_HEADER };
    for (const k of ['codings', 'evidence'] as const) {
      hashes[k].update(heads[k]);
      writeSync(outs[k], heads[k]);
    }
    // A k-way merge by ordinal: each part lists its documents in corpus order.
    const at = sorted.map(() => 0);
    for (;;) {
      let best = -1;
      for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i]!.p.entries[at[i]!];
        if (e && (best < 0 || e[0] < sorted[best]!.p.entries[at[best]!]![0])) best = i;
      }
      if (best < 0) break;
      const [, cBytes, eBytes, digest] = sorted[best]!.p.entries[at[best]!++]!;
      readers[best]!.codings.copy(cBytes, outs.codings, hashes.codings);
      readers[best]!.evidence.copy(eBytes, outs.evidence, hashes.evidence);
      corpus.addDigest(Buffer.from(digest, 'hex'));
    }
    merged = true;
  } finally {
    for (const r of readers) {
      r.codings.close();
      r.evidence.close();
    }
    closeSync(outs.codings);
    closeSync(outs.evidence);
    if (!merged) for (const t of Object.values(temps)) await rm(t, { force: true });
  }
  const segments = parts.reduce((a, p) => a + p.header.segments, 0);
  const corpusSha256 = corpus.digest();
  const facts = { project, codebook: header.codebook, codebookSha256: header.codebook.sha256, corpusSha256, unit: header.unit, segmentCount: segments };
  const details = { coder: header.coder, merged_from: `${header.n} shards` };
  const entries = manifestEntries(facts, [
    { file: codings, sha256: hashes.codings.digest('hex'), command: options.command, kind: 'derived', details },
    { file: evidence, sha256: hashes.evidence.digest('hex'), command: options.command, kind: 'derived', details },
  ]);
  const staged = [
    { real: codings, temp: temps.codings },
    { real: evidence, temp: temps.evidence },
  ];
  try {
    await publishOutputSet(project, staged, entries);
  } catch (e) {
    for (const s of staged) await rm(s.temp, { force: true });
    throw e;
  }
  return { codings, evidence, documents: parts.reduce((a, p) => a + p.header.coded, 0), segments, corpusSha256 };
}
