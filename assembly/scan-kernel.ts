// WebAssembly twin of scanJsonString (src/core/match/scan-json-bytes.ts), in
// AssemblyScript, built by scripts/build-wasm.mjs. The JS scanner stays the
// definition: this file mirrors it statement for statement, and the loader
// (src/core/match/scan-kernel.ts) hands anything it does not take (a token
// log, glob or `*` terms, a folded letter too long for its room) to the JS
// scanner. Instead of
// calling MatchRun.token it writes events the loader replays: the tokens that
// are terms, with their forward state and the backward (suffix) state the
// kernel walks itself, and where the run's phrases are reset. A token the JS
// scanner hands on with no term (past the suffix filter, or because a phrase
// is under way) only resets the run's phrases: here that is a reset. And a
// term that only starts longer phrases, met with no phrase under way, does
// nothing if a reset follows: its event is then taken back.
//
// Memory is laid out by the loader; every table is a copy of the matcher's
// or char-class.ts's, written once per matcher. No allocator: raw loads.

const K_WORD: i32 = 1;
const K_HYPHEN: i32 = 2;
const K_APOS: i32 = 3;
const K_SPACE: i32 = 4;
const F_NFC: i32 = 8;
const KIND_MASK: i32 = 7;
const BACKSLASH: i32 = 0x5c;
const TOKEN_BYTES: i32 = 256;

/** Scan results. */
const OK: i32 = 1;
const NOT_NORMAL: i32 = 0;
const FALLBACK: i32 = -1;
const FULL: i32 = -2;

/** Event types; an event is 8 i32s: type, row, sCp, eCp, sUnit, eUnit, backward state (0: none), token index. */
const EV_RESET: i32 = 0;
const EV_TOKEN: i32 = 1;
/** In the accepting table: 1 a state with terms, 2 one whose terms (and their case-sensitive refinements) only start phrases of two words or more. */
const QUIET: i32 = 2;

// Where the loader put the tables and buffers (byte addresses).
let pNext: usize = 0;
let shift: i32 = 0;
let pAsciiCol: usize = 0;
let pWordCol: usize = 0;
let pByteCol: usize = 0;
let pAccepting: usize = 0;
/** 0 when the matcher has no suffix terms. */
let pSuffix: usize = 0;
let wide: i32 = 0;
let keepBytes: i32 = 0;
let pClass: usize = 0;
let pFoldIdx: usize = 0;
let pFoldPool: usize = 0;
let foldPoolUsed: i32 = 0;
let foldPoolCap: i32 = 0;
let pScratch: usize = 0;
let pTok: usize = 0;
let pLower: usize = 0;
let pEndTab: usize = 0;
let pOut: usize = 0;
let pText: usize = 0;
let pEv: usize = 0;
let evCap: i32 = 0;
/** The backward trie of suffix terms (0 when the matcher has none): rows, shift, byte columns (A-Z as a-z), accepting states. */
let pBackNext: usize = 0;
let backShift: i32 = 0;
let pBackCol: usize = 0;
let pBackAccepting: usize = 0;

// Written by scan, read by the loader.
let evCount: i32 = 0;
let evAt: usize = 0;
/** The last event is a quiet term's met with no phrase under way: a reset right after takes it back instead. */
let quietLast = false;

/** foldBytes(cp) written at `at`, its length returned (-1: too long for the scratch area). */
@external("env", "fold")
declare function jsFold(cp: i32, at: usize): i32;
/** classOf(cp) for an astral code point. */
@external("env", "astralClass")
declare function jsAstralClass(cp: i32): i32;

export function setTables(
  next: usize, sh: i32, asciiCol: usize, wordCol: usize, byteCol: usize, accepting: usize, suffix: usize, wd: i32, keep: i32,
  cls: usize, foldIdx: usize, foldPool: usize, foldCap: i32, scratch: usize, tok: usize, lower: usize, out: usize, endTab: usize,
): void {
  pEndTab = endTab;
  pNext = next; shift = sh; pAsciiCol = asciiCol; pWordCol = wordCol; pByteCol = byteCol; pAccepting = accepting;
  pSuffix = suffix; wide = wd; keepBytes = keep; pClass = cls; pFoldIdx = foldIdx; pFoldPool = foldPool;
  foldPoolCap = foldCap; foldPoolUsed = 0; pScratch = scratch; pTok = tok; pLower = lower; pOut = out;
}

export function setBackward(next: usize, sh: i32, col: usize, accepting: usize): void {
  pBackNext = next; backShift = sh; pBackCol = col; pBackAccepting = accepting;
}

export function setBuffers(text: usize, ev: usize, evc: i32): void {
  pText = text; pEv = ev; evCap = evc;
}

export function eventCount(): i32 { return evCount; }

@inline function lower(b: i32): i32 { return <i32>load<u8>(pLower + <usize>b); }
@inline function at(i: i32): i32 { return <i32>load<u8>(pText + <usize>i); }
@inline function tokAt(k: i32): i32 { return k < TOKEN_BYTES ? <i32>load<u8>(pTok + <usize>k) : 0; }
@inline function ld(p: usize, i: i32): i32 { return <i32>load<u8>(p + <usize>i); }
@inline function stp(next: usize, row: i32, col: i32): i32 { return load<i32>(next + (<usize>(row + col) << 2)); }
@inline function step(row: i32, col: i32): i32 { return load<i32>(pNext + (<usize>(row + col) << 2)); }
@inline function suffixHit(b3: i32, b2: i32, b1: i32, b0: i32): bool {
  const key = <u32>(((b3 << 24) | (b2 << 16) | (b1 << 8) | b0) * <i32>0x9e3779b1) >>> 16;
  // The matcher's suffixPair as bits (8 KB, not 64): a token's lookup stays in the first-level cache.
  return ((<u32>load<u8>(pSuffix + <usize>(key >> 3)) >> (key & 7)) & 1) != 0;
}

/** Appends the lower-cased raw bytes text[from, to) to the token's folded bytes, as MatchRun.pushTokenByte does; returns the new length. */
@inline function pushRaw(tokP: usize, lw: usize, text: usize, from: i32, to: i32, tokLen: i32): i32 {
  for (let k = from; k < to; k++) {
    if (tokLen < TOKEN_BYTES) store<u8>(tokP + <usize>tokLen, <u8>ld(lw, ld(text, k)));
    tokLen++;
  }
  return tokLen;
}

/** Appends one folded byte (MatchRun.pushTokenByte); returns the new length. */
@inline function pushByte(tokP: usize, b: i32, tokLen: i32): i32 {
  if (tokLen < TOKEN_BYTES) store<u8>(tokP + <usize>tokLen, <u8>b);
  return tokLen + 1;
}

function hex4(i: i32): i32 {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = at(i + k);
    const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 87 : h >= 0x41 && h <= 0x46 ? h - 55 : -1;
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

/** Appends an event; false when the buffer is full. */
@inline function event(type: i32, row: i32, sCp: i32, eCp: i32, sUnit: i32, eUnit: i32, back: i32, tok: i32): bool {
  if (evCount >= evCap) return false;
  const p = evAt;
  store<i32>(p, type);
  store<i32>(p, row, 4);
  store<i32>(p, sCp, 8);
  store<i32>(p, eCp, 12);
  store<i32>(p, sUnit, 16);
  store<i32>(p, eUnit, 20);
  store<i32>(p, back, 24);
  store<i32>(p, tok, 28);
  evAt = p + 32;
  evCount++;
  quietLast = false;
  return true;
}

/**
 * Ends the phrases under way (the caller knows some may be): a reset event,
 * or, when the last event is a quiet term's met with none under way, that
 * event taken back, as it started only phrases the reset ends. False when
 * the buffer is full.
 */
@inline function reset(): bool {
  if (quietLast) {
    quietLast = false;
    evCount--;
    evAt -= 32;
    return true;
  }
  return event(EV_RESET, 0, 0, 0, 0, 0, 0, 0);
}

/** MatchRun.token's backward walk over p[from, from + len), the token's bytes from its end: the state it ends in (0: dead). */
@inline function walkBack(p: usize, from: i32, len: i32): i32 {
  const bn = pBackNext;
  const bc = pBackCol;
  let r = 1 << backShift;
  for (let i = from + len - 1; i >= from && r != 0; i--) r = stp(bn, r, ld(bc, ld(p, i)));
  return r >> backShift;
}

/** NOT_NORMAL, with the tokens passed so far (the loader sets MatchRun.tokenIndex from it). */
@inline function notNormal(tokens: i32): i32 {
  store<i32>(pOut, tokens, 24);
  return NOT_NORMAL;
}

/**
 * Scans text[0, n) (text[n] is the closing quote); returns OK (extent at
 * pOut), NOT_NORMAL (the JS scanner returns false there, after the events
 * written), FALLBACK (let the JS scanner do it all) or FULL (the event
 * buffer too small: grow it and call again).
 */
export function scan(n: i32, trusted: i32, active0: i32): i32 {
  // Tables in locals: globals are read again at every use.
  const text = pText;
  const next = pNext;
  const lw = pLower;
  const classT = pClass;
  const tokP = pTok;
  const wordCol = pWordCol;
  const endTab = pEndTab;
  const asciiCol = pAsciiCol;
  const byteCol = pByteCol;
  const accepting = pAccepting;
  const sh = shift;
  const rootRow = 1 << sh;
  const keep = keepBytes != 0;
  const hasSuffix = pSuffix != 0;
  const wd = wide != 0;
  const to = n;

  let inToken = false;
  let simple = true;
  let row = 0;
  let tokCp = 0;
  let tokUnit = 0;
  let wCp = 0;
  let wUnit = 0;
  let wRow = 0;
  let wLen = 0;
  let pending = 0;
  let afterApos = false;
  let sinceApos = 0;
  let aposS = false;
  let possCp = 0;
  let possUnit = 0;
  let possRow = 0;
  let possLen = 0;
  let first = -1;
  let last = 0;
  let firstUnit = -1;
  let lastUnit = 0;
  let tokens = 0;
  let canonical = true;
  let tokLen = 0;
  // Whether the run may have phrases under way: a token was handed on since the last reset.
  let active = active0 != 0;
  evCount = 0;
  evAt = pEv;
  quietLast = false;

  if (trusted == 0 && n >= 3 && ld(text, 0) == 0xef && ld(text, 1) == 0xbb && ld(text, 2) == 0xbf) return notNormal(tokens);
  if (trusted == 0 && n >= 6 && ld(text, 0) == BACKSLASH && ld(text, 1) == 0x75 && hex4(2) == 0xfeff) return notNormal(tokens);
  let cp = 0;
  let i = 0;
  while (i <= to) {
    let kind: i32;
    let c = 0;
    let width = 1;
    if (i == to) kind = 0;
    else {
      c = ld(text, i);
      let col = <i32>load<u8>(wordCol + <usize>c);
      if (col != 255) {
        if (!inToken) {
          inToken = true;
          simple = true;
          row = rootRow;
          tokCp = cp;
          tokUnit = i;
          afterApos = false;
          if (first < 0) {
            first = cp;
            firstUnit = i;
          }
        } else if (pending != 0) {
          afterApos = pending == K_APOS;
          if (afterApos) {
            possCp = wCp;
            possUnit = wUnit;
            possRow = wRow;
            possLen = simple ? wUnit - tokUnit : wLen;
            sinceApos = 0;
          }
          pending = 0;
        }
        let r = row;
        let j = i;
        do {
          r = stp(next, r, col);
          j++;
          col = <i32>load<u8>(wordCol + <usize>ld(text, j));
        } while (col != 255);
        if (!simple && keep) tokLen = pushRaw(tokP, lw, text, i, j, tokLen);
        if (afterApos) {
          sinceApos += j - i;
          const z = ld(text, j - 1);
          aposS = z == 0x73 || z == 0x53;
        }
        row = r;
        cp += j - i;
        wCp = cp;
        wUnit = j;
        wRow = r;
        wLen = tokLen;
        last = cp;
        lastUnit = j;
        i = j;
        // endTab: 1 after a space, 2 after other plain punctuation, 0 where the general path must look (the closing quote at `to` among them).
        const et = ld(endTab, ld(text, j));
        if (et != 0 && simple && !afterApos) {
          inToken = false;
          const len = j - tokUnit;
          const tok = tokens++;
          const acc = <i32>load<u8>(accepting + <usize>(r >> sh));
          let back = 0;
          if (
            hasSuffix &&
            suffixHit(
              wd && len > 3 ? ld(lw, ld(text, j - 4)) : 0,
              len > 2 ? ld(lw, ld(text, j - 3)) : 0,
              len > 1 ? ld(lw, ld(text, j - 2)) : 0,
              ld(lw, ld(text, j - 1)),
            )
          ) {
            back = walkBack(text, tokUnit, len);
            if (load<u8>(pBackAccepting + <usize>back) != 1) back = 0;
          }
          if (acc != 0 || back != 0) {
            if (!event(EV_TOKEN, r, tokCp, cp, tokUnit, j, back, tok)) return FULL;
            quietLast = acc == QUIET && back == 0 && !active;
            active = true;
          } else if (active) {
            if (!reset()) return FULL;
            active = false;
          }
          if (et != 1) {
            if (active) {
              if (!reset()) return FULL;
              active = false;
            }
            last = cp + 1;
            lastUnit = j + 1;
          }
          i = j + 1;
          cp++;
        }
        continue;
      }
      if (c < 0x20 && i < to) return notNormal(tokens);
      if (!inToken && c < 0x80 && c != BACKSLASH && i < to) {
        if (<i32>load<u8>(classT + <usize>c) != K_SPACE) {
          if (active) {
            if (!reset()) return FULL;
            active = false;
          }
          if (first < 0) {
            first = cp;
            firstUnit = i;
          }
          last = cp + 1;
          lastUnit = i + 1;
        }
        i++;
        cp++;
        continue;
      }
      if (c < 0x80) {
        if (c == BACKSLASH) {
          const e = ld(text, i + 1);
          width = 2;
          if (e == 0x6e) c = 10;
          else if (e == 0x74) c = 9;
          else if (e == 0x22 || e == BACKSLASH) c = e;
          else if (e == 0x2f) {
            c = e;
            canonical = false;
          } else if (e == 0x62) c = 8;
          else if (e == 0x66) c = 12;
          else if (e == 0x75) {
            // hex4 stops at the closing quote: no read past the text.
            c = hex4(i + 2);
            width = 6;
            canonical = false;
            if (c < 0) return notNormal(tokens);
            if (c == 0x0d && trusted == 0) return notNormal(tokens);
            if (c >= 0xd800 && c <= 0xdbff && ld(text, i + 6) == BACKSLASH && ld(text, i + 7) == 0x75) {
              const lo = hex4(i + 8);
              if (lo >= 0xdc00 && lo <= 0xdfff) {
                c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
                width = 12;
              }
            }
          } else return notNormal(tokens);
          const cls = c < 0x10000 ? <i32>load<u8>(classT + <usize>c) : jsAstralClass(c);
          if ((cls & F_NFC) != 0 && trusted == 0) return notNormal(tokens);
          kind = cls & KIND_MASK;
        } else kind = <i32>load<u8>(classT + <usize>c);
      } else {
        if (c >= 0xc2 && c <= 0xdf && i + 1 < to) {
          const c1 = ld(text, i + 1);
          if ((c1 & 0xc0) != 0x80) return notNormal(tokens);
          c = ((c & 0x1f) << 6) | (c1 & 0x3f);
          width = 2;
        } else if (c >= 0xe0 && c <= 0xef && i + 2 < to) {
          const c1 = ld(text, i + 1);
          const c2 = ld(text, i + 2);
          if ((c1 & 0xc0) != 0x80 || (c2 & 0xc0) != 0x80) return notNormal(tokens);
          c = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
          if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) return notNormal(tokens);
          width = 3;
        } else if (c >= 0xf0 && c <= 0xf4 && i + 3 < to) {
          const c1 = ld(text, i + 1);
          const c2 = ld(text, i + 2);
          const c3 = ld(text, i + 3);
          if ((c1 & 0xc0) != 0x80 || (c2 & 0xc0) != 0x80 || (c3 & 0xc0) != 0x80) return notNormal(tokens);
          c = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
          if (c < 0x10000 || c > 0x10ffff) return notNormal(tokens);
          width = 4;
        } else return notNormal(tokens);
        const cls = c < 0x10000 ? <i32>load<u8>(classT + <usize>c) : jsAstralClass(c);
        if ((cls & F_NFC) != 0 && trusted == 0) return notNormal(tokens);
        kind = cls & KIND_MASK;
      }
      if (kind != K_SPACE) {
        if (first < 0) {
          first = cp;
          firstUnit = i;
        }
        last = cp + 1;
        lastUnit = i + width;
      }
    }
    if (kind == K_WORD) {
      if (!inToken) {
        inToken = true;
        simple = false;
        row = rootRow;
        tokCp = cp;
        tokUnit = i;
        tokLen = 0;
        afterApos = false;
      } else {
        if (simple) {
          simple = false;
          tokLen = 0;
          if (keep) tokLen = pushRaw(tokP, lw, text, tokUnit, i, tokLen);
          wLen = wUnit - tokUnit;
        }
        if (pending != 0) {
          afterApos = pending == K_APOS;
          if (afterApos) {
            possCp = wCp;
            possUnit = wUnit;
            possRow = wRow;
            possLen = wLen;
            sinceApos = 0;
          }
          pending = 0;
        }
      }
      if (c < 0x80) {
        row = stp(next, row, <i32>load<u8>(asciiCol + <usize>c));
        if (keep) tokLen = pushByte(tokP, ld(lw, c), tokLen);
      } else {
        let fp: usize;
        let fl: i32;
        if (c < 0x10000) {
          let v = load<u32>(pFoldIdx + (<usize>c << 2));
          if (v == 0) {
            const got = jsFold(c, pScratch);
            if (got < 0 || foldPoolUsed + got > foldPoolCap) return FALLBACK;
            memory.copy(pFoldPool + <usize>foldPoolUsed, pScratch, <usize>got);
            v = (<u32>(foldPoolUsed + 1) << 8) | <u32>got;
            foldPoolUsed += got;
            store<u32>(pFoldIdx + (<usize>c << 2), v);
          }
          fp = pFoldPool + <usize>((v >> 8) - 1);
          fl = <i32>(v & 255);
        } else {
          fl = jsFold(c, pScratch);
          if (fl < 0) return FALLBACK;
          fp = pScratch;
        }
        for (let k = 0; k < fl; k++) {
          const b = <i32>load<u8>(fp + <usize>k);
          row = stp(next, row, <i32>load<u8>(byteCol + <usize>b));
          if (keep) tokLen = pushByte(tokP, b, tokLen);
        }
      }
      if (afterApos) {
        sinceApos++;
        aposS = c == 0x73 || c == 0x53;
      }
      wCp = cp + 1;
      wUnit = i + width;
      wRow = row;
      wLen = tokLen;
    } else if ((kind == K_HYPHEN || kind == K_APOS) && inToken && pending == 0) {
      pending = kind;
      if (simple && (width != 1 || c >= 0x80)) {
        simple = false;
        tokLen = 0;
        if (keep) tokLen = pushRaw(tokP, lw, text, tokUnit, i, tokLen);
        wLen = wUnit - tokUnit;
      }
      const b = kind == K_HYPHEN ? 0x2d : 0x27;
      row = stp(next, row, <i32>load<u8>(asciiCol + <usize>b));
      if (keep && !simple) tokLen = pushByte(tokP, b, tokLen);
    } else {
      if (inToken) {
        inToken = false;
        const tok = tokens++;
        const poss = afterApos && sinceApos == 1 && aposS;
        const endUnit = poss ? possUnit : wUnit;
        const len = simple ? endUnit - tokUnit : poss ? possLen : wLen;
        const endRow = poss ? possRow : wRow;
        const acc = <i32>load<u8>(accepting + <usize>(endRow >> sh));
        let back = 0;
        if (
          hasSuffix &&
          (simple
            ? suffixHit(
                wd && len > 3 ? ld(lw, ld(text, endUnit - 4)) : 0,
                len > 2 ? ld(lw, ld(text, endUnit - 3)) : 0,
                len > 1 ? ld(lw, ld(text, endUnit - 2)) : 0,
                ld(lw, ld(text, endUnit - 1)),
              )
            : suffixHit(wd && len > 3 ? tokAt(len - 4) : 0, len > 2 ? tokAt(len - 3) : 0, len > 1 ? tokAt(len - 2) : 0, tokAt(len - 1)))
        ) {
          // A folded token longer than MatchRun.tokenBytes is not walked there either.
          back = simple ? walkBack(text, tokUnit, len) : len <= TOKEN_BYTES ? walkBack(tokP, 0, len) : 0;
          if (load<u8>(pBackAccepting + <usize>back) != 1) back = 0;
        }
        if (acc != 0 || back != 0) {
          if (!event(EV_TOKEN, endRow, tokCp, poss ? possCp : wCp, tokUnit, endUnit, back, tok)) return FULL;
          quietLast = acc == QUIET && back == 0 && !active;
          active = true;
        } else if (active) {
          if (!reset()) return FULL;
          active = false;
        }
        if (pending != 0 && active) {
          if (!reset()) return FULL;
          active = false;
        }
        pending = 0;
      }
      if (kind != K_SPACE && active) {
        if (!reset()) return FULL;
        active = false;
      }
    }
    i += width;
    cp++;
  }
  store<i32>(pOut, cp - 1);
  store<i32>(pOut, first, 4);
  store<i32>(pOut, last, 8);
  store<i32>(pOut, firstUnit, 12);
  store<i32>(pOut, lastUnit, 16);
  store<i32>(pOut, canonical ? 1 : 0, 20);
  store<i32>(pOut, tokens, 24);
  return OK;
}
