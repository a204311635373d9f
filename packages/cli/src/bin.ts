#!/usr/bin/env node
// The `par` command.
import { runCli } from './cli.js';

// a reader that goes away (`par import ... | head`) ends the command quietly, without a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // nothing a plugin left running (a timer, a module still loading) keeps the command alive once it is done
  setTimeout(() => process.exit(code), 1_000).unref();
});
