/**
 * A .qdc or .qde code has one free-text Description and no fields for
 * include/exclude rules or examples, so qcode writes them into it as
 * headed bullet lists that read well in NVivo's and ATLAS.ti's comment
 * panes, and reads them back from the same layout:
 *
 *   The definition, as many lines as it has.
 *
 *   Include:
 *   - a rule
 *   - another rule,
 *     continued on an indented line
 *
 *   Exclude: / Examples: / Counterexamples: (same form, in this order)
 *
 * A Description written by hand in a QDA tool without these headings is all
 * definition.
 */
export interface CodeText {
  definition: string;
  include: string[];
  exclude: string[];
  examples: string[];
  counterexamples: string[];
}

const SECTIONS = [
  ['include', 'Include:'],
  ['exclude', 'Exclude:'],
  ['examples', 'Examples:'],
  ['counterexamples', 'Counterexamples:'],
] as const;

function formatItems(items: readonly string[]): string {
  return items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
}

export function formatCodeDescription(text: CodeText): string {
  const blocks: string[] = [];
  if (text.definition !== '') blocks.push(text.definition);
  for (const [key, heading] of SECTIONS) if (text[key].length > 0) blocks.push(`${heading}\n${formatItems(text[key])}`);
  return blocks.join('\n\n');
}

/** The items of a section body, or undefined when it is not a bullet list in qcode's layout. */
function parseItems(body: string): string[] | undefined {
  if (!body.startsWith('- ')) return undefined;
  const items: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) items.push(line.slice(2));
    else if (line.startsWith('  ') && items.length > 0) items[items.length - 1] += `\n${line.slice(2)}`;
    else return undefined;
  }
  return items;
}

export function parseCodeDescription(description: string): CodeText {
  const text = description.replace(/\r\n?/g, '\n');
  const out: CodeText = { definition: text, include: [], exclude: [], examples: [], counterexamples: [] };
  // Sections are recognised at the end only, in order, each a heading line followed by bullets.
  let rest = text;
  const found: Partial<Record<(typeof SECTIONS)[number][0], string[]>> = {};
  for (let s = SECTIONS.length - 1; s >= 0; s--) {
    const [key, heading] = SECTIONS[s]!;
    const marker = `${heading}\n`;
    const at = rest.startsWith(marker) ? 0 : rest.lastIndexOf(`\n\n${marker}`);
    if (at < 0) continue;
    const bodyStart = at === 0 ? marker.length : at + 2 + marker.length;
    const items = parseItems(rest.slice(bodyStart));
    if (!items) continue;
    found[key] = items;
    rest = at === 0 ? '' : rest.slice(0, at);
  }
  out.definition = rest;
  for (const [key] of SECTIONS) out[key] = found[key] ?? [];
  return out;
}
