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
