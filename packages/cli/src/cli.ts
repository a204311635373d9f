import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { CommandContext } from './context.js';
import { registerDbCommands } from './db-commands.js';
import { PLUGIN_LOAD_TIMEOUT_MS } from './plugin-timeout.js';
import { progress } from './progress.js';
import { forTerminal } from './terminal.js';
import type { WorkspacePart } from './workspace.js';

/** What the commands use (the library, zod, the workspace checks): loaded when a command runs or an option is given. */
type Runtime = typeof import('./cli-runtime.js');

/**
 * Exit codes: 0 done; 1 invalid input (every problem printed with its file and path, or sheet and cell; a file that
 * cannot be read; a plugin that cannot be loaded; a store that cannot be opened, or whose audit trail is broken); 2 a usage mistake (unknown command or option, a missing or
 * malformed argument such as `--now 2023-02-30` or `--period abc`, an `--out` that cannot be written, no such unit
 * or year); 3 an unexpected error.
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;

/** Where the CLI writes. A writer that throws an `EPIPE` error (the reader went away) ends the output quietly. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** How many problems are printed before the rest are counted (`--json` gives them all). */
const MAX_PROBLEM_LINES = 200;

/** ExcelJS and ECharts take most of a second to load: only the commands that use them import them. */
const excel = () => import('./excel.js');
const report = () => import('./report.js');
const pluginImport = () => import('./plugin-import.js');

/**
 * Whether `runCli` was given a plain list of strings and an object with two line writers, told without zod. Anything
 * else goes through `checkRunCliArguments`, which refuses it naming each problem.
 */
function plainArguments(args: unknown, io: unknown): boolean {
  if (!Array.isArray(args) || Object.getPrototypeOf(args) !== Array.prototype) return false;
  for (let i = 0; i < args.length; i++) if (typeof args[i] !== 'string') return false;
  if (io === null || typeof io !== 'object' || Array.isArray(io)) return false;
  const { out, err } = io as Record<string, unknown>;
  return typeof out === 'function' && typeof err === 'function';
}

/**
 * Runs the `par` command with its arguments (without `node` and the script) and returns the exit code. Every line
 * is made safe for a terminal (control characters removed; escaped in JSON). Throws `ParValidationError` when its
 * own arguments are not a list of strings and a pair of line writers (a programming mistake, not a usage one).
 */
export async function runCli(args: readonly string[], given: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  // `par`, `par --help`, `par help score`, `par score --help` are answered without loading the library: with no
  // option given, no option's parser runs before an action, and each action loads what it needs
  let rt: Runtime | undefined;
  const runtime = async () => (rt ??= await import('./cli-runtime.js'));
  if (!plainArguments(args, given) || args.some((a) => a.startsWith('-') && a !== '-h' && a !== '--help')) (await runtime()).checkRunCliArguments(args, given);
  /** An option's parser from the runtime, loaded by then (an option was given). */
  const parser = <T>(pick: (r: Runtime) => (value: string) => T) => (value: string) => pick(rt!)(value);
  let closed = false;
  const safe = (write: (line: string) => void) => (line: string) => {
    if (closed) return;
    try {
      write(forTerminal(line));
    } catch (e) {
      if ((e as NodeJS.ErrnoException | null)?.code !== 'EPIPE') throw e;
      closed = true;
    }
  };
  const io: CliIo = { out: safe(given.out), err: safe(given.err) };
  const problems = (lines: readonly string[]) => {
    for (const line of lines.slice(0, MAX_PROBLEM_LINES)) io.err(line);
    if (lines.length > MAX_PROBLEM_LINES) io.err(`  ... and ${lines.length - MAX_PROBLEM_LINES} more (--json lists them all)`);
  };
  const program = new Command('par')
    .description('PAR toolkit: the reform loop of a Vietnamese People\'s Committee on the command line')
    .option('-w, --workspace <file>', 'the workspace configuration', 'par.config.json')
    .addOption(new Option('--lang <lang>', 'output language').choices(['vi', 'en']).default('vi'))
    .option('--json', 'machine-readable output')
    .addOption(new Option('--plugin-timeout <ms>', 'how long loading one plugin may take').argParser(parser((r) => r.parseMilliseconds)).default(PLUGIN_LOAD_TIMEOUT_MS))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  /** The workspace, validated; with its plugins loaded only for the commands that run them. */
  const context = async (plugins = false, parts?: readonly WorkspacePart[]): Promise<CommandContext> => {
    const o = program.opts<{ workspace: string; lang: 'vi' | 'en'; json?: boolean; pluginTimeout: number }>();
    return { ws: await (await runtime()).workspaceFor(resolve(o.workspace), { plugins, pluginTimeoutMs: o.pluginTimeout, ...(parts ? { parts } : {}) }, new Date()), lang: o.lang, json: o.json === true, out: io.out };
  };
  /** The workspace for the commands that read only the units, frameworks and assessments (not the directives nor the plugins' options). */
  const scoring = () => context(false, ['assessments']);
  const year = () => new Option('--year <period>', 'index year or period, e.g. 2021').argParser(parser((r) => r.parsePeriod)).makeOptionMandatory();
  const now = () => new Option('--now <instant>', 'the moment to judge at: a date or an ISO instant with its offset (default: now)').argParser(parser((r) => r.parseNow));
  const out = (file?: string, description = 'where to write') => new Option('--out <file>', description).argParser(parser((r) => r.parseOut)).default(file);

  program
    .command('validate')
    .description('check every file of the workspace through its schema')
    .action(async () => {
      const ctx = await context();
      const counts = { units: ctx.ws.registry.units.length, frameworks: ctx.ws.frameworks.size, assessments: [...ctx.ws.assessments.values()].flat().length, directives: ctx.ws.directives.length, plugins: ctx.ws.pluginNames.length };
      if (ctx.json) return io.out(JSON.stringify({ valid: true, ...counts }));
      io.out(`OK: ${counts.units} units, ${counts.frameworks} frameworks, ${counts.assessments} assessments, ${counts.directives} directives, ${counts.plugins} plugins`);
    });
  program.command('score').description('the ranking').addOption(year()).action(async (o) => (await runtime()).scoreCommand(await scoring(), o.year));
  program.command('explain <unit>').description('where a unit lost points').addOption(year()).action(async (unit, o) => (await runtime()).explainCommand(await scoring(), o.year, unit));
  program.command('gaps').description('where the points are lost, and what each unit could gain').addOption(year()).action(async (o) => (await runtime()).gapsCommand(await scoring(), o.year));
  program.command('directives').description('the directive board, overdue first').addOption(now()).action(async (o) => (await runtime()).directivesCommand(await context(false, ['assessments', 'directives']), o.now ?? new Date()));
  program
    .command('check')
    .description("the plugins' findings")
    .addOption(new Option('--period <period>', 'the period, e.g. 2022 or 2022-H2').argParser(parser((r) => r.parsePeriod)).makeOptionMandatory())
    .addOption(now())
    .action(async (o) => {
      const { checkCommand, pluginRun, recordCheckRun } = await runtime();
      const ctx = await context(true);
      const run = pluginRun(ctx, o.period, o.now ?? new Date());
      await recordCheckRun(resolve(program.opts<{ workspace: string }>().workspace), ctx, run, await checkCommand(ctx, o.period, run.now));
    });
  program
    .command('report')
    .description('the HTML report')
    .addOption(year())
    .addOption(new Option('--period <period>', "the period of the plugins' findings and sections (default: the --year)").argParser(parser((r) => r.parsePeriod)))
    .addOption(now())
    .addOption(out('report.html'))
    .action(async (o) => {
      const ctx = await context(true);
      writeFileSync(o.out, await (await report()).renderReport(ctx, o.year, o.now ?? new Date(), o.period));
      io.out(`${ctx.lang === 'vi' ? 'Đã ghi báo cáo' : 'Wrote the report'} ${o.out}`);
    });
  program
    .command('template')
    .description('an XLSX self-assessment sheet for one unit')
    .requiredOption('--framework <id>')
    .requiredOption('--unit <unit>')
    .addOption(year())
    .addOption(out('tu-danh-gia.xlsx'))
    .action(async (o) => {
      const { findUnit, UsageError } = await runtime();
      const ctx = await scoring();
      const framework = ctx.ws.frameworks.get(o.framework);
      if (!framework) throw new UsageError(`No framework "${o.framework}" (have: ${[...ctx.ws.frameworks.keys()].join(', ')})`);
      await (await excel()).writeTemplate(ctx, framework, findUnit(ctx, o.unit), o.year, o.out);
      io.out(`${ctx.lang === 'vi' ? 'Đã ghi' : 'Wrote'} ${o.out}`);
    });
  program
    .command('import <xlsx...>')
    .description('read filled self-assessment sheets back into assessments')
    .addOption(out(undefined, 'write the assessments (JSON) here instead of printing them'))
    .action(async (files: string[], o) => {
      const ctx = await scoring();
      const { readTemplate } = await excel();
      const assessments = [];
      const bar = progress('import', files.length, !ctx.json);
      for (const file of files) {
        assessments.push(await readTemplate(ctx, file));
        bar.tick();
      }
      bar.stop();
      const text = JSON.stringify(assessments.length === 1 ? assessments[0] : assessments, null, 2);
      if (o.out) {
        writeFileSync(o.out, `${text}\n`);
        io.out(`${ctx.lang === 'vi' ? 'Đã ghi' : 'Wrote'} ${o.out}`);
      } else io.out(text);
    });
  program
    .command('import-records <importer> <file>')
    .description("read an office's file (CSV, or a sheet of an XLSX workbook) into a plugin's records, e.g. finance/treasury-disbursements")
    .option('--sheet <name>', 'the sheet of the workbook to read (default: the first)')
    .addOption(out(undefined, 'write the records (JSON) here instead of printing them'))
    .action(async (importer: string, file: string, o) => (await pluginImport()).importRecordsCommand(await context(true), importer, file, o));
  program
    .command('export')
    .description('the results as CSV or XLSX')
    .addOption(year())
    .addOption(new Option('--format <format>').choices(['csv', 'xlsx']).default('csv'))
    .addOption(out().makeOptionMandatory())
    .action(async (o) => {
      const ctx = await scoring();
      if (o.format === 'csv') (await runtime()).exportCsv(ctx, o.year, o.out);
      else await (await excel()).exportXlsx(ctx, o.year, o.out);
    });

  registerDbCommands(program, io.out, () => new Date());

  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { DbError, formatIssuePath, ParValidationError, SheetError, UsageError, WorkspaceError } = await runtime();
    if (e instanceof UsageError) {
      io.err(`par: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof DbError) {
      io.err(`par: ${e.message}`);
      return EXIT.invalidInput;
    }
    if (e instanceof WorkspaceError) {
      if (program.opts().json) io.out(JSON.stringify({ valid: false, problems: e.problems }));
      io.err(`par: ${e.message}`);
      problems(e.problems.map((p) => `  ${p.file}: ${formatIssuePath(p.issue.path)}: ${p.issue.message} [${p.issue.code}]`));
      return EXIT.invalidInput;
    }
    if (e instanceof SheetError) {
      io.err(`par: ${e.message}`);
      problems(e.problems.map((p) => `  ${p.cell}: ${p.message}`));
      return EXIT.invalidInput;
    }
    if (ParValidationError.isInstance(e)) {
      io.err(`par: invalid ${e.document}`);
      problems(e.issues.map((i) => `  ${formatIssuePath(i.path)}: ${i.message} [${i.code}]`));
      return EXIT.invalidInput;
    }
    io.err(`par: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.internal;
  }
}
