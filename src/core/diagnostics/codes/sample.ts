import type { CodeTable } from '../catalogue.js';

/** QC5xx: sampling, annotation, disagreements and adjudication. */
export const sampleCodes: CodeTable = {};
