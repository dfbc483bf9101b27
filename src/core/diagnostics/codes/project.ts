import type { CodeTable } from '../catalogue.js';

/** QC1xx: the project file qcode.yaml. */
export const projectCodes: CodeTable = {};
