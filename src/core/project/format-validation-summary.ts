import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Document } from '../model/document.js';

/** What the summary says of a corpus: its documents counted by their `type`, gathered a document at a time. */
export class CorpusTally {
  documents = 0;
  readonly byType = new Map<string, number>();

  add(doc: Pick<Document, 'metadata'>): void {
    this.documents++;
    const type = doc.metadata.type ?? '';
    this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
  }
}

/** The closing lines of `qcode validate`: what was checked and the verdict. */
export function formatValidationSummary(input: { codebook?: Codebook | undefined; corpus?: CorpusTally | undefined; failed: boolean }): string {
  const lines: string[] = [];
  if (input.codebook) {
    const codes = listCodes(input.codebook);
    const patterns = codes.reduce((n, r) => n + r.code.patterns.length, 0);
    lines.push(
      `codebook ${input.codebook.name} ${input.codebook.version}: ${input.codebook.categories.length} categories, ${codes.length} codes, ${patterns} patterns`,
    );
  }
  if (input.corpus) {
    const parts = [...input.corpus.byType.entries()]
      .filter(([t]) => t !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([t, n]) => `${t} ${n}`);
    lines.push(`corpus: ${input.corpus.documents} documents${parts.length ? ` (${parts.join(', ')})` : ''}`);
  }
  lines.push(input.failed ? 'validation failed' : 'valid');
  return lines.join('\n');
}
