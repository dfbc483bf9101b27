import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { QcodeError, diag, throwErrors, warn } from '../diagnostics/qcode-error.js';
import { buildRatingsTable, categoryValues, type Level, type RatingsTable } from './ratings-table.js';

export interface ParsedRatings {
  table: RatingsTable;
  unitIds: string[];
  /** Warnings (errors are thrown as a QcodeError carrying all of them). */
  diagnostics: Diagnostic[];
}

export interface ParseRatingsOptions {
  /** Path as shown in messages. */
  file: string;
  level: Level;
  /** Declared categories in order; default: the values seen, numeric order when all are numbers. */
  categories?: readonly string[];
}

interface Cell {
  value: string;
  line: number;
  col: number;
}

/**
 * Parses a generic ratings table, as ReCal and R's irr read them:
 * wide — `unit,<coder>,<coder>…`, one row per unit, an empty cell missing;
 * long — `unit,coder,value`, one row per rating (an empty value missing).
 * Every problem is collected and thrown together.
 */
export function parseRatings(text: string, options: ParseRatingsOptions): ParsedRatings {
  const { file } = options;
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new QcodeError([diag('QC601', `not valid CSV: ${e.message ?? String(err)}`, { at: { file, ...(e.lines ? { line: e.lines } : {}) } })]);
  }
  const problems: Diagnostic[] = [];
  const header = records[0]?.record.map((h) => h.trim()) ?? [];
  const lower = header.map((h) => h.toLowerCase());
  if (lower[0] !== 'unit' || header.length < 2) {
    throw new QcodeError([
      diag('QC601', `the first column must be 'unit', found '${header[0] ?? ''}'`, { at: { file, line: 1, col: 1 } }),
    ]);
  }
  if (records.length < 2) throw new QcodeError([diag('QC609', 'no ratings below the header', { at: { file, line: 1 } })]);

  const long = header.length === 3 && lower[1] === 'coder' && lower[2] === 'value';
  const coders: string[] = [];
  const units = new Map<string, Map<string, Cell>>();
  const unitLine = new Map<string, number>();

  if (long) {
    for (const { info, record } of records.slice(1)) {
      const line = info.lines;
      if (record.length !== 3) {
        problems.push(diag('QC601', `expected 3 fields (unit,coder,value), found ${record.length}`, { at: { file, line } }));
        continue;
      }
      const [unit, coder, value] = record.map((s) => s.trim()) as [string, string, string];
      if (unit === '' || coder === '') {
        problems.push(diag('QC601', 'unit and coder must not be empty', { at: { file, line, col: 1 } }));
        continue;
      }
      if (!coders.includes(coder)) coders.push(coder);
      const row = units.get(unit) ?? new Map<string, Cell>();
      units.set(unit, row);
      if (row.has(coder)) {
        problems.push(diag('QC603', `${coder} rates unit '${unit}' twice (first on line ${row.get(coder)!.line})`, { at: { file, line } }));
        continue;
      }
      row.set(coder, { value, line, col: 3 });
    }
  } else {
    coders.push(...header.slice(1));
    const seen = new Set<string>();
    header.slice(1).forEach((c, i) => {
      if (c === '') problems.push(diag('QC601', `column ${i + 2} has no coder name`, { at: { file, line: 1, col: i + 2 } }));
      else if (seen.has(c)) problems.push(diag('QC611', `coder '${c}' appears twice in the header`, { at: { file, line: 1, col: i + 2 } }));
      seen.add(c);
    });
    for (const { info, record } of records.slice(1)) {
      const line = info.lines;
      if (record.length !== header.length) {
        problems.push(diag('QC601', `expected ${header.length} fields as in the header, found ${record.length}`, { at: { file, line } }));
        continue;
      }
      const unit = record[0]!.trim();
      if (unit === '') {
        problems.push(diag('QC601', 'the unit must not be empty', { at: { file, line, col: 1 } }));
        continue;
      }
      if (units.has(unit)) {
        problems.push(diag('QC603', `unit '${unit}' appears twice (first on line ${unitLine.get(unit)})`, { at: { file, line } }));
        continue;
      }
      unitLine.set(unit, line);
      const row = new Map<string, Cell>();
      header.slice(1).forEach((coder, i) => row.set(coder, { value: record[i + 1]!.trim(), line, col: i + 2 }));
      units.set(unit, row);
    }
  }
  if (coders.length < 2) problems.push(diag('QC604', `the file names ${coders.length} coder(s); reliability needs two or more`, { at: { file } }));

  const seenValues = new Set<string>();
  for (const row of units.values()) for (const cell of row.values()) if (cell.value !== '') seenValues.add(cell.value);
  const diagnostics: Diagnostic[] = [];
  let categories: string[];
  if (options.categories) {
    categories = [...options.categories];
    const dup = categories.filter((c, i) => categories.indexOf(c) !== i);
    if (dup.length > 0) problems.push(diag('QC608', `declared twice in --categories: ${[...new Set(dup)].join(', ')}`));
    const declared = new Set(categories);
    for (const row of units.values()) {
      for (const cell of row.values()) {
        if (cell.value !== '' && !declared.has(cell.value)) {
          problems.push(diag('QC602', `'${cell.value}' is not among --categories`, { at: { file, line: cell.line, col: cell.col } }));
        }
      }
    }
  } else {
    categories = [...seenValues];
    if (categoryValues(categories)) categories.sort((a, b) => Number(a) - Number(b));
    else {
      categories.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (options.level === 'ordinal') {
        diagnostics.push(warn('QC610', `ordinal categories in alphabetical order: ${categories.join(', ')}`, { at: { file } }));
      }
    }
  }

  const values = categoryValues(categories);
  if ((options.level === 'interval' || options.level === 'ratio') && categories.length > 0) {
    if (!values) {
      problems.push(diag('QC605', `--level ${options.level} needs numeric categories, found ${categories.filter((c) => !Number.isFinite(Number(c)) || c.trim() === '').slice(0, 5).join(', ')}`, { at: { file } }));
    } else if (options.level === 'ratio' && values.some((v) => v < 0)) {
      problems.push(diag('QC605', '--level ratio needs categories that are not negative', { at: { file } }));
    }
  }
  throwErrors(problems);

  const index = new Map(categories.map((c, i) => [c, i]));
  const unitIds = [...units.keys()];
  const rows = unitIds.map((u) => {
    const row = units.get(u)!;
    return coders.map((c) => {
      const v = row.get(c)?.value ?? '';
      return v === '' ? null : index.get(v)!;
    });
  });
  return { table: buildRatingsTable(coders, categories, rows), unitIds, diagnostics };
}
