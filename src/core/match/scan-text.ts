import { BMP_CLASS, K_APOS, K_HYPHEN, K_OTHER, K_SPACE, K_WORD, KIND_MASK, classOf, foldBytes } from '../pattern/char-class.js';
import { suffixKey } from './compile-matcher.js';
import type { MatchRun } from './match-run.js';

const S_LOWER = 0x73;
const S_UPPER = 0x53;

/**
 * The general path: tokenizes a JS string and feeds every token to the run.
 * Unit offsets are UTF-16 indices into `text`; code point offsets start at 0.
 * The byte scanner (scan-json-bytes.ts) is the same state machine over UTF-8
 * and must stay in step with this one: a property test holds them equal.
 * Deliberate twin (duplicates lists it): sharing the per-character step
 * through a callback cost about a third of the scan's speed on the hot path.
 * The one-pipeline work of the auto-coder issue retires this string path.
 * Inside the loop, the "first word character" and "joined word character"
 * branches repeat their token-state updates for the same reason.
 */
export function scanText(run: MatchRun, text: string): void {
  const m = run.m;
  const f = m.forward;
  const next = f.next;
  const byteCol = f.byteCol;
  const asciiCol = m.asciiCol;
  const rootRow = 1 << f.shift;
  const keepBytes = m.needTokenBytes;
  const always = m.globs.length > 0 || m.anyTerm >= 0;
  const suffixPair = m.suffixPair;
  const wide = m.suffixWide;
  const tokenBytes = run.tokenBytes;

  let inToken = false;
  let row = 0;
  let tokCp = 0;
  let tokUnit = 0;
  // After the last word character: position, state and token length.
  let wCp = 0;
  let wUnit = 0;
  let wRow = 0;
  let wLen = 0;
  // A hyphen or apostrophe seen after a word character, joining only if a word character follows.
  let pending = 0;
  // The possessive: the token as it stood before its last joined apostrophe.
  let afterApos = false;
  let sinceApos = 0;
  let aposS = false;
  let possCp = 0;
  let possUnit = 0;
  let possRow = 0;
  let possLen = 0;

  let cp = 0;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let kind: number;
    let c = 0;
    let width = 1;
    if (i === n) kind = K_OTHER;
    else {
      c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      kind = (c < 0x10000 ? BMP_CLASS[c]! : classOf(c)) & KIND_MASK;
    }
    if (kind === K_WORD) {
      if (!inToken) {
        inToken = true;
        row = rootRow;
        tokCp = cp;
        tokUnit = i;
        run.tokenLength = 0;
        afterApos = false;
      } else if (pending !== 0) {
        afterApos = pending === K_APOS;
        if (afterApos) {
          possCp = wCp;
          possUnit = wUnit;
          possRow = wRow;
          possLen = wLen;
          sinceApos = 0;
        }
        pending = 0;
      }
      if (c < 0x80) {
        row = next[row + asciiCol[c]!]!;
        if (keepBytes) run.pushTokenByte(c >= 0x41 && c <= 0x5a ? c + 32 : c);
      } else {
        const fb = foldBytes(c);
        for (let k = 0; k < fb.length; k++) {
          row = next[row + byteCol[fb[k]!]!]!;
          if (keepBytes) run.pushTokenByte(fb[k]!);
        }
      }
      if (afterApos) {
        sinceApos++;
        aposS = c === S_LOWER || c === S_UPPER;
      }
      wCp = cp + 1;
      wUnit = i + width;
      wRow = row;
      wLen = run.tokenLength;
    } else if ((kind === K_HYPHEN || kind === K_APOS) && inToken && pending === 0) {
      pending = kind;
      const b = kind === K_HYPHEN ? 0x2d : 0x27;
      row = next[row + asciiCol[b]!]!;
      if (keepBytes) run.pushTokenByte(b);
    } else {
      if (inToken) {
        inToken = false;
        const poss = afterApos && sinceApos === 1 && aposS;
        const len = poss ? possLen : wLen;
        let hit = always || run.activeCount > 0 || f.accepting[(poss ? possRow : wRow) >> f.shift] === 1;
        if (!hit && suffixPair !== null) {
          hit =
            suffixPair[
              suffixKey(wide && len > 3 ? tokenBytes[len - 4]! : 0, len > 2 ? tokenBytes[len - 3]! : 0, len > 1 ? tokenBytes[len - 2]! : 0, tokenBytes[len - 1]!)
            ] === 1;
        }
        if (hit) {
          if (poss) run.token(possRow, tokCp, possCp, tokUnit, possUnit, tokenBytes, 0, possLen);
          else run.token(wRow, tokCp, wCp, tokUnit, wUnit, tokenBytes, 0, wLen);
        }
        // A joiner left dangling after the token is punctuation.
        if (pending !== 0) run.activeCount = 0;
        pending = 0;
      }
      // Whitespace keeps a phrase going; anything else breaks it.
      if (kind !== K_SPACE) run.activeCount = 0;
    }
    i += width;
    cp++;
  }
}
