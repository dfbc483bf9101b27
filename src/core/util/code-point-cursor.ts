const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * UTF-16 indices of code-point offsets of a text asked in non-decreasing
 * order (segment starts and ends, one after the other): each call walks on
 * from the previous one, so a whole document costs one pass and no array per
 * character (a 200 MB document would need 800 MB for codePointIndex). A lone
 * surrogate counts as one code point, as in Array.from. Asking a smaller
 * offset starts over.
 */
export function codePointCursor(text: string): (codePoint: number) => number {
  if (!HAS_SURROGATE.test(text)) return (cp) => Math.min(cp, text.length);
  let unit = 0;
  let cp = 0;
  return (target) => {
    if (target < cp) {
      unit = 0;
      cp = 0;
    }
    while (cp < target && unit < text.length) {
      unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
      cp++;
    }
    return unit;
  };
}
