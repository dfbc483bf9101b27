import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/slow-first-sequencer.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __QCODE_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    testTimeout: 60_000,
    // End-to-end tests run the CLI in process (test/helpers/run-cli.ts), so a
    // worker thread suffices and test files may share one module graph: each
    // worker loads src/ once instead of once per file, which was most of the
    // suite's CPU time. Sound because src/ keeps no state between runs (a
    // command gets its streams, cwd and env from the injected CliIo) and tests
    // that touch the environment restore it (vi.unstubAllEnvs).
    pool: 'threads',
    isolate: false,
    // Vitest's default is one worker fewer than the cores: a single worker here.
    // The spawned and tmux tests mostly wait, so one worker per core pays.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
