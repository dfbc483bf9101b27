import type { CodeTable } from '../catalogue.js';

/** QC4xx: coding files, import, the auto-coder and evaluation. */
export const codingCodes: CodeTable = {};
