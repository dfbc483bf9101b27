/**
 * The error-code catalogue. Codes are permanent: once published a code keeps
 * its meaning forever; retired codes stay listed. Each area keeps its own
 * file under ./codes, declared `as const`, so `ErrorCode` is the union of
 * every code and a misspelt code fails the type check, not the user.
 */
import type { CatalogueText } from './code-table.js';
import { generalCodes } from './codes/general.js';
import { projectCodes } from './codes/project.js';
import { codebookCodes } from './codes/codebook.js';
import { corpusCodes } from './codes/corpus.js';
import { codingCodes } from './codes/coding.js';
import { sampleCodes } from './codes/sample.js';
import { agreementCodes } from './codes/agreement.js';
import { analysisCodes } from './codes/analysis.js';
import { refiCodes } from './codes/refi.js';
import { spanCodes } from './codes/spans.js';

const areas = [generalCodes, projectCodes, codebookCodes, corpusCodes, codingCodes, sampleCodes, agreementCodes, analysisCodes, refiCodes, spanCodes] as const;

/** Every code in the catalogue, as a literal type. */
export type ErrorCode =
  | keyof typeof generalCodes
  | keyof typeof projectCodes
  | keyof typeof codebookCodes
  | keyof typeof corpusCodes
  | keyof typeof codingCodes
  | keyof typeof sampleCodes
  | keyof typeof agreementCodes
  | keyof typeof analysisCodes
  | keyof typeof refiCodes
  | keyof typeof spanCodes;

export interface CatalogueEntry extends CatalogueText {
  code: ErrorCode;
}

/** Every code in code order; building it checks that no two areas claim one code. */
export const catalogue: ReadonlyMap<ErrorCode, CatalogueEntry> = (() => {
  const map = new Map<ErrorCode, CatalogueEntry>();
  for (const table of areas) {
    for (const [code, entry] of Object.entries(table) as [ErrorCode, CatalogueText][]) {
      if (map.has(code)) throw new Error(`duplicate error code ${code} in the catalogue`);
      map.set(code, { code, ...entry });
    }
  }
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
})();

export function isErrorCode(code: string): code is ErrorCode {
  return catalogue.has(code as ErrorCode);
}

export function catalogueEntry(code: ErrorCode): CatalogueEntry {
  return catalogue.get(code)!;
}
