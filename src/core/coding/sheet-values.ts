/**
 * What a code's cell in a coder's spreadsheet says. Applied: 1 (1.0, 1.00),
 * x, ✓ or ✔, TRUE, yes. Not applied: 0 (0.0), FALSE, no, NA (R's missing),
 * or nothing. Words in any case; surrounding spaces ignored. Anything else
 * (2, maybe, 0.5) is `undefined`: ambiguous, reported, never guessed.
 */
export function readSheetMark(value: string): boolean | undefined {
  const v = value.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (v === '' || /^0(\.0+)?$/.test(v)) return false;
  if (/^1(\.0+)?$/.test(v) || v === '✓' || v === '✔') return true;
  switch (v.toLowerCase()) {
    case 'x':
    case 'true':
    case 'yes':
      return true;
    case 'false':
    case 'no':
    case 'na':
      return false;
    default:
      return undefined;
  }
}

/** The values a sheet's code cells offer (its drop-down list): one of each meaning. */
export const SHEET_MARKS = ['1', '0'] as const;
