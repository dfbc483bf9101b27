import type { CodeTable } from '../catalogue.js';

/** QC7xx: analysis and exports. */
export const analysisCodes: CodeTable = {};
