import fc from 'fast-check';
import { binaryUnit } from './binary-unit.js';

/** Pieces that stress CSV: line ends of every kind, quotes, the delimiter, edge white space, NUL, wide, RTL and combining characters, formula starts. */
export const CSV_HARD_PIECES = ['\r', '\n', '\r\n', '"', ',', ' ', '\t', '\0', '\u00a0', '\u3000', '\uFEFF', '😀', '\u202E', 'שלום', 'مرحبا', 'e\u0301', '=', '-', '+', '@', "'", 'a', 'Z', '5'];

/** Any text, leaning on the hard pieces, with any other code point mixed in. */
export const csvText = fc.string({ unit: fc.oneof(fc.constantFrom(...CSV_HARD_PIECES), fc.string({ unit: binaryUnit, minLength: 1, maxLength: 1 })), maxLength: 12 });
