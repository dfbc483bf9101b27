const decoder = new TextDecoder();

/**
 * The text of buf[from, to), a piece of a JSON string's content with its
 * escapes resolved: how the byte path recovers a match's text as it stands
 * in the document. The scanner never cuts inside an escape.
 */
export function decodeJsonSlice(buf: Uint8Array, from: number, to: number): string {
  const raw = decoder.decode(buf.subarray(from, to));
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/**
 * The whole content of a JSON string buf[from, to), its quotes at from - 1
 * and to: one parse, no copy to add quotes. `scanned`: the scanner took these
 * bytes, so they hold no raw control byte, and without a backslash they are
 * the text itself; otherwise JSON.parse decides, and throws on what is not a
 * JSON string (a raw control byte, a bad escape).
 */
export function decodeJsonString(buf: Uint8Array, from: number, to: number, scanned: boolean): string {
  const view = buf.subarray(from, to);
  if (scanned && view.indexOf(0x5c) < 0) return decoder.decode(view);
  return JSON.parse(decoder.decode(buf.subarray(from - 1, to + 1))) as string;
}
