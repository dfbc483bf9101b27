import type { CodeTable } from '../catalogue.js';

/** QC6xx: reliability. */
export const agreementCodes: CodeTable = {};
