import type { AnnotateState } from './annotate-state.js';
import { clampLines, displayWidth, truncate, wrapText } from './wrap-text.js';
import { appendAll, maxOf } from '../util/bulk-array.js';

/**
 * Styling hooks, so the core can mark text without knowing about terminals.
 * The plain style is the identity: the screen must read well without colour,
 * which is why marks (`>`, `*`, brackets) carry the meaning and colour only
 * repeats it.
 */
export interface ScreenStyle {
  dim(text: string): string;
  bold(text: string): string;
  selected(text: string): string;
  cursor(text: string): string;
  heading(text: string): string;
}

export const plainStyle: ScreenStyle = { dim: (t) => t, bold: (t) => t, selected: (t) => t, cursor: (t) => t, heading: (t) => t };

export interface ScreenSize {
  width: number;
  height: number;
}

const KEYS_HELP = 'Enter confirm  s skip  b back  m memo  ? help  q quit  ↑↓ move  space toggle';
const ADJ_HELP = '< first coder  > second coder  + both  - agreed only';

function codeCells(state: AnnotateState, width: number, style: ScreenStyle): string[] {
  const item = state.items[state.position];
  const compare = item?.compare;
  const lines: string[] = [];
  const selected = new Set(state.draft.codes);
  const cellText = state.codes.map((r) => {
    const key = state.shortcuts.get(r.code.id) ?? '·';
    let marks = '';
    if (compare) {
      const inA = compare.a.codes.includes(r.code.id);
      const inB = compare.b.codes.includes(r.code.id);
      marks = inA && inB ? ' AB' : inA ? ' A' : inB ? ' B' : '';
    }
    return { r, plain: `[${key}] ${r.code.label}`, marks };
  });
  const maxCell = Math.min(maxOf(24, cellText.map((c) => displayWidth(c.plain + c.marks) + 2)), Math.max(12, Math.floor(width / 2) - 1));
  const perRow = Math.max(1, Math.floor((width + 1) / (maxCell + 1)));
  for (const category of state.codebook.categories) {
    const rule = category.exclusive ? ' (one only)' : '';
    lines.push(style.heading(truncate(`${category.label}${rule}`, width)));
    const cells = cellText.filter((c) => c.r.category.id === category.id);
    for (let i = 0; i < cells.length; i += perRow) {
      const row = cells.slice(i, i + perRow).map((c) => {
        const isCursor = state.codes[state.cursor]?.code.id === c.r.code.id;
        const isOn = selected.has(c.r.code.id);
        const text = truncate(`${isCursor ? '>' : ' '}${isOn ? '*' : ' '}${c.plain}`, maxCell - displayWidth(c.marks)) + c.marks;
        const padded = text + ' '.repeat(Math.max(0, maxCell - displayWidth(text)));
        const styled = isOn ? style.selected(padded) : padded;
        return isCursor ? style.cursor(styled) : styled;
      });
      lines.push(row.join(' ').trimEnd());
    }
  }
  return lines;
}

function helpScreen(state: AnnotateState, size: ScreenSize, style: ScreenStyle): string[] {
  const ref = state.codes.find((r) => r.code.id === state.helpCode)!;
  const w = size.width;
  const key = state.shortcuts.get(ref.code.id) ?? '·';
  const out: string[] = [
    style.bold(truncate(`[${key}] ${ref.code.label}  (${ref.code.id})`, w)),
    truncate(`category: ${ref.category.label}${ref.category.exclusive ? ', one code only' : ''}`, w),
    '',
  ];
  const section = (title: string, items: string[], quote = false) => {
    if (items.length === 0) return;
    out.push(style.heading(title));
    for (const it of items) appendAll(out, wrapText(`- ${quote ? `“${it}”` : it}`, w - 2).map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`)));
  };
  if (ref.code.definition) appendAll(out, [...wrapText(ref.code.definition, w), '']);
  section('Include', ref.code.include);
  section('Exclude', ref.code.exclude);
  section('Examples', ref.code.examples, true);
  section('Counterexamples', ref.code.counterexamples, true);
  const body = clampLines(out, size.height - 2, w);
  return [...body, '', style.dim(truncate('press any key to return', w))];
}

/**
 * The annotation screen as lines, a pure function of the state and the
 * terminal size: each line at most `width` columns, at most `height` lines.
 * Layout: progress; document title and metadata; the segment between its
 * neighbours (bracketed and dimmed); the codes by category; memo, message
 * and keys.
 */
export function renderAnnotateScreen(state: AnnotateState, size: ScreenSize, style: ScreenStyle = plainStyle): string[] {
  const w = Math.max(20, size.width);
  const h = Math.max(8, size.height);
  if (state.mode === 'help' && state.helpCode) return helpScreen(state, { width: w, height: h }, style).slice(0, h);
  const total = state.items.length;
  const header = truncate(`${state.title} · ${state.coder} · ${Math.min(state.position + 1, total)}/${total} · ${state.confirmed.size} confirmed`, w);
  if (state.mode === 'done') {
    return [
      style.bold(header),
      '',
      ...wrapText(`All ${total} segments are confirmed${total ? '' : ' (there was nothing to code)'}. Press b to go back and change one, or q to quit.`, w),
      '',
      truncate(state.message, w),
    ].slice(0, h);
  }
  const item = state.items[state.position]!;
  const compare = item.compare;
  const title = item.doc.metadata.title ? ` · ${item.doc.metadata.title}` : '';
  const meta = Object.entries(item.doc.metadata)
    .filter(([k]) => k !== 'title')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  const isConfirmed = state.confirmed.has(item.segment.segment_id);
  const top = [
    style.bold(header),
    truncate(`${item.segment.segment_id}${title}${isConfirmed ? '  (confirmed)' : ''}`, w),
    style.dim(truncate(meta, w)),
    style.dim('─'.repeat(w)),
  ];
  const codes = codeCells(state, w, style);
  const legend = compare ? [truncate(`A = ${compare.a.coder}  B = ${compare.b.coder}   ${ADJ_HELP}`, w)] : [];
  const memo =
    state.mode === 'memo'
      ? `memo> ${state.memoBuffer}_`
      : state.draft.memo
        ? `memo: ${state.draft.memo}`
        : '';
  const bottom = [
    style.dim('─'.repeat(w)),
    ...codes,
    ...legend,
    truncate(memo, w),
    truncate(state.message, w),
    style.dim(truncate(KEYS_HELP, w)),
  ];
  let room = h - top.length - bottom.length;
  const seg = wrapText(item.segment.text, w);
  const ctxWrap = (s: typeof item.before, side: 'before' | 'after') =>
    s ? wrapText(side === 'before' ? `[… ${s.text}]` : `[${s.text} …]`, w) : [];
  const beforeAll = ctxWrap(item.before, 'before');
  const afterAll = ctxWrap(item.after, 'after');
  // The segment comes first; each neighbour gets up to two lines of what is left.
  const segLines = clampLines(seg, Math.max(1, room - Math.min(2, beforeAll.length) - Math.min(2, afterAll.length)), w);
  room = Math.max(0, room - segLines.length);
  const bRoom = Math.min(2, beforeAll.length, Math.ceil(room / 2));
  // The neighbour before is cut at its start, so that its end, next to the segment, shows.
  const before = beforeAll.slice(beforeAll.length - bRoom);
  if (bRoom > 0 && bRoom < beforeAll.length) before[0] = truncate(`…${before[0]}`, w);
  const after = clampLines(afterAll, Math.min(2, room - bRoom), w);
  const middle = [...before.map((l) => style.dim(l)), ...segLines.map((l) => style.bold(l)), ...after.map((l) => style.dim(l))];
  return [...top, ...middle, ...bottom].slice(0, h);
}
