import type { Diagnostic } from './diagnostic.js';
import { catalogueEntry } from './catalogue.js';
import { countDiagnostics } from './diagnostic-bounds.js';

/** Styling hooks so the CLI can colour output without the core knowing about terminals. */
export interface DiagnosticStyle {
  location(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  code(text: string): string;
  hint(text: string): string;
}

const plain: DiagnosticStyle = {
  location: (t) => t,
  error: (t) => t,
  warning: (t) => t,
  code: (t) => t,
  hint: (t) => t,
};

export function formatLocation(d: Diagnostic): string {
  const l = d.location;
  if (!l) return '';
  let s = l.file;
  if (l.line !== undefined) {
    s += `:${l.line}`;
    if (l.col !== undefined) s += `:${l.col}`;
  }
  return s;
}

/**
 * `path:line:col - error CODE: message` and an indented `hint:` line, the
 * format editors and CI annotators already understand (tsc's).
 */
export function formatDiagnostic(d: Diagnostic, style: DiagnosticStyle = plain): string {
  const where = formatLocation(d);
  const sev = d.severity === 'error' ? style.error('error') : style.warning('warning');
  if (d.omitted !== undefined) return `… and ${d.omitted} more ${sev}${d.omitted === 1 ? '' : 's'} ${style.code(d.code)} like these, not shown`;
  const head = `${where ? `${style.location(where)} - ` : ''}${sev} ${style.code(d.code)}: ${d.message}`;
  const hint = d.hint ?? catalogueEntry(d.code).hint;
  return hint ? `${head}\n  ${style.hint(`hint: ${hint}`)}` : head;
}

/** The machine form of a diagnostic, as printed under --json. */
export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? catalogueEntry(d.code).hint,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    col: d.location?.col ?? null,
    ...(d.omitted !== undefined ? { omitted: d.omitted } : {}),
  };
}

/** `N errors, M warnings`, counting what summaries of left-out diagnostics stand for. */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${part(errors, 'error')}, ${part(warnings, 'warning')}`;
}
