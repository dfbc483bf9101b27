import type { ReadStream } from 'node:tty';
import { computeAnnotateItems, createAnnotateState, stepAnnotate, type AnnotateItem, type Comparison, type Draft } from '../core/annotate/annotate-state.js';
import { computeEntries, type JournalEntry } from '../core/annotate/journal.js';
import { parseKeys } from '../core/annotate/parse-keys.js';
import { renderAnnotateScreen, type ScreenStyle } from '../core/annotate/render-annotate-screen.js';
import { groupCodesBySegment } from '../core/coding/group-codings.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { computeDisagreements } from '../core/disagreements/compute-disagreements.js';
import type { CoderCodings } from '../core/model/coder.js';
import { annotationPaths, compactJournal, JournalWriter } from '../io/annotation-journal.js';
import { acquireCoderLock } from '../io/coder-lock.js';
import { recordOutputs } from '../io/manifest.js';
import type { Study } from '../io/read-study.js';
import type { CommandContext } from './command-kit.js';
import { commandLine } from './study-options.js';

export interface SessionOptions {
  title: string;
  coder: string;
  /** The canonical coding file the session writes. */
  target: string;
  items: AnnotateItem[];
  /** Entries folded into the file at the start (adjudication's agreed segments). */
  extra?: JournalEntry[];
  details?: Record<string, unknown>;
}

/** QC006 unless both ends are a terminal: the screen needs raw keys and a size. */
export function requireTerminal(ctx: CommandContext, command: string, alternative: string): void {
  if (ctx.io.stdin.isTTY && ctx.io.stdout.isTTY) return;
  throw new QcodeError([diag('QC006', `qcode ${command} needs a terminal on standard input and output`, { hint: alternative })]);
}

function screenStyle(ctx: CommandContext): ScreenStyle {
  const c = ctx.colorFor('stdout');
  return { dim: c.dim, bold: c.bold, selected: c.green, cursor: c.inverse, heading: c.cyan.bold };
}

/**
 * The terminal side of an annotation session: lock, recover, raw-mode keys
 * into the core state machine, each confirmation appended and fsynced to the
 * journal before the next key, and the journal compacted into the coding file
 * at the end. Everything that decides anything lives in src/core/annotate.
 */
export async function runSession(ctx: CommandContext, study: Study, options: SessionOptions): Promise<number> {
  const display = (p: string) => ctx.display(p);
  const paths = annotationPaths(options.target);
  const lock = await acquireCoderLock(paths.lock, display(paths.lock));
  let confirmations = 0;
  try {
    if (lock.tookOverFrom !== undefined) {
      ctx.note(`took over ${display(paths.lock)} from session ${lock.tookOverFrom}, which is no longer running; its confirmed segments are kept`);
    }
    const compactOptions = { coder: options.coder, codebook: study.codebook, segments: study.segments, display };
    const start = await compactJournal(options.target, { ...compactOptions, ...(options.extra ? { extra: options.extra } : {}) });
    ctx.report(start.diagnostics);
    const confirmed = new Map<string, Draft>([...computeEntries(start.codings)].map(([id, e]) => [id, { codes: e.codes, memo: e.memo }]));
    let state = createAnnotateState({ title: options.title, coder: options.coder, codebook: study.codebook, items: options.items, confirmed });

    const writer = await JournalWriter.open(paths.journal);
    try {
      await new Promise<void>((resolve, reject) => {
        const stdin = ctx.io.stdin as unknown as ReadStream;
        const out = ctx.io.stdout as NodeJS.WriteStream;
        const style = screenStyle(ctx);
        let finished = false;
        const draw = () => {
          const lines = renderAnnotateScreen(state, { width: out.columns ?? 80, height: out.rows ?? 24 }, style);
          out.write(`\x1b[H${lines.map((l) => `${l}\x1b[K`).join('\r\n')}\x1b[J`);
        };
        const finish = (err?: unknown) => {
          if (finished) return;
          finished = true;
          stdin.off('data', onData);
          out.off('resize', draw);
          stdin.setRawMode(false);
          stdin.pause();
          out.write('\x1b[?25h\x1b[?1049l');
          if (err) reject(err);
          else resolve();
        };
        let chain = Promise.resolve();
        const onData = (chunk: string) => {
          chain = chain
            .then(async () => {
              for (const key of parseKeys(chunk)) {
                if (finished) return;
                const step = stepAnnotate(state, key);
                for (const effect of step.effects) {
                  if (effect.kind === 'confirm') {
                    await writer.append(effect.entry);
                    confirmations++;
                  }
                }
                state = step.state;
                if (step.effects.some((e) => e.kind === 'quit')) return finish();
              }
              draw();
            })
            .catch(finish);
        };
        stdin.setRawMode(true);
        stdin.setEncoding('utf8');
        stdin.on('data', onData);
        stdin.resume();
        out.on('resize', draw);
        out.write('\x1b[?1049h\x1b[?25l\x1b[2J');
        draw();
      });
    } finally {
      await writer.close();
    }
    const end = await compactJournal(options.target, compactOptions);
    ctx.report(end.diagnostics);
    if (end.content !== undefined || start.content !== undefined) {
      await recordOutputs(study, [
        { file: options.target, command: commandLine(ctx), content: end.content ?? start.content!, kind: 'work', details: { coder: options.coder, ...options.details } },
      ]);
    }
    const done = options.items.filter((i) => groupCodesBySegment(end.codings).has(i.segment.segment_id)).length;
    ctx.note(`${options.coder}: ${done} of ${options.items.length} segments confirmed (${confirmations} confirmations this session) → ${display(options.target)}`);
    return 0;
  } finally {
    await lock.release();
  }
}

/** Interactive adjudication: the annotation screen over the disagreements, both coders' codes marked. */
export async function runAdjudicateSession(
  ctx: CommandContext,
  study: Study,
  input: { a: CoderCodings; b: CoderCodings; as: string; target: string },
): Promise<number> {
  requireTerminal(ctx, 'adjudicate', 'settle the disagreements in a file with --resolved FILE, or take one coder with --prefer CODER');
  const d = computeDisagreements(study.codebook, study.segments, input.a, input.b);
  ctx.report(d.diagnostics);
  const setsA = groupCodesBySegment(input.a.codings);
  const setsB = groupCodesBySegment(input.b.codings);
  const disputed = [...new Set(d.rows.map((r) => r.segment_id))];
  const order = (ids: Set<string> | undefined) => study.codebook.categories.flatMap((c) => c.codes.map((x) => x.id)).filter((id) => ids?.has(id));
  const compare = new Map<string, Comparison>(
    disputed.map((id) => [id, { a: { coder: input.a.coder, codes: order(setsA.get(id)) }, b: { coder: input.b.coder, codes: order(setsB.get(id)) } }]),
  );
  const disputedSet = new Set(disputed);
  const docOf = new Map(study.segments.map((s) => [s.segment_id, s.doc_id]));
  const extra: JournalEntry[] = d.common
    .filter((id) => !disputedSet.has(id))
    .map((id) => ({ segment_id: id, doc_id: docOf.get(id)!, codes: order(setsA.get(id)), memo: '' }));
  const items = computeAnnotateItems(study.segments, study.corpus, disputed, compare);
  return runSession(ctx, study, {
    title: 'qcode adjudicate',
    coder: input.as,
    target: input.target,
    items,
    extra,
    details: { adjudicated: [input.a.coder, input.b.coder] },
  });
}
