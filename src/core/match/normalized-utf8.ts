import { classOf, F_NFC } from '../pattern/char-class.js';
import { utf8CodeAt, utf8Length } from '../util/utf8-chars.js';

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
    if ((classOf(utf8CodeAt(b, i)) & F_NFC) !== 0) return false;
    i += utf8Length(c);
  }
  return true;
}
