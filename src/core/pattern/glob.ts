/**
 * Whether `text` matches a wildcard word split at its stars (`t*ff` is
 * ['t', 'ff']: starts with the first part, ends with the last, holds the rest
 * in order between). Greedy leftmost placement of each middle part is exact
 * for `*`-only globs, so this takes time linear in the text for a given
 * pattern: no backtracking, whatever the stars (`a*a*a*b` on a long token).
 */
export function matchesGlob(parts: readonly string[], text: string): boolean {
  const n = parts.length;
  if (n === 1) return text === parts[0];
  const first = parts[0]!;
  const last = parts[n - 1]!;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const stop = text.length - last.length;
  for (let k = 1; k < n - 1; k++) {
    const part = parts[k]!;
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > stop) return false;
    at = found + part.length;
  }
  return true;
}
