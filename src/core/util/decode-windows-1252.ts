/** Windows-1252 bytes 0x80–0x9F (where it differs from Latin-1); 0 marks the five unassigned ones, kept as the C1 control of that code. */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 (what Excel on Windows saves as "CSV", and what
 * "Latin-1" files are in practice: Latin-1 with printable characters where
 * it has C1 controls). Decoded here rather than by TextDecoder: Node 20's
 * decodes the label windows-1252 as ISO-8859-1 (even with full ICU), turning
 * a curly quote or an en dash into a control character.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    // bounded: 8,192 bytes a call
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b)));
  }
  return out;
}
