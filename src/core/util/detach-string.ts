/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8
 * makes a slice of a long string a view into it: a few words of context
 * kept from every document of a gigabyte corpus would hold every document's
 * text. A JSON round trip makes a fresh flat string; for the short strings
 * it is used on it costs next to nothing.
 */
export function detachString(s: string): string {
  return s.length === 0 ? '' : (JSON.parse(JSON.stringify(s)) as string);
}
