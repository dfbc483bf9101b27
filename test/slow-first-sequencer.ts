import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (the whole demo, a browser, LaTeX, a
 * terminal, spawned and killed processes), longest first. Vitest orders files
 * by the durations of its last run, but CI starts from a fresh clone without
 * them and falls back to file size: the 26-line demo-manifest test (~11 s)
 * then started last and ran alone on one core at the end. A file missing from
 * this list only costs time, never a result.
 */
const SLOW_FIRST = [
  'test/e2e/one-long-document.test.ts',
  'test/e2e/report.test.ts',
  'test/e2e/atomic-sets.test.ts',
  'test/e2e/demo-manifest.test.ts',
  'test/e2e/latex-compile.test.ts',
  'test/fuzz/fuzz.test.ts',
  'test/io/xlsx-writer.test.ts',
  'test/e2e/plot.test.ts',
  'test/e2e/process.test.ts',
  'test/e2e/annotate-tmux.test.ts',
  'test/e2e/scale-recipes.test.ts',
  'test/core/format/csv-round-trip.test.ts',
  'test/e2e/refi-export.test.ts',
  'test/e2e/export-xlsx.test.ts',
  'test/e2e/sheet.test.ts',
  'test/e2e/agree.test.ts',
  'test/e2e/text-commands-pinned.test.ts',
  'test/io/compact-tables.test.ts',
  'test/io/stream-segments.test.ts',
  // Small files that take seconds (property tests, many rows): by file size they ran last, alone on one core.
  'test/core/match/document-unit-bytes.test.ts',
  'test/io/stream-documents.test.ts',
  'test/e2e/code.test.ts',
  'test/core/analysis/theme-document.test.ts',
  'test/cli/coder-names.test.ts',
  'test/core/util/detach-string.test.ts',
  'test/io/read-picked-jsonl.test.ts',
  'test/core/analysis/kwic-agrees-with-code.test.ts',
  'test/io/zip-central-directory.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const i = SLOW_FIRST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // Array sort is stable: the rest keep vitest's order (last durations, else size).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
