import type { Command } from 'commander';
import { z } from 'zod';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import type { TableFormat } from '../core/format/table.js';
import type { CommandContext } from './command-kit.js';
import { addFormatOption, addTableOutputOption, chooseFormat, chooseView, emitText, formatOptionShape, tableOutputOptionShape, type OutputFacts } from './table-output.js';
import { ratingsFacts } from './output.js';
import { openProject, openStudy } from './study-options.js';

export { chooseFormat, chooseView, emitText, type OutputFacts };

/** The manifest facts of an `agree --ratings` output: the project, and the ratings table in place of a corpus. */
export function ratingsOutputFacts(ctx: CommandContext, opts: { codebook?: string | undefined; corpus?: string | undefined }, file: string): OutputFacts {
  return async () => ratingsFacts(await openProject(ctx, opts), file);
}

/** agree's output options: --format, -o, and --spans for agreement on free spans. */
export function addAgreeOutputOptions(cmd: Command): Command {
  return addTableOutputOption(addFormatOption(cmd)).option('--spans', "agreement on free spans (QDA codings, out/codings/spans/): Krippendorff's uα, |uα, cuα, (k)uα, and αU (2004)");
}

export const agreeOutputOptionShape = { ...formatOptionShape, ...tableOutputOptionShape, spans: z.boolean().default(false) };

type AgreeOpts = Parameters<typeof agreeOnSpans>[1] & { spans: boolean; format?: TableFormat | undefined; json: boolean };

/** agree's action, with --spans taking the span path first. */
export function orOnSpans<O extends AgreeOpts>(ctx: CommandContext, handler: (opts: O, files: string[]) => Promise<number | void>) {
  return async (opts: O, files: string[]): Promise<number | void> => (opts.spans ? agreeOnSpans(ctx, opts, files, chooseFormat(opts)) : handler(opts, files));
}

/** `qcode agree --spans`: unitizing reliability on the coders' span files. */
export async function agreeOnSpans(
  ctx: CommandContext,
  opts: {
    coders?: string[] | undefined;
    codebook?: string | undefined;
    corpus?: string | undefined;
    idColumn?: string | undefined;
    textColumn?: string | undefined;
    ratings?: string | undefined;
    categories?: string[] | undefined;
    bootstrap?: number | undefined;
    completeUnits?: boolean | undefined;
    failUnder?: number | undefined;
    level: string;
    output?: string | undefined;
    force: boolean;
  },
  files: string[],
  format: TableFormat,
): Promise<number> {
  if (files.length) throw new QcodeError([diag('QC001', '--spans reads out/codings/spans/<coder>.csv; name coders with --coders, not files')]);
  // Options of unit-based agreement mean nothing here: say so rather than ignore them.
  const unused = [
    ['--ratings', opts.ratings],
    ['--categories', opts.categories],
    ['--bootstrap', opts.bootstrap],
    ['--complete-units', opts.completeUnits || undefined],
    ['--fail-under', opts.failUnder],
    ['--level', opts.level === 'nominal' ? undefined : opts.level],
  ].filter(([, v]) => v !== undefined);
  if (unused.length) throw new QcodeError(unused.map(([flag]) => diag('QC001', `${flag} does not apply to --spans (the uα family is computed at the nominal level)`)));
  const [{ readSpanAgreement }, { formatSpanAgreement }] = await Promise.all([import('../io/span-agreement.js'), import('../core/unitizing/format-span-agreement.js')]);
  const study = await openStudy(ctx, opts);
  const { result, diagnostics } = await readSpanAgreement(study, opts.coders, (p) => ctx.display(p));
  if (diagnostics.length) ctx.printDiagnostics(diagnostics, false);
  await emitText(ctx, study, formatSpanAgreement(result, format), opts, { spans: true });
  return 0;
}
