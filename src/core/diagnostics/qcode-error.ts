import type { Diagnostic, SourceLocation } from './diagnostic.js';
import { catalogueEntry } from './catalogue.js';

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

  get code(): string {
    return this.diagnostics[0]?.code ?? 'QC000';
  }
}

/** Builds an error diagnostic; the code must be in the catalogue. */
export function diag(
  code: string,
  message: string,
  location?: SourceLocation,
  hint?: string,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  catalogueEntry(code); // throws on an unknown code: a bug, caught by tests
  const d: Diagnostic = { code, severity, message };
  if (location) d.location = location;
  if (hint) d.hint = hint;
  return d;
}

export function warn(code: string, message: string, location?: SourceLocation, hint?: string): Diagnostic {
  return diag(code, message, location, hint, 'warning');
}

/** Throws a QcodeError with a single error diagnostic. */
export function fail(code: string, message: string, location?: SourceLocation, hint?: string): never {
  throw new QcodeError([diag(code, message, location, hint)]);
}
