#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { runCli } from './main.js';
import { processIo } from './io.js';

// A streamed pass over a corpus makes garbage fast, and by default V8 lets the
// old generation grow to several times what is live before a full collection
// (sample's text pass over 1 GB peaked at 633 MB). At most 30% over live keeps
// memory near what a command holds, for a few percent more CPU. It changes
// when collections run, not how much may be held: no limit, no new way to fail.
setFlagsFromString('--heap-growing-percent=30');

// A reader that stops early (`qcode … | head`) is normal on Unix: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

// The only place qcode sets its exit status.
const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
