import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import { didYouMean } from '../util/suggest.js';
import { listMetadataKeys, MISSING_GROUP } from './group-key.js';
import { metadataString } from '../model/document.js';

/** Problems with a `--by` key: unknown (error, with did-you-mean) or absent from some documents (warning). */
export function checkGroupKey(by: string, documents: readonly Pick<Document, 'id' | 'metadata'>[]): Diagnostic[] {
  if (by === 'doc') return [];
  const keys = listMetadataKeys(documents);
  if (!keys.includes(by)) {
    return [diag('QC701', `no document has the metadata key '${by}'${didYouMean(by, keys)}; keys: ${keys.join(', ') || '(none)'}`)];
  }
  const missing = documents.filter((d) => metadataString(d, by) === '').map((d) => d.id);
  if (missing.length === 0) return [];
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, … (${missing.length} in all)` : '');
  return [warn('QC705', `${missing.length} document(s) have no '${by}' and form the group ${MISSING_GROUP}: ${shown}`)];
}

/** Errors for code ids the codebook does not define. */
export function checkCodeIds(ids: readonly string[], codebook: Codebook): Diagnostic[] {
  const known = listCodes(codebook).map((r) => r.code.id);
  return ids.filter((id) => !known.includes(id)).map((id) => diag('QC702', `no code '${id}' in the codebook${didYouMean(id, known)}`));
}
