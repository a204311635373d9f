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

// standard output in blocks of about 64 KiB rather than a write a line (a province's `par score` prints 10,000 rows);
// each line for standard error first writes what is pending, so that the two keep their order
let pending = '';
const flush = () => {
  if (pending.length > 0) process.stdout.write(pending);
  pending = '';
};
const io = {
  out: (line: string) => {
    pending += `${line}\n`;
    if (pending.length >= 65_536) flush();
  },
  err: (line: string) => {
    flush();
    process.stderr.write(`${line}\n`);
  },
};

void runCli(process.argv.slice(2), io).then((code) => {
  flush();
  process.exitCode = code;
  // nothing a plugin left running (a timer, a module still loading) keeps the command alive once it is done
  setTimeout(() => process.exit(code), 1_000).unref();
});
