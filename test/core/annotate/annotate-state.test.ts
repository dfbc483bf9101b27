import { describe, expect, it } from 'vitest';
import {
  computeAnnotateItems,
  createAnnotateState,
  stepAnnotate,
  type AnnotateState,
  type Effect,
} from '../../../src/core/annotate/annotate-state.js';
import { parseKeys } from '../../../src/core/annotate/parse-keys.js';
import { renderAnnotateScreen } from '../../../src/core/annotate/render-annotate-screen.js';
import { computeShortcuts } from '../../../src/core/annotate/compute-shortcuts.js';
import { applyJournal, computeEntries, parseJournal, formatJournalEntry } from '../../../src/core/annotate/journal.js';
import { listCodes } from '../../../src/core/model/codebook.js';
import { computeTextSha } from '../../../src/core/util/hash.js';
import { loadDoubleCodingFixture, loadFixtureCodings } from '../../helpers/double-coding-fixture.js';

const { codebook, docs, segments } = loadDoubleCodingFixture();
const ids = ['news-01:p2', 'news-02:p2', 'official-01:p1'];
const items = computeAnnotateItems(segments, docs, ids);

/** Feeds typed input (raw terminal bytes) through the machine, collecting effects. */
function type(state: AnnotateState, input: string): { state: AnnotateState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const key of parseKeys(input)) {
    const step = stepAnnotate(state, key);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}
const fresh = () => createAnnotateState({ coder: 'carol', codebook, items });

describe('parseKeys', () => {
  it('reads arrows (CSI and SS3), enter, backspace, escape, space and characters', () => {
    expect(parseKeys('\x1b[A\x1bOB\x1b[C\x1b[D\r\x7f \x1bq1\x03')).toEqual([
      { name: 'up' },
      { name: 'down' },
      { name: 'right' },
      { name: 'left' },
      { name: 'enter' },
      { name: 'backspace' },
      { name: 'space' },
      { name: 'escape' },
      { name: 'char', ch: 'q' },
      { name: 'char', ch: '1' },
      { name: 'ctrl-c' },
    ]);
  });
  it('drops other escape sequences and reads CR LF as one Enter', () => {
    expect(parseKeys('\x1b[1;5A\x1b[200~x\r\n')).toEqual([{ name: 'char', ch: 'x' }, { name: 'enter' }]);
    expect(parseKeys('é\n')).toEqual([{ name: 'char', ch: 'é' }, { name: 'enter' }]);
  });
});

describe('computeShortcuts', () => {
  it('1–9 then letters that are not command keys', () => {
    const refs = listCodes(codebook);
    const many = Array.from({ length: 14 }, (_, i) => ({ ...refs[0]!, code: { ...refs[0]!.code, id: `c${i}` }, order: i }));
    expect([...computeShortcuts(many).values()].join('')).toBe('123456789acdef');
  });
});

describe('annotation state machine', () => {
  it('starts at the first segment with nothing selected', () => {
    const s = fresh();
    expect([s.position, s.mode, s.draft.codes, s.cursor]).toEqual([0, 'code', [], 0]);
  });

  it('a shortcut toggles; an exclusive category keeps one code', () => {
    let { state } = type(fresh(), '14');
    expect(state.draft.codes).toEqual(['economic', 'government']);
    ({ state } = type(state, '3'));
    expect(state.draft.codes).toEqual(['sovereignty', 'government']);
    expect(state.message).toContain('one code only, Economic replaced');
    ({ state } = type(state, '4'));
    expect(state.draft.codes).toEqual(['sovereignty']);
  });

  it('arrows move the highlight and space toggles it', () => {
    const { state } = type(fresh(), '\x1b[B\x1b[B \x1b[B \x1b[A\x1b[A \x1b[A\x1b[A\x1b[A');
    // Down Down space: Sovereignty; Down space: Government; Up Up space: Security replaces Sovereignty.
    expect(state.draft.codes).toEqual(['security', 'government']);
    expect(state.cursor).toBe(0);
  });

  it('Enter confirms (none = reviewed, none) and moves on; the effect carries the entry', () => {
    const { state, effects } = type(fresh(), '\r');
    // The entry carries the fingerprint of the text the coder saw.
    const text_sha = computeTextSha(segments.find((s) => s.segment_id === 'news-01:p2')!.text);
    expect(effects).toEqual([{ kind: 'confirm', entry: { segment_id: 'news-01:p2', doc_id: 'news-01', text_sha, codes: [], memo: '' } }]);
    expect(state.position).toBe(1);
    expect(state.confirmed.get('news-01:p2')).toEqual({ codes: [], memo: '' });
  });

  it('m edits a memo that goes with the confirmation; Esc cancels an edit', () => {
    let { state } = type(fresh(), 'mhello wor\x7fld\r');
    expect(state.draft.memo).toBe('hello wold');
    ({ state } = type(state, 'mxyz\x1b'));
    expect(state.draft.memo).toBe('hello wold');
    const { effects } = type(state, '2\r');
    expect(effects[0]).toMatchObject({ kind: 'confirm', entry: { segment_id: 'news-01:p2', doc_id: 'news-01', codes: ['security'], memo: 'hello wold' } });
  });

  it('in memo mode, letters are text, not commands', () => {
    const { state, effects } = type(fresh(), 'mqsb1\r');
    expect(effects).toEqual([]);
    expect(state.draft).toEqual({ codes: [], memo: 'qsb1' });
  });

  it('b goes back showing the confirmed codes; s skips without confirming', () => {
    let { state } = type(fresh(), '5\rs');
    expect(state.position).toBe(2);
    expect(state.confirmed.has('news-02:p2')).toBe(false);
    ({ state } = type(state, 'bb'));
    expect(state.position).toBe(0);
    expect(state.draft.codes).toEqual(['business']);
    ({ state } = type(state, 'b'));
    expect(state.message).toBe('this is the first segment');
  });

  it('confirming the last segment jumps back to a skipped one, then all done', () => {
    let { state } = type(fresh(), '\rs\r');
    expect(state.position).toBe(1);
    expect(state.message).toContain('confirmed official-01:p1');
    ({ state } = type(state, '\r'));
    expect(state.mode).toBe('done');
    const r = type(state, 'x');
    expect(r.state.message).toContain('all segments are confirmed');
    expect(type(state, 'q').effects).toEqual([{ kind: 'quit' }]);
    expect(type(state, 'b').state.mode).toBe('code');
  });

  it('resumes at the first unconfirmed segment', () => {
    const confirmed = new Map([['news-01:p2', { codes: ['economic'], memo: '' }]]);
    const s = createAnnotateState({ coder: 'carol', codebook, items, confirmed });
    expect(s.position).toBe(1);
    expect(s.message).toContain('resumed');
  });

  it('? then a shortcut opens a code\'s help; any key closes it', () => {
    let { state } = type(fresh(), '?6');
    expect([state.mode, state.helpCode]).toEqual(['help', 'civil']);
    ({ state } = type(state, 'z'));
    expect(state.mode).toBe('code');
    expect(state.draft.codes).toEqual([]); // the closing key did nothing else
  });

  it('q and Ctrl-C quit', () => {
    expect(type(fresh(), 'q').effects).toEqual([{ kind: 'quit' }]);
    expect(type(fresh(), '\x03').effects).toEqual([{ kind: 'quit' }]);
  });

  it('adjudication keys: < > + - take one coder, both, or the agreed codes', () => {
    const compare = new Map([
      ['news-02:p2', { a: { coder: 'alice', codes: ['sovereignty', 'government'] }, b: { coder: 'bob', codes: ['security', 'government', 'civil'] } }],
    ]);
    const adj = createAnnotateState({ coder: 'gold', codebook, items: computeAnnotateItems(segments, docs, ['news-02:p2'], compare) });
    expect(adj.draft.codes).toEqual(['government']);
    expect(type(adj, '<').state.draft.codes).toEqual(['sovereignty', 'government']);
    expect(type(adj, '>').state.draft.codes).toEqual(['security', 'government', 'civil']);
    const both = type(adj, '+').state;
    expect(both.draft.codes).toEqual(['sovereignty', 'government', 'civil']);
    expect(both.message).toContain("exclusive categories keep alice's");
    expect(type(adj, '<-').state.draft.codes).toEqual(['government']);
  });
});

describe('renderAnnotateScreen', () => {
  const fits = (lines: string[], w: number, h: number) => {
    expect(lines.length).toBeLessThanOrEqual(h);
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(w);
  };

  it('80×24: progress, title, metadata, bracketed context, codes by category', () => {
    const { state } = type(fresh(), '3');
    const lines = renderAnnotateScreen(state, { width: 80, height: 24 });
    fits(lines, 80, 24);
    const text = lines.join('\n');
    expect(lines[0]).toBe('qcode annotate · carol · 1/3 · 0 confirmed');
    expect(text).toContain('news-01:p2 · Exporters brace for review');
    expect(text).toContain('type: news');
    expect(text).toContain('[… Car makers warned that the review could raise prices.]');
    expect(text).toContain('Analysts expect the talks to run into next year.');
    expect(text).toContain('[Journalists were kept out of the closed session. …]');
    expect(text).toContain('Frame (one only)');
    expect(text).toContain('>*[3] Sovereignty'); // the shortcut also moves the highlight
    expect(text).toContain('  [1] Economic');
  });

  it('stays inside small and narrow terminals, a long segment cut with …', () => {
    const long = { ...items[0]!, segment: { ...items[0]!.segment, text: 'word '.repeat(400) } };
    const s = createAnnotateState({ coder: 'carol', codebook, items: [long] });
    for (const [w, h] of [
      [80, 24],
      [40, 12],
      [20, 8],
    ] as const) {
      const lines = renderAnnotateScreen(s, { width: w, height: h });
      fits(lines, w, h);
      expect(lines.join('\n')).toContain('…');
    }
  });

  it('the help screen shows definition, include, exclude and examples', () => {
    const { state } = type(fresh(), '?1');
    const text = renderAnnotateScreen(state, { width: 80, height: 24 }).join('\n');
    for (const part of ['[1] Economic', 'costs, prices, jobs or trade', 'Include', '- tariffs', 'Exclude', '- security spending', '“Tariffs raised prices.”']) {
      expect(text).toContain(part);
    }
  });

  it('adjudication marks each coder\'s codes', () => {
    const compare = new Map([['news-02:p2', { a: { coder: 'alice', codes: ['sovereignty'] }, b: { coder: 'bob', codes: ['security'] } }]]);
    const adj = createAnnotateState({ coder: 'gold', codebook, items: computeAnnotateItems(segments, docs, ['news-02:p2'], compare) });
    const text = renderAnnotateScreen(adj, { width: 80, height: 24 }).join('\n');
    expect(text).toContain('[2] Security B');
    expect(text).toContain('[3] Sovereignty A');
    expect(text).toContain('A = alice  B = bob');
  });
});

describe('journal', () => {
  it('round-trips entries and skips a torn last line with a warning', () => {
    const e = { segment_id: 'news-01:p2', doc_id: 'news-01', codes: ['economic'], memo: 'x, "y"' };
    const text = formatJournalEntry(e) + '{"segment_id":"news-0';
    const parsed = parseJournal(text, 'carol.journal.jsonl');
    expect(parsed.entries).toEqual([e]);
    expect(parsed.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['QC513', 2]]);
  });

  it('a later entry replaces every row of its segment; other rows stay', () => {
    const alice = loadFixtureCodings('alice');
    const out = applyJournal(
      alice,
      [
        { segment_id: 'news-01:p1', doc_id: 'news-01', codes: ['civil', 'security'], memo: 'm' },
        { segment_id: 'news-01:p2', doc_id: 'news-01', codes: ['economic'], memo: '' },
        { segment_id: 'news-01:p2', doc_id: 'news-01', codes: [], memo: 'none after all' },
      ],
      'alice',
      codebook,
    );
    const entries = computeEntries(out);
    expect(entries.get('news-01:p1')).toEqual({ segment_id: 'news-01:p1', doc_id: 'news-01', codes: ['security', 'civil'], memo: 'm' });
    expect(entries.get('news-01:p2')).toEqual({ segment_id: 'news-01:p2', doc_id: 'news-01', codes: [], memo: 'none after all' });
    expect(entries.get('social-01:p1')!.codes).toEqual(['sovereignty']);
    expect(out.filter((c) => c.segment_id === 'news-01:p1').map((c) => [c.category, c.code, c.memo])).toEqual([
      ['frame', 'security', 'm'],
      ['actor', 'civil', ''],
    ]);
  });
});
