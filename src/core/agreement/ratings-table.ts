/**
 * The data every coefficient reads: units × coders, each cell the index of a
 * category in a declared, ordered category set, or MISSING. Cells live in one
 * Int32Array (unit-major) so a million units cost four bytes a cell.
 */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export const MISSING = -1;

export interface RatingsTable {
  coders: readonly string[];
  /** Declared categories in order; the order fixes ranks and weight positions. */
  categories: readonly string[];
  /** Numeric value of each category when every category is a number, else null. */
  values: Float64Array | null;
  unitCount: number;
  /** data[u * coders.length + c]: category index or MISSING. */
  data: Int32Array;
}

/** Numeric values of the categories, or null when any is not a number. */
export function categoryValues(categories: readonly string[]): Float64Array | null {
  const values = new Float64Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    const s = categories[i]!.trim();
    const v = s === '' ? Number.NaN : Number(s);
    if (!Number.isFinite(v)) return null;
    values[i] = v;
  }
  return values;
}

/**
 * Builds a table from category indices (null = missing), one row per unit.
 * Indices must be within the category set; the caller maps labels first.
 */
export function buildRatingsTable(
  coders: readonly string[],
  categories: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<number | null>>,
): RatingsTable {
  const m = coders.length;
  const data = new Int32Array(rows.length * m).fill(MISSING);
  rows.forEach((row, u) => {
    for (let c = 0; c < m; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (!Number.isInteger(v) || v < 0 || v >= categories.length) throw new RangeError(`category index ${v} out of range`);
      data[u * m + c] = v;
    }
  });
  return { coders, categories, values: categoryValues(categories), unitCount: rows.length, data };
}

/** Builds a table from category labels ('' or null = missing). Unknown labels throw. */
export function buildRatingsTableFromLabels(
  coders: readonly string[],
  categories: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | null>>,
): RatingsTable {
  const index = new Map(categories.map((c, i) => [c, i]));
  return buildRatingsTable(
    coders,
    categories,
    rows.map((row) =>
      row.map((label) => {
        if (label === null || label === '') return null;
        const i = index.get(label);
        if (i === undefined) throw new RangeError(`value '${label}' is not a declared category`);
        return i;
      }),
    ),
  );
}

/** The rows in which every coder gave a value (the same table when none is missing). */
export function selectCompleteUnits(table: RatingsTable): RatingsTable {
  const m = table.coders.length;
  const { data, unitCount } = table;
  let missing = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === MISSING) missing++;
  if (missing === 0) return table;
  const out = new Int32Array(data.length);
  let kept = 0;
  for (let u = 0; u < unitCount; u++) {
    let complete = true;
    for (let c = 0; c < m; c++) if (data[u * m + c] === MISSING) complete = false;
    if (!complete) continue;
    for (let c = 0; c < m; c++) out[kept * m + c] = data[u * m + c]!;
    kept++;
  }
  return { ...table, unitCount: kept, data: out.slice(0, kept * m) };
}

/** The sub-table of two coders (by position). */
export function selectCoders(table: RatingsTable, which: readonly number[]): RatingsTable {
  const m = table.coders.length;
  const k = which.length;
  const data = new Int32Array(table.unitCount * k);
  for (let u = 0; u < table.unitCount; u++) {
    for (let j = 0; j < k; j++) data[u * k + j] = table.data[u * m + which[j]!]!;
  }
  return { ...table, coders: which.map((i) => table.coders[i]!), data };
}
