/**
 * Reliability data for unitizing (Krippendorff, Mathet, Bouvry & Widlöcher
 * 2016, "On the reliability of unitizing textual continua: Further
 * developments", Quality & Quantity 50, 2347–2364; Krippendorff 2019, Content
 * Analysis, 4th ed., §12.6): a continuum of length L that each of m coders
 * partitions into sections — units with a value c, and the gaps between them
 * (value ∅, index 0 here).
 */
export interface Section {
  start: number;
  end: number;
  /** 0 for a gap (∅), else 1 + the index of the unit's value in `values`. */
  value: number;
}

export interface UnitizingData {
  length: number;
  coders: string[];
  values: string[];
  /** Per coder, sections covering [0, length) in order, without overlap. */
  sections: Section[][];
}

export interface UnitInput {
  start: number;
  end: number;
  value: string;
}

/** Where a coder's units of different values overlap: the data are not a partition. */
export interface Overlap {
  coder: string;
  at: number;
  values: [string, string];
}

/**
 * Each coder's units, filled out with gaps into a partition of [0, length).
 * Units of one value that overlap are joined (a QDA tool may store one passage
 * twice); units of different values that overlap make the data unfit for the
 * uα family, which needs each coder's units to exclude each other.
 */
export function buildUnitizingData(length: number, coders: string[], units: readonly (readonly UnitInput[])[], values: readonly string[]): { data: UnitizingData } | { overlap: Overlap } {
  const index = new Map(values.map((v, i) => [v, i + 1]));
  const sections: Section[][] = [];
  for (let i = 0; i < coders.length; i++) {
    const sorted = [...units[i]!].filter((u) => u.end > u.start).sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: Section[] = [];
    for (const u of sorted) {
      const value = index.get(u.value);
      if (value === undefined) throw new Error(`unit value '${u.value}' is not among the values`);
      if (u.start < 0 || u.end > length) throw new Error(`unit [${u.start}, ${u.end}) is outside the continuum of length ${length}`);
      const last = merged[merged.length - 1];
      if (last && u.start < last.end) {
        if (last.value !== value) return { overlap: { coder: coders[i]!, at: u.start, values: [values[last.value - 1]!, u.value] } };
        last.end = Math.max(last.end, u.end);
      } else merged.push({ start: u.start, end: u.end, value });
    }
    const withGaps: Section[] = [];
    let at = 0;
    for (const s of merged) {
      if (s.start > at) withGaps.push({ start: at, end: s.start, value: 0 });
      withGaps.push(s);
      at = s.end;
    }
    if (at < length) withGaps.push({ start: at, end: length, value: 0 });
    sections.push(withGaps);
  }
  return { data: { length, coders, values: [...values], sections } };
}

/**
 * What every coefficient of the family is computed from.
 *
 * Observed coincidences (2016, eq. 1): the length of the intersections of
 * coder i's sections of value c with coder j's sections of value k, over all
 * ordered pairs of coders i ≠ j, divided by m − 1:
 *   l_ck = Σ_i Σ_{j≠i} Σ_g Σ_h |s_icg ∩ s_jkh| / (m − 1),  l.. = mL.
 * Self-pairings, subtracted from expected coincidences: a unit of length l
 * pairs its l positions with each other, l² (gaps, which are no units, count
 * their length l), summed per value; and for cuα the same with only the part
 * of each unit that intersects another coder's units:
 *   S_c = Σ_i Σ_{j≠i} Σ_{g: v=c} (Σ_{h: v≠∅} |s_ig ∩ s_jh|)² / (m − 1).
 */
export interface Coincidences {
  /** Number of values including ∅ (index 0). */
  size: number;
  /** l_ck, row-major, size × size. */
  observed: Float64Array;
  /** Σ of l² (units) or l (gaps) per value. */
  selfPairing: Float64Array;
  /** S_c per value (0 for ∅). */
  intersectSelfPairing: Float64Array;
}

export function computeCoincidences(data: UnitizingData): Coincidences {
  const size = data.values.length + 1;
  const m = data.coders.length;
  const observed = new Float64Array(size * size);
  const selfPairing = new Float64Array(size);
  const intersectSelfPairing = new Float64Array(size);
  for (const sections of data.sections) {
    for (const s of sections) selfPairing[s.value]! += s.value === 0 ? s.end - s.start : (s.end - s.start) ** 2;
  }
  for (let i = 0; i < m; i++) {
    const a = data.sections[i]!;
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const b = data.sections[j]!;
      const valuedOverlap = new Float64Array(a.length);
      // Both partitions are sorted and cover the continuum: walk them together.
      for (let x = 0, y = 0; x < a.length && y < b.length; ) {
        const sa = a[x]!;
        const sb = b[y]!;
        const overlap = Math.min(sa.end, sb.end) - Math.max(sa.start, sb.start);
        if (overlap > 0) {
          observed[sa.value * size + sb.value]! += overlap / (m - 1);
          if (sb.value !== 0) valuedOverlap[x]! += overlap;
        }
        if (sa.end <= sb.end) x++;
        else y++;
      }
      a.forEach((s, x) => {
        if (s.value !== 0) intersectSelfPairing[s.value]! += valuedOverlap[x]! ** 2 / (m - 1);
      });
    }
  }
  return { size, observed, selfPairing, intersectSelfPairing };
}

/**
 * Expected disagreement this small relative to the pairable length is zero
 * up to rounding: the coefficient is undefined, not a huge number.
 */
export const EPSILON = 1e-12;

export function rowSum(matrix: Float64Array, size: number, row: number, from = 0): number {
  let s = 0;
  for (let k = from; k < size; k++) s += matrix[row * size + k]!;
  return s;
}
