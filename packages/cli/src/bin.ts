#!/usr/bin/env node
// The `par` command.
import { z } from 'zod';
import { runCli } from './cli.js';

// A command reads a workspace once: compiling each schema's fast path (zod's default) costs more than it saves on a
// district's files, and assessments, the bulk of a province's, are mostly checked without the schema (see
// `parseAssessment`). Measured with `npm run bench`: `par score` on the Phong Thổ example about 30 ms sooner, the
// same on 10,000 units.
z.config({ jitless: true });

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
