#!/usr/bin/env node
// The `par` command.
import { runCli } from './cli.js';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
