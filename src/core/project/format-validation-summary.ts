import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Document } from '../model/document.js';

/** The closing lines of `qcode validate`: what was checked and the verdict. */
export function formatValidationSummary(input: { codebook?: Codebook | undefined; documents?: readonly Document[] | undefined; failed: boolean }): string {
  const lines: string[] = [];
  if (input.codebook) {
    const codes = listCodes(input.codebook);
    const patterns = codes.reduce((n, r) => n + r.code.patterns.length, 0);
    lines.push(
      `codebook ${input.codebook.name} ${input.codebook.version}: ${input.codebook.categories.length} categories, ${codes.length} codes, ${patterns} patterns`,
    );
  }
  if (input.documents) {
    const byType = new Map<string, number>();
    for (const d of input.documents) byType.set(d.metadata.type ?? '', (byType.get(d.metadata.type ?? '') ?? 0) + 1);
    const parts = [...byType.entries()]
      .filter(([t]) => t !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([t, n]) => `${t} ${n}`);
    lines.push(`corpus: ${input.documents.length} documents${parts.length ? ` (${parts.join(', ')})` : ''}`);
  }
  lines.push(input.failed ? 'validation failed' : 'valid');
  return lines.join('\n');
}
