/**
 * Turns UTF-16 indices into code-point offsets (what Python's and R's string
 * indexing count), for indices asked in non-decreasing order: each call walks
 * only from the previous index, so a whole document costs one pass. Text
 * without surrogates, the usual case, needs no walk at all.
 */
export function codePointOffsets(text: string): (utf16Index: number) => number {
  if (!HAS_SURROGATE.test(text)) return (i) => i;
  let u = 0;
  let cp = 0;
  return (index) => {
    if (index < u) {
      u = 0;
      cp = 0;
    }
    for (; u < index; u++) {
      const c = text.charCodeAt(u);
      // The low half of a pair is the same code point as its high half; a lone surrogate counts alone, as in Array.from.
      if (c >= 0xdc00 && c <= 0xdfff && u > 0) {
        const h = text.charCodeAt(u - 1);
        if (h >= 0xd800 && h <= 0xdbff) continue;
      }
      cp++;
    }
    return cp;
  };
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/;
