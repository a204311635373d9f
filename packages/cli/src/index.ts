/**
 * `@par/cli`: the `par` command (validate, score, explain, gaps, directives, check, report, template, import,
 * export) over a workspace folder described by `par.config.json`, and `runCli` to run it from code.
 *
 * @packageDocumentation
 */
export { EXIT, runCli, type CliIo } from './cli.js';
export { WorkspaceConfigSchema, loadWorkspace, WorkspaceError, type FileProblem, type LoadOptions, type Workspace, type WorkspaceConfig, type WorkspacePart } from './workspace.js';
export { PluginNameSchema } from './plugins.js';
export { renderReport } from './report.js';
export { readTemplate, writeTemplate, SheetError, SHEET, type SheetProblem } from './excel.js';
export type { CommandContext } from './context.js';
