/** A key press, as the annotation screen understands it. */
export type Key =
  | { name: 'char'; ch: string }
  | {
      name: 'enter' | 'backspace' | 'escape' | 'up' | 'down' | 'left' | 'right' | 'space' | 'tab' | 'ctrl-c' | 'ctrl-d';
    };

const ARROWS: Record<string, Key['name']> = { A: 'up', B: 'down', C: 'right', D: 'left' };

/**
 * Turns the bytes a terminal in raw mode sends (already decoded as UTF-8) into
 * keys. Arrow keys come as ESC [ A…D, or ESC O A…D in application mode;
 * other escape sequences are dropped; a lone ESC is the escape key.
 */
export function parseKeys(input: string): Key[] {
  const keys: Key[] = [];
  const chars = Array.from(input);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\x1b') {
      const next = chars[i + 1];
      if (next === '[' || next === 'O') {
        // CSI: parameters then one final byte in @..~.
        let j = i + 2;
        while (j < chars.length && !/[@-~]/.test(chars[j]!)) j++;
        const final = chars[j];
        if (final && j === i + 2 && ARROWS[final]) keys.push({ name: ARROWS[final] } as Key);
        i = j;
        continue;
      }
      keys.push({ name: 'escape' });
      continue;
    }
    if (c === '\r' || c === '\n') {
      // A terminal may send CR LF for one Enter.
      if (c === '\r' && chars[i + 1] === '\n') i++;
      keys.push({ name: 'enter' });
    } else if (c === '\x7f' || c === '\b') keys.push({ name: 'backspace' });
    else if (c === '\x03') keys.push({ name: 'ctrl-c' });
    else if (c === '\x04') keys.push({ name: 'ctrl-d' });
    else if (c === '\t') keys.push({ name: 'tab' });
    else if (c === ' ') keys.push({ name: 'space' });
    else if (c >= ' ') keys.push({ name: 'char', ch: c });
  }
  return keys;
}
