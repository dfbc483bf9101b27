/**
 * Counts the surrogate pairs before UTF-16 indices asked in non-decreasing
 * order (index − pairs = code-point offset): each call walks only from the
 * previous index, so a whole document costs at most one pass, and text
 * without surrogates, the usual case, none. The sentence scanner counts pairs
 * itself as it goes; paragraphs and documents use this.
 */
export function surrogatePairCounter(text: string): (utf16Index: number) => number {
  if (!HAS_SURROGATE.test(text)) return () => 0;
  let lastIndex = 0;
  let lastPairs = 0;
  return (index) => {
    let u = index < lastIndex ? 0 : lastIndex;
    let pairs = index < lastIndex ? 0 : lastPairs;
    // A pair is a high surrogate followed by a low one; a lone surrogate counts as a code point, as in Array.from.
    for (; u < index; u++) {
      const c = text.charCodeAt(u);
      if (c >= 0xdc00 && c <= 0xdfff && u > 0) {
        const h = text.charCodeAt(u - 1);
        if (h >= 0xd800 && h <= 0xdbff) pairs++;
      }
    }
    lastIndex = index;
    lastPairs = pairs;
    return pairs;
  };
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/;
