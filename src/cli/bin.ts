#!/usr/bin/env node
import { runCli } from './main.js';
import { processIo } from './io.js';

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
