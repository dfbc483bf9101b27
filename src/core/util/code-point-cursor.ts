const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a text holds a surrogate (paired or not): without one, its code points are its UTF-16 units. */
export function hasSurrogate(text: string): boolean {
  return HAS_SURROGATE.test(text);
}

/**
 * UTF-16 indices of code-point offsets of a text asked in non-decreasing
 * order (segment starts and ends, one after the other): each call walks on
 * from the previous one, so a whole document costs one pass and no array per
 * character (a 200 MB document would need 800 MB for codePointIndex). A lone
 * surrogate counts as one code point, as in Array.from. A smaller offset
 * is walked back to (a surrogate pair is one code point either way), so
 * offsets a little out of order cost what they move, never a walk from the
 * start. `codePoints`, when known, is the text's length in code points.
 */
export function codePointCursor(text: string, codePoints?: number): (codePoint: number) => number {
  // As many code points as UTF-16 units (a scan counted them): no surrogate pair, so no search for one.
  if (codePoints === text.length || !HAS_SURROGATE.test(text)) return (cp) => Math.min(cp, text.length);
  let unit = 0;
  let cp = 0;
  return (target) => {
    while (cp > target) {
      const pair = unit >= 2 && isLow(text.charCodeAt(unit - 1)) && isHigh(text.charCodeAt(unit - 2));
      unit -= pair ? 2 : 1;
      cp--;
    }
    while (cp < target && unit < text.length) {
      unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
      cp++;
    }
    return unit;
  };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
