import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import { diag } from './qcode-error.js';

/**
 * Diagnostics of one kind (code and severity) shown before the rest are
 * summed up in one line: a file with a problem on every row says so in 50
 * lines, not 600,000.
 */
export const SHOWN_PER_KIND = 50;

/** A reader stops after this many errors: the input is clearly not what it claims to be. */
export const STOP_READING_AFTER = 1000;

const kindOf = (d: Diagnostic) => `${d.severity} ${d.code}`;

/** The summary that stands for `count` diagnostics like `d` not kept. */
function summaryOf(d: Diagnostic, count: number): Diagnostic {
  return { ...diag(d.code, `and ${count} more like this`, { severity: d.severity }), omitted: count };
}

/**
 * The diagnostics to show: the first `perKind` of each code and severity in
 * file order, then one summary per kind with the number left out (summaries
 * already in the list, from a DiagnosticCollector, are added up).
 */
export function boundDiagnostics(diagnostics: readonly Diagnostic[], perKind = SHOWN_PER_KIND): Diagnostic[] {
  const collector = new DiagnosticCollector(perKind, Infinity);
  for (const d of sortDiagnostics(diagnostics)) collector.push(d);
  return collector.list();
}

/** Errors and warnings in a list, counting what summaries stand for. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    const n = d.omitted ?? 1;
    if (d.severity === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}

/**
 * Collects a reader's diagnostics in bounded memory: the first `perKind` of
 * each code and severity are kept, the rest only counted. `full` tells the
 * reader to stop: after `stopAfter` errors the input is clearly not what it
 * claims, and reading on would only find more of the same.
 */
export class DiagnosticCollector {
  private readonly kept: Diagnostic[] = [];
  private readonly perKindCount = new Map<string, number>();
  private readonly left = new Map<string, { d: Diagnostic; n: number }>();
  private errorCount = 0;

  constructor(
    private readonly perKind = SHOWN_PER_KIND,
    private readonly stopAfter = STOP_READING_AFTER,
  ) {}

  /** Takes diagnostics, and summaries of left-out ones (their counts added to the kind's). */
  push(...diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
      const k = kindOf(d);
      const many = d.omitted ?? 1;
      if (d.severity === 'error') this.errorCount += many;
      const n = d.omitted === undefined ? (this.perKindCount.get(k) ?? 0) + 1 : Infinity;
      if (d.omitted === undefined) this.perKindCount.set(k, n);
      if (n <= this.perKind) {
        this.kept.push(d);
        continue;
      }
      const o = this.left.get(k);
      if (o) o.n += many;
      else this.left.set(k, { d, n: many });
    }
  }

  get errors(): number {
    return this.errorCount;
  }

  get full(): boolean {
    return this.errorCount >= this.stopAfter;
  }

  /** What was kept, then one summary per kind with the number left out. */
  list(): Diagnostic[] {
    return [...this.kept, ...[...this.left.values()].map(({ d, n }) => summaryOf(d, n))];
  }
}
