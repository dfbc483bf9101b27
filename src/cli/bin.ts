#!/usr/bin/env node
import { runCli } from './main.js';
import { processIo } from './io.js';

// The only place qcode exits the process. Streams are drained first so piped
// output is never cut short.
const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
