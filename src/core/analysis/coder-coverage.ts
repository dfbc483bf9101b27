import type { Table } from '../format/table.js';

/**
 * Which coder an analysis table counts and how much of the corpus that coder
 * reviewed: a table of the 100 segments an adjudicator saw must not pass for
 * one of all 500.
 */
export interface CoderCoverage {
  coder: string;
  /** Segments the coder reviewed (a row in their coding file, "none" included). */
  reviewed: number;
  /** Segments in the corpus at the unit. */
  segments: number;
}

/** `coder auto: 350 of 350 segments reviewed`. */
export function formatCoverage(c: CoderCoverage): string {
  return `coder ${c.coder}: ${c.reviewed} of ${c.segments} segments reviewed`;
}

/** A table whose caption names the coder and coverage (in its title's closing parenthesis, or one added). */
export function withCoverage(table: Table, c: CoderCoverage): Table {
  const title = table.title ?? '';
  if (title.endsWith(')')) return { ...table, title: `${title.slice(0, -1)}; ${formatCoverage(c)})` };
  return { ...table, title: title ? `${title} (${formatCoverage(c)})` : formatCoverage(c) };
}

/** The coder and coverage as JSON fields beside the tables: `{"coder": "auto", "coverage": {"reviewed": 350, "segments": 350}}`. */
export function coverageJson(c: CoderCoverage): { coder: string; coverage: { reviewed: number; segments: number } } {
  return { coder: c.coder, coverage: { reviewed: c.reviewed, segments: c.segments } };
}

/** The caption of a table about one coder: its title with the coder, and the coverage when known. */
export function coderCaption(title: string, coder: string | CoderCoverage): string {
  return `${title} (${typeof coder === 'string' ? `coder ${coder}` : formatCoverage(coder)})`;
}
