/** Length in code points: what a terminal shows for the Latin, Greek and Cyrillic text of corpora. */
export function displayWidth(text: string): number {
  return Array.from(text).length;
}

/** Cuts a line to `width` code points, ending in … when cut. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Word-wraps text to `width`; whitespace runs collapse; a word longer than a line is broken. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(/\s+/).filter((x) => x !== '')) {
    let chars = Array.from(word);
    const need = line.length === 0 ? chars.length : line.length + 1 + chars.length;
    if (need <= w) {
      line = line.length === 0 ? chars : [...line, ' ', ...chars];
      continue;
    }
    if (line.length > 0) lines.push(line.join(''));
    line = [];
    while (chars.length > w) {
      lines.push(chars.slice(0, w).join(''));
      chars = chars.slice(w);
    }
    line = chars;
  }
  if (line.length > 0) lines.push(line.join(''));
  return lines.length > 0 ? lines : [''];
}

/** At most `max` lines; the last kept one ends in … when lines were dropped. */
export function clampLines(lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  if (max <= 0) return [];
  const kept = lines.slice(0, max);
  kept[max - 1] = truncate(`${kept[max - 1]} …`, width);
  if (!kept[max - 1]!.endsWith('…')) kept[max - 1] = `${kept[max - 1]}…`;
  return kept;
}
