/**
 * The error-code catalogue. Codes are permanent: once published a code keeps
 * its meaning forever; retired codes stay listed. Each area keeps its own
 * file under ./codes so the catalogue reads like the README's table.
 */
import { generalCodes } from './codes/general.js';
import { projectCodes } from './codes/project.js';
import { codebookCodes } from './codes/codebook.js';
import { corpusCodes } from './codes/corpus.js';
import { codingCodes } from './codes/coding.js';
import { sampleCodes } from './codes/sample.js';
import { agreementCodes } from './codes/agreement.js';
import { analysisCodes } from './codes/analysis.js';

export interface CatalogueEntry {
  code: string;
  title: string;
  /** What the code means, in one sentence, for the README. */
  description: string;
  /** The default hint printed under the message. */
  hint: string;
}

export type CodeTable = Record<string, Omit<CatalogueEntry, 'code'>>;

const areas: CodeTable[] = [
  generalCodes,
  projectCodes,
  codebookCodes,
  corpusCodes,
  codingCodes,
  sampleCodes,
  agreementCodes,
  analysisCodes,
];

export const catalogue: ReadonlyMap<string, CatalogueEntry> = (() => {
  const map = new Map<string, CatalogueEntry>();
  for (const table of areas) {
    for (const [code, entry] of Object.entries(table)) {
      if (map.has(code)) throw new Error(`duplicate error code ${code} in the catalogue`);
      map.set(code, { code, ...entry });
    }
  }
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
})();

export function catalogueEntry(code: string): CatalogueEntry {
  const entry = catalogue.get(code);
  if (!entry) throw new Error(`unknown error code ${code}: add it to src/core/diagnostics/codes`);
  return entry;
}
