import type { CommandContext } from './command-kit.js';

/**
 * A one-line progress bar on stderr, drawn only on a terminal and never
 * under --quiet or --json, so piped and logged output stays clean.
 */
export function progressBar(ctx: CommandContext, label: string): { update: (done: number, total: number) => void; end: () => void } {
  const stderr = ctx.io.stderr;
  const live = Boolean(stderr.isTTY) && !ctx.global.quiet && !ctx.global.json;
  let shown = -1;
  return {
    update(done, total) {
      if (!live || total <= 0) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === shown) return;
      shown = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%`);
    },
    end() {
      if (live && shown >= 0) stderr.write('\r\x1b[K');
    },
  };
}
