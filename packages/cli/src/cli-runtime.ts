// What the commands of `par` use: the library, zod and the workspace checks. `cli.ts` loads this module only when a
// command runs or an option is given, so that `par --help` answers without loading any of it.
export { formatIssuePath, ParValidationError } from '@par/core';
export { checkRunCliArguments } from './arguments.js';
export { checkCommand, directivesCommand, explainCommand, exportCsv, findUnit, gapsCommand, pluginRun, scoreCommand } from './commands.js';
export { parseNow, parseOut, parsePeriod, parseMilliseconds, UsageError } from './context.js';
export { DbError, recordCheckRun, workspaceFor } from './db-store.js';
export { SheetError } from './sheet-error.js';
export { WorkspaceError } from './workspace.js';
