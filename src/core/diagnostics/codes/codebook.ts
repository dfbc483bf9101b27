import type { CodeTable } from '../catalogue.js';

/** QC2xx: codebooks. */
export const codebookCodes: CodeTable = {};
