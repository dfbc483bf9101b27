import type { ErrorCode } from './catalogue.js';
import type { Diagnostic, Severity, SourceLocation } from './diagnostic.js';

/**
 * The one error class for problems a user can fix. It carries diagnostics
 * rather than a single message so that validation can report every problem
 * at once. Anything thrown that is not a QcodeError is an internal bug.
 */
export class QcodeError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'QcodeError';
    this.diagnostics = diagnostics;
  }

  get code(): ErrorCode | undefined {
    return this.diagnostics[0]?.code;
  }
}

/** Where a diagnostic points, a sharper hint than the catalogue's, and its severity (default error). */
export interface DiagnosticOptions {
  at?: SourceLocation | undefined;
  hint?: string | undefined;
  severity?: Severity;
}

/** Builds a diagnostic; `code` is typed from the catalogue, so a misspelt code fails `tsc`. */
export function diag(code: ErrorCode, message: string, options: DiagnosticOptions = {}): Diagnostic {
  const d: Diagnostic = { code, severity: options.severity ?? 'error', message };
  if (options.at) d.location = options.at;
  if (options.hint) d.hint = options.hint;
  return d;
}

export function warn(code: ErrorCode, message: string, options: Omit<DiagnosticOptions, 'severity'> = {}): Diagnostic {
  return diag(code, message, { ...options, severity: 'warning' });
}

/** Throws a QcodeError with a single error diagnostic. */
export function fail(code: ErrorCode, message: string, options: Omit<DiagnosticOptions, 'severity'> = {}): never {
  throw new QcodeError([diag(code, message, options)]);
}

/**
 * Throws every diagnostic (warnings included, so the user sees each problem
 * once) when any is an error; otherwise returns them, all warnings.
 */
export function throwErrors(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.some((d) => d.severity === 'error')) throw new QcodeError([...diagnostics]);
  return diagnostics;
}
