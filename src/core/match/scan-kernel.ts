import { BMP_CLASS, classOf, foldBytes, K_SPACE } from '../pattern/char-class.js';
import type { Matcher } from './compile-matcher.js';
import type { MatchRun } from './match-run.js';
import { scanJsonString, type ScanExtent } from './scan-json-bytes.js';
import { SCAN_KERNEL_WASM } from './scan-kernel-wasm.js';

/** The little of the WebAssembly API used here (the project's type libraries leave it out). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** What the kernel's exports look like (assembly/scan-kernel.ts). */
interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  setTables(...args: number[]): void;
  setBackward(next: number, shift: number, col: number, accepting: number): void;
  setBuffers(text: number, ev: number, evCap: number): void;
  eventCount(): number;
  scan(n: number, trusted: number, active: number): number;
}

const OK = 1;
const NOT_NORMAL = 0;
const FALLBACK = -1;
const FULL = -2;
const EV_RESET = 0;
const QUIET = 2;
/** The kernel's room for a token's folded bytes, as MatchRun.tokenBytes. */
const TOKEN_BYTES = 256;
const SCRATCH = 64;
const FOLD_POOL = 1 << 18;
/**
 * Longer texts go to the JS scanner: the kernel holds a copy of the text in
 * its memory, which never shrinks, so one long document would keep a thread
 * that much bigger for good.
 */
const KERNEL_MAX_TEXT = 1 << 24;

// Fixed layout of the kernel's memory (bytes); the text and events follow the matcher's tables.
const OUT = 0;
const AT_SCRATCH = 64;
const AT_TOK = AT_SCRATCH + SCRATCH;
const AT_LOWER = AT_TOK + TOKEN_BYTES;
const AT_END = AT_LOWER + 256;
const AT_ASCII_COL = AT_END + 256;
const AT_WORD_COL = AT_ASCII_COL + 256;
const AT_BYTE_COL = AT_WORD_COL + 256;
const AT_CLASS = AT_BYTE_COL + 256;
const AT_FOLD_IDX = AT_CLASS + 0x10000;
const AT_FOLD_POOL = AT_FOLD_IDX + 4 * 0x10000;
const AT_ACCEPTING = AT_FOLD_POOL + FOLD_POOL;

let compiled: object | null | undefined;

/** The kernel compiled once per thread; null where there is no WebAssembly (then the JS scanner does all). */
function kernelModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi === undefined ? null : new wasmApi.Module(Uint8Array.from(atob(SCAN_KERNEL_WASM), (ch) => ch.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

/**
 * One instance of the kernel per matcher, its tables copied in once: the
 * trie, its columns, char-class.ts's BMP classes and lower-casing; folded
 * forms of non-ASCII letters are asked of char-class.ts (foldBytes) the
 * first time the kernel meets each.
 */
class ScanKernel {
  private readonly ex: KernelExports;
  private u8: Uint8Array;
  private i32: Int32Array;
  private readonly dyn: number;
  private textCap = 0;
  private evCap = 0;
  private evAt = 0;

  constructor(m: Matcher, wasm: object) {
    const imports = {
      env: {
        fold: (cp: number, at: number): number => {
          const b = foldBytes(cp);
          if (b.length > SCRATCH) return -1;
          this.u8.set(b, at);
          return b.length;
        },
        astralClass: (cp: number): number => classOf(cp),
      },
    };
    this.ex = new wasmApi!.Instance(wasm, imports).exports as KernelExports;
    const f = m.forward;
    const states = f.accepting.length;
    const atNext = align(AT_ACCEPTING + states, 8);
    const atSuffix = atNext + 4 * f.next.length;
    const bk = m.backward;
    const atBackNext = align(atSuffix + (m.suffixPair === null ? 0 : m.suffixPair.length >> 3), 8);
    const atBackCol = atBackNext + (bk === null ? 0 : 4 * bk.next.length);
    const atBackAccepting = atBackCol + 256;
    this.dyn = align(atBackAccepting + (bk === null ? 0 : bk.accepting.length), 8);
    this.u8 = new Uint8Array(0);
    this.i32 = new Int32Array(0);
    this.layout(1 << 16, 1 << 14);
    const u8 = this.u8;
    for (let b = 0; b < 256; b++) u8[AT_LOWER + b] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
    // The bytes after which a raw ASCII token ends on the scanner's short path: 1 a space, 2 other punctuation.
    for (let b = 0x20; b < 0x80; b++) if (b !== 0x5c && b !== 0x2d && b !== 0x27 && b !== 0x22) u8[AT_END + b] = BMP_CLASS[b] === K_SPACE ? 1 : 2;
    u8.set(m.asciiCol, AT_ASCII_COL);
    u8.set(m.asciiWordCol, AT_WORD_COL);
    u8.set(f.byteCol, AT_BYTE_COL);
    u8.set(BMP_CLASS, AT_CLASS);
    u8.set(quietStates(m), AT_ACCEPTING);
    this.i32.set(f.next, atNext >> 2);
    if (bk !== null) {
      this.i32.set(bk.next, atBackNext >> 2);
      u8.set(m.backwardCol, atBackCol);
      u8.set(bk.accepting, atBackAccepting);
      this.ex.setBackward(atBackNext, bk.shift, atBackCol, atBackAccepting);
    }
    if (m.suffixPair !== null) for (let k = 0; k < m.suffixPair.length; k++) if (m.suffixPair[k] === 1) u8[atSuffix + (k >> 3)]! |= 1 << (k & 7);
    this.ex.setTables(
      atNext,
      f.shift,
      AT_ASCII_COL,
      AT_WORD_COL,
      AT_BYTE_COL,
      AT_ACCEPTING,
      m.suffixPair === null ? 0 : atSuffix,
      m.suffixWide ? 1 : 0,
      m.needTokenBytes ? 1 : 0,
      AT_CLASS,
      AT_FOLD_IDX,
      AT_FOLD_POOL,
      FOLD_POOL,
      AT_SCRATCH,
      AT_TOK,
      AT_LOWER,
      OUT,
      AT_END,
    );
  }

  /** Places the text and events after the tables, growing the memory to hold them. */
  private layout(textCap: number, evCap: number): void {
    this.textCap = textCap;
    this.evCap = evCap;
    this.evAt = align(this.dyn + textCap, 8);
    const need = this.evAt + 32 * evCap;
    const mem = this.ex.memory;
    if (need > mem.buffer.byteLength) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
    this.u8 = new Uint8Array(mem.buffer);
    this.i32 = new Int32Array(mem.buffer);
    this.ex.setBuffers(this.dyn, this.evAt, evCap);
  }

  /** scanJsonString's work on buf[from, to); null when the JS scanner must do it. */
  scan(run: MatchRun, buf: Uint8Array, from: number, to: number, extent: ScanExtent, trusted: boolean): boolean | null {
    const n = to - from;
    if (n + 1 > this.textCap) this.layout(align(n + 1, 1 << 20), this.evCap);
    this.u8.set(buf.subarray(from, to + 1), this.dyn);
    let r = this.ex.scan(n, trusted ? 1 : 0, run.activeCount > 0 ? 1 : 0);
    while (r === FULL) {
      this.layout(this.textCap, 2 * this.evCap);
      r = this.ex.scan(n, trusted ? 1 : 0, run.activeCount > 0 ? 1 : 0);
    }
    if (r === FALLBACK) return null;
    this.replay(run, from);
    const out = this.i32;
    const tokens = out[(OUT >> 2) + 6]!;
    if (tokens > 0) run.tokenIndex = tokens - 1;
    if (r === NOT_NORMAL) return false;
    extent.length = out[OUT >> 2]!;
    extent.first = out[(OUT >> 2) + 1]!;
    extent.last = out[(OUT >> 2) + 2]!;
    const firstUnit = out[(OUT >> 2) + 3]!;
    extent.firstUnit = firstUnit < 0 ? -1 : firstUnit + from;
    // Never set (a blank text) it stays 0, as the JS scanner leaves it; once set it is at least 1.
    const lastUnit = out[(OUT >> 2) + 4]!;
    extent.lastUnit = lastUnit === 0 ? 0 : lastUnit + from;
    extent.canonical = out[(OUT >> 2) + 5] === 1;
    return r === OK;
  }

  /** Hands the run the tokens the kernel found, as the JS scanner would have. */
  private replay(run: MatchRun, from: number): void {
    const ev = this.i32;
    const count = this.ex.eventCount();
    for (let e = 0, p = this.evAt >> 2; e < count; e++, p += 8) {
      if (ev[p] === EV_RESET) {
        run.activeCount = 0;
        continue;
      }
      run.tokenIndex = ev[p + 7]!;
      run.tokenOf(ev[p + 1]!, ev[p + 6]!, ev[p + 2]!, ev[p + 3]!, ev[p + 4]! + from, ev[p + 5]! + from, null, 0, 0);
    }
  }
}

/**
 * The forward trie's accepting table for the kernel: 2 (quiet) where every
 * term of the state, and every case-sensitive term refining one, only
 * starts phrases of two words or more. Met with no phrase under way such a
 * token changes nothing unless the next token is a term too, so the kernel
 * takes its event back when a reset follows.
 */
function quietStates(m: Matcher): Uint8Array {
  const f = m.forward;
  const startsWord = (t: number): boolean => {
    for (let j = m.startAt[t]!; j < m.startAt[t + 1]!; j++) if (m.phraseLen[m.startList[j]!] === 1) return true;
    return false;
  };
  const loud = (t: number): boolean => startsWord(t) || m.refinements[t]!.some((r) => startsWord(r.term));
  const table = Uint8Array.from(f.accepting);
  for (let s = 0; s < table.length; s++) {
    if (table[s] !== 1 || (f.exact[s]! >= 0 && loud(f.exact[s]!))) continue;
    let quiet = true;
    for (let i = f.chainStart[s]!; quiet && i < f.chainStart[s]! + f.chainLen[s]!; i++) quiet = !loud(f.chain[i]!);
    if (quiet) table[s] = QUIET;
  }
  return table;
}

const kernels = new WeakMap<Matcher, ScanKernel | null>();

function kernelFor(m: Matcher): ScanKernel | null {
  let k = kernels.get(m);
  if (k === undefined) {
    const wasm = kernelModule();
    k = wasm === null ? null : new ScanKernel(m, wasm);
    kernels.set(m, k);
  }
  return k;
}

/**
 * The kernel's scan of buf[from, to), with scanJsonString's arguments,
 * result and calls on the run; null (the run untouched) when the text is
 * left to the JS scanner: a run with a token log, a matcher with glob or `*`
 * terms (which see every token), a text over 16 MB, or one the kernel gives
 * back (a folded letter longer than its room).
 */
export function scanWithKernel(run: MatchRun, buf: Uint8Array, from: number, to: number, extent: ScanExtent, trusted = false): boolean | null {
  const m = run.m;
  if (run.tokenLog !== null || m.globs.length > 0 || m.anyTerm >= 0 || buf[to] !== 0x22 || to - from > KERNEL_MAX_TEXT) return null;
  const k = kernelFor(m);
  if (k === null) return null;
  run.buf = buf;
  return k.scan(run, buf, from, to, extent, trusted);
}

/** scanJsonString, done by the WebAssembly kernel where it can be: same arguments, same result, same calls on the run. */
export function scanJsonStringFast(run: MatchRun, buf: Uint8Array, from: number, to: number, extent: ScanExtent, trusted = false): boolean {
  return scanWithKernel(run, buf, from, to, extent, trusted) ?? scanJsonString(run, buf, from, to, extent, trusted);
}
