import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/** The first line of a shard's index (`<name>.part-K-of-N.index.jsonl`), as `qcode code --shard` writes it. */
export const ShardHeaderSchema = z.strictObject({
  qcode_shard_index: z.literal(1),
  k: z.number().int().min(1),
  n: z.number().int().min(1),
  coder: z.string(),
  unit: z.string(),
  codebook: z.strictObject({ name: z.string(), version: z.string(), sha256: z.string() }),
  coding_format: z.enum(['csv', 'jsonl']),
  documents: z.number().int().min(0),
  ids_sha256: z.string(),
  coded: z.number().int().min(0),
  segments: z.number().int().min(0),
});
export type ShardHeader = z.infer<typeof ShardHeaderSchema>;

/** One line per coded document after the header: [ordinal, coding bytes, evidence bytes, digest hex]. */
export const ShardEntrySchema = z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0), z.string().regex(/^[0-9a-f]{64}$/)]);

/** What must agree between the parts of one run: everything but k and the shard's own counts. */
const SAME = ['n', 'coder', 'unit', 'codebook', 'coding_format', 'documents', 'ids_sha256'] as const;

/**
 * Whether the parts are exactly shards 1..N of one run: the same N, coder,
 * unit, codebook and corpus (document count and ids in order), each shard
 * once. Every problem is reported (QC430), so one look shows what to rerun.
 */
export function checkShardSet(parts: readonly { file: string; header: ShardHeader }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (parts.length === 0) return [diag('QC430', 'no part files given')];
  const first = parts[0]!;
  for (const p of parts.slice(1)) {
    for (const key of SAME) {
      if (JSON.stringify(p.header[key]) !== JSON.stringify(first.header[key])) {
        const what = key === 'documents' || key === 'ids_sha256' ? 'corpus (its documents or their ids)' : key === 'codebook' ? 'codebook' : key;
        out.push(diag('QC430', `${p.file} differs from ${first.file} in its ${what}`, { at: { file: p.file } }));
        break;
      }
    }
  }
  if (out.length > 0) return out;
  const n = first.header.n;
  const seen = new Map<number, string>();
  for (const p of parts) {
    const again = seen.get(p.header.k);
    if (again) out.push(diag('QC430', `${p.file} is shard ${p.header.k} of ${n}, as ${again} is`, { at: { file: p.file } }));
    else seen.set(p.header.k, p.file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) out.push(diag('QC430', `the set is incomplete: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${n} missing`));
  return out;
}
