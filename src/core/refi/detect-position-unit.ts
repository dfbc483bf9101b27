import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';
import type { PositionMap, PositionUnit } from './position-map.js';

export interface SourceSelections {
  raw: string;
  selections: { start: number; end: number; name: string }[];
  /** The source's position map in a unit (built once by the caller, reused for the import). */
  map(unit: PositionUnit): PositionMap;
}

export interface UnitFit {
  /** Selections whose ends fall on word boundaries (or whose name matches their text). */
  fit: number;
  total: number;
}

export interface PositionUnitChoice {
  unit: PositionUnit;
  /** Why this unit, in words, for the import report. */
  reason: string;
  fits: Record<PositionUnit, UnitFit>;
  diagnostics: Diagnostic[];
}

const WORD = /[\p{L}\p{N}]/u;
const ASTRAL = /[\uD800-\uDBFF]/;
/** Which tools write which unit, by the project's origin attribute (verified files in the README). */
const ORIGIN_UNITS: { pattern: RegExp; unit: PositionUnit; tool: string }[] = [{ pattern: /nvivo/i, unit: 'utf16', tool: 'NVivo' }];
/** How much better the other unit must fit before it is preferred. */
const MARGIN = 0.2;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** ATLAS.ti names a selection by its quotation text, cut with "…"; qc by "line:N". Only names that quote text count. */
function quotedName(name: string): string | undefined {
  const n = collapse(name.normalize('NFC')).replace(/(…|\.\.\.)$/, '');
  return n.length >= 3 && !/^line:\d+$/.test(n) ? n : undefined;
}

function scoreUnit(sources: readonly SourceSelections[], unit: PositionUnit): UnitFit {
  let fit = 0;
  let total = 0;
  for (const source of sources) {
    if (source.selections.length === 0) continue;
    const map = source.map(unit);
    const index = map.index();
    const charAt = (cp: number) => (cp >= 0 && cp < map.normalizedLength ? String.fromCodePoint(map.normalized.codePointAt(index[cp]!)!) : ' ');
    const boundary = (cp: number) => !(WORD.test(charAt(cp - 1)) && WORD.test(charAt(cp)));
    for (const s of source.selections) {
      total++;
      const a = map.toStart(s.start);
      const b = map.toEnd(s.end);
      if (a === undefined || b === undefined || a >= b) continue;
      const name = quotedName(s.name);
      if (name !== undefined) {
        if (collapse(map.normalized.slice(index[a], index[b])).startsWith(name)) fit++;
      } else if (boundary(a) && boundary(b)) fit++;
    }
  }
  return { fit, total };
}

const share = (f: UnitFit) => (f.total === 0 ? 0 : f.fit / f.total);
const describe = (unit: PositionUnit) => (unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points');

/**
 * Chooses the unit selection positions count in. The origin decides first
 * (NVivo writes UTF-16 units; the standard and the other tools seen, code
 * points), then the data checks it: selections should start and end on word
 * boundaries, or match the quotation text in their names. When the other unit
 * fits clearly better it is used, with a warning; an explicit --positions is
 * always used, with a warning when the data disagree.
 */
export function choosePositionUnit(sources: readonly SourceSelections[], origin: string, given?: PositionUnit): PositionUnitChoice {
  const fits = { codepoint: scoreUnit(sources, 'codepoint'), utf16: scoreUnit(sources, 'utf16') };
  const byOrigin = ORIGIN_UNITS.find((o) => o.pattern.test(origin));
  const preferred: PositionUnit = given ?? byOrigin?.unit ?? 'codepoint';
  const other: PositionUnit = preferred === 'utf16' ? 'codepoint' : 'utf16';
  const basis = given ? '--positions' : byOrigin ? `the origin "${origin}" (${byOrigin.tool} writes UTF-16 units)` : `the REFI-QDA standard (origin "${origin || 'not given'}")`;
  const counts = (u: PositionUnit) => `${fits[u].fit} of ${fits[u].total} selections fit ${describe(u)}`;
  if (!sources.some((s) => ASTRAL.test(s.raw))) {
    return { unit: preferred, reason: `${describe(preferred)}, by ${basis}; the texts have no characters outside the Basic Multilingual Plane, so both units count alike`, fits, diagnostics: [] };
  }
  const better = fits[other].total >= 5 && share(fits[other]) - share(fits[preferred]) >= MARGIN;
  if (!better) return { unit: preferred, reason: `${describe(preferred)}, by ${basis}; checked: ${counts(preferred)}, ${counts(other)}`, fits, diagnostics: [] };
  if (given) {
    return {
      unit: preferred,
      reason: `${describe(preferred)}, by --positions, although ${counts(other)} and ${counts(preferred)}`,
      fits,
      diagnostics: [warn('QC809', `positions read as ${describe(preferred)} as asked, but ${counts(other)} against ${counts(preferred)}`, { hint: `rerun with --positions ${other} if the spans look misplaced` })],
    };
  }
  return {
    unit: other,
    reason: `${describe(other)}: ${counts(other)}, against ${counts(preferred)} as ${basis} would have it`,
    fits,
    diagnostics: [warn('QC809', `positions read as ${describe(other)}: ${counts(other)}, ${counts(preferred)}`, { hint: `pass --positions ${preferred} to read them as ${describe(preferred)}` })],
  };
}
