import type { Codebook, CodeRef } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { computeShortcuts } from './compute-shortcuts.js';
import type { JournalEntry } from './journal.js';
import { computeTextSha } from '../util/hash.js';
import type { Key } from './parse-keys.js';

/** What adjudication shows beside a segment: each coder's codes. */
export interface Comparison {
  a: { coder: string; codes: string[] };
  b: { coder: string; codes: string[] };
}

/** A segment to code, with its document and neighbours for context. */
export interface AnnotateItem {
  segment: Segment;
  doc: Document;
  before?: Segment | undefined;
  after?: Segment | undefined;
  compare?: Comparison | undefined;
}

export interface Draft {
  codes: string[];
  memo: string;
}

export type Mode = 'code' | 'help-pick' | 'help' | 'memo' | 'done';

export interface AnnotateState {
  /** The screen's first words: `qcode annotate` or `qcode adjudicate`. */
  title: string;
  coder: string;
  codebook: Codebook;
  items: readonly AnnotateItem[];
  codes: readonly CodeRef[];
  /** code id → its one-key shortcut. */
  shortcuts: ReadonlyMap<string, string>;
  /** Confirmed segments: segment id → the codes and memo written. */
  confirmed: ReadonlyMap<string, Draft>;
  position: number;
  /** The current segment's selection, not yet confirmed. */
  draft: Draft;
  /** Index into `codes` of the highlighted code (arrow keys, space). */
  cursor: number;
  mode: Mode;
  helpCode?: string | undefined;
  memoBuffer: string;
  message: string;
}

/** What the terminal loop must do: write a confirmation durably, or end the session. */
export type Effect = { kind: 'confirm'; entry: JournalEntry } | { kind: 'quit' };

export interface Step {
  state: AnnotateState;
  effects: Effect[];
}

function byCodebookOrder(codes: readonly CodeRef[], ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return codes.filter((r) => set.has(r.code.id)).map((r) => r.code.id);
}

/** The agreed codes of an adjudicated segment: where the adjudicator starts. */
function agreed(compare: Comparison): string[] {
  const b = new Set(compare.b.codes);
  return compare.a.codes.filter((c) => b.has(c));
}

function draftFor(state: Pick<AnnotateState, 'items' | 'confirmed'>, position: number): Draft {
  const item = state.items[position];
  if (!item) return { codes: [], memo: '' };
  const done = state.confirmed.get(item.segment.segment_id);
  if (done) return { codes: [...done.codes], memo: done.memo };
  return { codes: item.compare ? agreed(item.compare) : [], memo: '' };
}

function firstUnconfirmed(state: Pick<AnnotateState, 'items' | 'confirmed'>, from = 0): number {
  const n = state.items.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if (!state.confirmed.has(state.items[i]!.segment.segment_id)) return i;
  }
  return -1;
}

function goTo(state: AnnotateState, position: number, message = ''): AnnotateState {
  // The highlight starts on the first code for every segment, so arrow counts are predictable.
  return { ...state, position, draft: draftFor(state, position), cursor: 0, mode: 'code', message };
}

export function createAnnotateState(input: {
  title?: string;
  coder: string;
  codebook: Codebook;
  items: readonly AnnotateItem[];
  confirmed?: ReadonlyMap<string, Draft>;
}): AnnotateState {
  const codes = listCodes(input.codebook);
  const ids = new Set(input.items.map((i) => i.segment.segment_id));
  const confirmed = new Map([...(input.confirmed ?? new Map<string, Draft>())].filter(([id]) => ids.has(id)));
  const base: AnnotateState = {
    title: input.title ?? 'qcode annotate',
    coder: input.coder,
    codebook: input.codebook,
    items: input.items,
    codes,
    shortcuts: computeShortcuts(codes),
    confirmed,
    position: 0,
    draft: { codes: [], memo: '' },
    cursor: 0,
    mode: 'code',
    memoBuffer: '',
    message: '',
  };
  if (input.items.length === 0) return { ...base, mode: 'done', message: 'nothing to code' };
  const start = firstUnconfirmed(base);
  if (start < 0) return { ...goTo(base, input.items.length - 1), mode: 'done' };
  const resumed = base.confirmed.size > 0 ? `resumed at the first unconfirmed segment (${base.confirmed.size} confirmed)` : '';
  return goTo(base, start, resumed);
}

/** Toggles a code; switching one on in an exclusive category switches the others off. */
export function toggleCode(state: AnnotateState, codeId: string): AnnotateState {
  const ref = state.codes.find((r) => r.code.id === codeId);
  if (!ref) return state;
  const current = new Set(state.draft.codes);
  let message = '';
  if (current.has(codeId)) current.delete(codeId);
  else {
    if (ref.category.exclusive) {
      for (const c of ref.category.codes) {
        if (c.id !== codeId && current.delete(c.id)) message = `${ref.category.label}: one code only, ${c.label} replaced`;
      }
    }
    current.add(codeId);
  }
  return { ...state, draft: { ...state.draft, codes: byCodebookOrder(state.codes, current) }, message };
}

function confirm(state: AnnotateState): Step {
  const item = state.items[state.position]!;
  const entry: JournalEntry = {
    segment_id: item.segment.segment_id,
    doc_id: item.segment.doc_id,
    text_sha: computeTextSha(item.segment.text),
    codes: [...state.draft.codes],
    memo: state.draft.memo,
  };
  const confirmed = new Map(state.confirmed);
  confirmed.set(entry.segment_id, { codes: entry.codes, memo: entry.memo });
  const next: AnnotateState = { ...state, confirmed };
  const what = entry.codes.length === 0 ? 'reviewed, no code' : entry.codes.join(', ');
  const message = `confirmed ${entry.segment_id}: ${what}`;
  const effects: Effect[] = [{ kind: 'confirm', entry }];
  const open = firstUnconfirmed(next, (state.position + 1) % state.items.length);
  const wasOpen = !state.confirmed.has(entry.segment_id);
  // The last open segment just confirmed: done. Re-confirming an earlier one
  // walks on through the next; past the end, back to the first still open.
  if (open < 0 && (wasOpen || state.position + 1 >= state.items.length)) {
    return { state: { ...next, mode: 'done', message: `${message}; all ${state.items.length} segments confirmed` }, effects };
  }
  const to = state.position + 1 < state.items.length ? state.position + 1 : open;
  return { state: goTo(next, to, message), effects };
}

function setDraft(state: AnnotateState, codes: string[], message: string): AnnotateState {
  return { ...state, draft: { ...state.draft, codes: byCodebookOrder(state.codes, codes) }, message };
}

/** Adjudication keys: < first coder, > second coder, + both, - only the agreed codes. */
function adjudicationKey(state: AnnotateState, ch: string): AnnotateState | undefined {
  const compare = state.items[state.position]?.compare;
  if (!compare || !'<>+-'.includes(ch)) return undefined;
  if (ch === '<') return setDraft(state, compare.a.codes, `took ${compare.a.coder}'s codes`);
  if (ch === '>') return setDraft(state, compare.b.codes, `took ${compare.b.coder}'s codes`);
  if (ch === '-') return setDraft(state, agreed(compare), 'kept only the codes both gave');
  // Both: the union, except that an exclusive category keeps the first coder's code.
  const codes = [...compare.a.codes];
  let kept = false;
  for (const c of compare.b.codes) {
    if (codes.includes(c)) continue;
    const category = state.codes.find((r) => r.code.id === c)?.category;
    if (category?.exclusive && category.codes.some((x) => codes.includes(x.id))) kept = true;
    else codes.push(c);
  }
  return setDraft(state, codes, `took both coders' codes${kept ? ` (exclusive categories keep ${compare.a.coder}'s)` : ''}`);
}

function codeMode(state: AnnotateState, key: Key): Step {
  const same = (s: AnnotateState): Step => ({ state: s, effects: [] });
  switch (key.name) {
    case 'enter':
      return confirm(state);
    case 'space':
      return same(toggleCode(state, state.codes[state.cursor]!.code.id));
    case 'up':
      return same({ ...state, cursor: Math.max(0, state.cursor - 1), message: '' });
    case 'down':
    case 'tab':
      return same({ ...state, cursor: Math.min(state.codes.length - 1, state.cursor + 1), message: '' });
    case 'left':
      return back(state);
    case 'right':
      return skip(state);
    case 'ctrl-c':
    case 'ctrl-d':
      return { state, effects: [{ kind: 'quit' }] };
    case 'escape':
    case 'backspace':
      return same({ ...state, message: '' });
    case 'char':
      break;
  }
  const ch = key.ch;
  if (ch === 'q') return { state, effects: [{ kind: 'quit' }] };
  if (ch === 'b') return back(state);
  if (ch === 's') return skip(state);
  if (ch === 'm') return same({ ...state, mode: 'memo', memoBuffer: state.draft.memo, message: 'memo: type, Enter to keep, Esc to cancel' });
  if (ch === '?') return same({ ...state, mode: 'help-pick', message: "help: press a code's key (Enter: the highlighted code)" });
  const adj = adjudicationKey(state, ch);
  if (adj) return same(adj);
  for (const [codeId, k] of state.shortcuts) {
    if (k === ch) {
      const cursor = state.codes.findIndex((r) => r.code.id === codeId);
      return same({ ...toggleCode(state, codeId), cursor });
    }
  }
  return same({ ...state, message: `no key '${ch}'` });
}

function back(state: AnnotateState): Step {
  if (state.position === 0) return { state: { ...state, message: 'this is the first segment' }, effects: [] };
  return { state: goTo(state, state.position - 1), effects: [] };
}

function skip(state: AnnotateState): Step {
  if (state.position + 1 < state.items.length) return { state: goTo(state, state.position + 1, 'skipped'), effects: [] };
  const open = firstUnconfirmed(state, 0);
  if (open >= 0 && open !== state.position) return { state: goTo(state, open, 'skipped; back to the first open segment'), effects: [] };
  return { state: { ...state, message: 'this is the last segment' }, effects: [] };
}

/** The state machine of the annotation screen: a key in, the new state and what to do out. */
export function stepAnnotate(state: AnnotateState, key: Key): Step {
  const same = (s: AnnotateState): Step => ({ state: s, effects: [] });
  switch (state.mode) {
    case 'code':
      return codeMode(state, key);
    case 'memo':
      if (key.name === 'enter') return same({ ...state, mode: 'code', draft: { ...state.draft, memo: state.memoBuffer.trim() }, message: 'memo kept (Enter confirms the segment)' });
      if (key.name === 'escape') return same({ ...state, mode: 'code', message: 'memo unchanged' });
      if (key.name === 'ctrl-c') return { state, effects: [{ kind: 'quit' }] };
      if (key.name === 'backspace') return same({ ...state, memoBuffer: Array.from(state.memoBuffer).slice(0, -1).join('') });
      if (key.name === 'space') return same({ ...state, memoBuffer: `${state.memoBuffer} ` });
      if (key.name === 'char') return same({ ...state, memoBuffer: state.memoBuffer + key.ch });
      return same(state);
    case 'help-pick': {
      let codeId: string | undefined;
      if (key.name === 'enter' || key.name === 'space') codeId = state.codes[state.cursor]?.code.id;
      if (key.name === 'char') for (const [id, k] of state.shortcuts) if (k === key.ch) codeId = id;
      if (!codeId) return same({ ...state, mode: 'code', message: '' });
      return same({ ...state, mode: 'help', helpCode: codeId, message: '' });
    }
    case 'help':
      if (key.name === 'ctrl-c') return { state, effects: [{ kind: 'quit' }] };
      return same({ ...state, mode: 'code', helpCode: undefined });
    case 'done':
      if ((key.name === 'char' && key.ch === 'q') || key.name === 'ctrl-c' || key.name === 'ctrl-d') return { state, effects: [{ kind: 'quit' }] };
      if ((key.name === 'char' && key.ch === 'b') || key.name === 'left') {
        if (state.items.length === 0) return same(state);
        return same(goTo(state, state.items.length - 1));
      }
      return same({ ...state, message: 'all segments are confirmed: b goes back, q quits' });
  }
}

/** Items for a list of segments to code, with the neighbours in their documents as context. */
export function computeAnnotateItems(
  allSegments: readonly Segment[],
  docs: readonly Document[],
  chosen: readonly string[],
  compare?: ReadonlyMap<string, Comparison>,
): AnnotateItem[] {
  const docById = new Map(docs.map((d) => [d.id, d]));
  const index = new Map(allSegments.map((s, i) => [s.segment_id, i]));
  return chosen.map((id) => {
    const i = index.get(id)!;
    const segment = allSegments[i]!;
    const prev = allSegments[i - 1];
    const next = allSegments[i + 1];
    return {
      segment,
      doc: docById.get(segment.doc_id)!,
      before: prev?.doc_id === segment.doc_id ? prev : undefined,
      after: next?.doc_id === segment.doc_id ? next : undefined,
      compare: compare?.get(id),
    };
  });
}
