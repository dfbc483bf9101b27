import type { CodeTable } from '../catalogue.js';

/** QC3xx: corpora and segments. */
export const corpusCodes: CodeTable = {};
