import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { ShardIndex } from './stream-code.js';
import { tempPathFor } from './temp-file.js';

/** What a shard's index says about the run that made it: merge refuses parts that disagree. */
export interface ShardMeta {
  k: number;
  n: number;
  coder: string;
  unit: string;
  codebook: { name: string; version: string; sha256: string };
  coding_format: 'csv' | 'jsonl';
}

/** The first line of an index: the run, and the corpus as every shard saw it whole (document count, ids hash). */
export interface ShardHeader extends ShardMeta {
  qcode_shard_index: 1;
  documents: number;
  ids_sha256: string;
  /** Documents this shard coded, and their segments. */
  coded: number;
  segments: number;
}

/**
 * Writes a shard's index, `<name>.part-K-of-N.index.jsonl`: the header line,
 * then one line per document the shard coded, `[ordinal, coding bytes,
 * evidence bytes, digest]`, in corpus order. `qcode merge` interleaves the
 * parts' rows by ordinal and hashes the digests in that order, so the merged
 * files and their corpus hash are those of a single run. Written to a temp
 * file beside `file`, published with the part's other files as one set.
 */
export async function writeShardIndex(file: string, index: ShardIndex, meta: ShardMeta & { segments: number }): Promise<{ temp: string; sha256: string }> {
  const header: ShardHeader = { qcode_shard_index: 1, ...meta, documents: index.documents, ids_sha256: index.idsSha256, coded: index.ordinals.length };
  const lines = [JSON.stringify(header)];
  index.ordinals.forEach((o, i) => {
    lines.push(JSON.stringify([o, index.codingBytes[i], index.evidenceBytes[i], Buffer.from(index.digests[i]!).toString('hex')]));
  });
  const text = `${lines.join('\n')}\n`;
  const temp = tempPathFor(file, 'index');
  await writeFile(temp, text);
  return { temp, sha256: createHash('sha256').update(text).digest('hex') };
}
