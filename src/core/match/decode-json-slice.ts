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

/** The whole content of a JSON string buf[from, to), its quotes at from - 1 and to: one parse, no copy to add quotes. */
export function decodeJsonString(buf: Uint8Array, from: number, to: number): string {
  let plain = true;
  for (let i = from; i < to && plain; i++) plain = buf[i]! !== 0x5c && buf[i]! >= 0x20;
  // JSON.parse also throws on what is not a JSON string (a raw control byte, a bad escape).
  return plain ? decoder.decode(buf.subarray(from, to)) : (JSON.parse(decoder.decode(buf.subarray(from - 1, to + 1))) as string);
}
