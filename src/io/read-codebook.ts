import type { Codebook } from '../core/model/codebook.js';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { computeSha256 } from '../core/util/hash.js';
import { readBytes, decodeUtf8 } from './read-text-file.js';

export interface CodebookFile {
  /** Absent when the codebook has errors. */
  codebook?: Codebook;
  diagnostics: Diagnostic[];
  /** sha256 of the file's bytes, as recorded in manifests. */
  sha256: string;
  path: string;
}

/** Reads and validates a codebook; errors come back as diagnostics, not thrown. */
export async function readCodebook(file: string, display = file): Promise<CodebookFile> {
  const bytes = await readBytes(file, display);
  const parsed = parseCodebook(decodeUtf8(bytes, display), display);
  return { ...parsed, sha256: computeSha256(bytes), path: file };
}
