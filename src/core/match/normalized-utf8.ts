import { classOf, F_NFC } from '../pattern/char-class.js';

/**
 * Whether valid UTF-8 bytes are a text normalizeText leaves as it is, told
 * from the bytes without decoding them: no leading BOM, no CR, and no code
 * point NFC may change in context (F_NFC: combining marks, Hangul jamo,
 * characters with another NFC form alone), the test by which the byte
 * scanner trusts a text. True means unchanged; false means perhaps changed
 * (the caller normalises the string). A qdpx export of news wire text, where
 * most texts hold a curly quote or an accented letter, then makes no string
 * of them on its reading thread.
 */
export function isNormalizedUtf8(b: Uint8Array): boolean {
  const n = b.length;
  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return false;
  for (let i = 0; i < n; ) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c === 0x0d) return false;
      i++;
      continue;
    }
    let cp: number;
    if (c < 0xe0) {
      cp = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      cp = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
      i += 4;
    }
    if ((classOf(cp) & F_NFC) !== 0) return false;
  }
  return true;
}
