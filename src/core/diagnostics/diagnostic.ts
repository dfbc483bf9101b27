/**
 * A Diagnostic is one problem found in a user's input or a command's run.
 * Every user-facing failure is a Diagnostic with a permanent code from the
 * catalogue; `QcodeError` carries one or more of them up to the CLI, which
 * prints them and picks the exit code.
 */
import type { ErrorCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Path as the user would recognise it (relative to the working folder where possible). */
  file: string;
  /** 1-based line; absent where a whole file is meant. */
  line?: number;
  /** 1-based column in UTF-16 units as editors show it. */
  col?: number;
}

export interface Diagnostic {
  code: ErrorCode;
  severity: Severity;
  message: string;
  /** Overrides the catalogue's hint where the case allows a sharper one. */
  hint?: string;
  location?: SourceLocation;
  /**
   * Set on a summary that stands for diagnostics not kept: this many more of
   * the same code and severity were found (diagnostic-bounds.ts).
   */
  omitted?: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, line, column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.col ?? 0;
    const cb = b.location?.col ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
