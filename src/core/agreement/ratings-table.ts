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
  /**
   * How many units each row stands for (absent: one each). A table compressed
   * to its distinct rows (compressRatings) carries their frequencies here, and
   * a bootstrap resample is the same rows with new weights; every coefficient
   * reads rows through these weights.
   */
  weights?: Float64Array;
}

/** The weight of row u. */
export function rowWeight(table: RatingsTable, u: number): number {
  return table.weights ? table.weights[u]! : 1;
}

/** The number of units the table stands for: Σ weights (or its rows). */
export function totalUnits(table: RatingsTable): number {
  if (!table.weights) return table.unitCount;
  let n = 0;
  for (let u = 0; u < table.unitCount; u++) n += table.weights[u]!;
  return n;
}

/**
 * The table's distinct rows, each weighted by how often it occurs (rows that
 * were already weighted add their weights). Every coefficient depends on the
 * units only through these frequencies, so the compressed table gives the
 * same values, and a bootstrap resample of units is a multinomial draw of
 * new frequencies over the distinct rows (a million units × 2 coders × 2
 * categories have at most 9 distinct rows).
 */
export function compressRatings(table: RatingsTable): RatingsTable {
  const m = table.coders.length;
  const base = table.categories.length + 1;
  const { data, unitCount } = table;
  const numeric = base ** m < 2 ** 52;
  const dense = numeric && base ** m <= 1 << 16 ? new Int32Array(base ** m).fill(-1) : null;
  const index = new Map<number | string, number>();
  const first: number[] = [];
  const keys: (number | string)[] = [];
  const weights: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let c = 0; c < m; c++) key = key * base + data[u * m + c]! + 1;
    } else {
      key = Array.from(data.subarray(u * m, u * m + m), (v) => String(v + 1).padStart(10, '0')).join(',');
    }
    let p = dense ? dense[key as number]! : (index.get(key) ?? -1);
    if (p < 0) {
      p = first.length;
      if (dense) dense[key as number] = p;
      else index.set(key, p);
      first.push(u);
      keys.push(key);
      weights.push(0);
    }
    weights[p]! += rowWeight(table, u);
  }
  // Rows in key order, not first-seen order: the same units in any order give the same table, and so the same sums to the last bit.
  const order = first.map((_, p) => p).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const out = new Int32Array(first.length * m);
  order.forEach((p, i) => out.set(data.subarray(first[p]! * m, first[p]! * m + m), i * m));
  return { ...table, unitCount: first.length, data: out, weights: Float64Array.from(order, (p) => weights[p]!) };
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
  const weights = table.weights ? new Float64Array(unitCount) : undefined;
  let kept = 0;
  for (let u = 0; u < unitCount; u++) {
    let complete = true;
    for (let c = 0; c < m; c++) if (data[u * m + c] === MISSING) complete = false;
    if (!complete) continue;
    for (let c = 0; c < m; c++) out[kept * m + c] = data[u * m + c]!;
    if (weights) weights[kept] = table.weights![u]!;
    kept++;
  }
  const result: RatingsTable = { ...table, unitCount: kept, data: out.slice(0, kept * m) };
  if (weights) result.weights = weights.slice(0, kept);
  return result;
}

/** True when every coder rated every unit. */
export function isComplete(table: RatingsTable): boolean {
  for (let i = 0; i < table.data.length; i++) if (table.data[i] === MISSING) return false;
  return true;
}

/** The sub-table of some coders (by position); weights are kept. */
export function selectCoders(table: RatingsTable, which: readonly number[]): RatingsTable {
  const m = table.coders.length;
  const k = which.length;
  const data = new Int32Array(table.unitCount * k);
  for (let u = 0; u < table.unitCount; u++) {
    for (let j = 0; j < k; j++) data[u * k + j] = table.data[u * m + which[j]!]!;
  }
  return { ...table, coders: which.map((i) => table.coders[i]!), data };
}
