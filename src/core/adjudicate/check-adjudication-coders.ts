import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/** `--as` names a new coder, not one of the two adjudicated; `--prefer` names one of them. */
export function checkAdjudicationCoders(coders: readonly [string, string], as: string, prefer: string | undefined): Diagnostic[] {
  const [a, b] = coders;
  const out: Diagnostic[] = [];
  if (as === a || as === b) out.push(diag('QC509', `--as ${as} is one of the coders being adjudicated`, { hint: 'name the consensus coder differently, e.g. gold' }));
  if (prefer !== undefined && prefer !== a && prefer !== b) out.push(diag('QC509', `--prefer ${prefer} is neither ${a} nor ${b}`));
  return out;
}
