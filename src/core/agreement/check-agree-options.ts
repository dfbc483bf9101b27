import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

/** `--level` and `--categories` describe a --ratings variable; coding files are nominal, their codes the codebook's. */
export function checkCodingsOptions(options: { level: string; categories?: readonly string[] | undefined }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.level !== 'nominal') out.push(diag('QC001', '--level applies to --ratings; codes are compared as nominal (present/absent, which code)'));
  if (options.categories) out.push(diag('QC001', '--categories applies to --ratings; coding files take their codes from the codebook'));
  return out;
}

/** The coders compared: two or more, none named twice. */
export function checkComparedCoders(names: readonly string[]): Diagnostic[] {
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) return [diag('QC611', `coder named twice: ${[...new Set(twice)].join(', ')}`)];
  if (names.length < 2) return [diag('QC604', `${names.length} coder(s) given; name two or more with --coders a,b or as files`)];
  return [];
}
