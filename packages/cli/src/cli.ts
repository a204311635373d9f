import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { formatIssuePath, ParValidationError } from '@par/core';
import { checkCommand, directivesCommand, explainCommand, exportCsv, findUnit, gapsCommand, scoreCommand } from './commands.js';
import { parseNow, UsageError, type CommandContext } from './context.js';
import { exportXlsx, readTemplate, SheetError, writeTemplate } from './excel.js';
import { progress } from './progress.js';
import { renderReport } from './report.js';
import { loadWorkspace, WorkspaceError } from './workspace.js';

/**
 * Exit codes: 0 done; 1 invalid input (every problem printed with its file and path, or sheet and cell);
 * 2 a usage mistake (unknown command or option, a missing argument, no such unit or year); 3 an unexpected error.
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;

/** Where the CLI writes. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the `par` command with its arguments (without `node` and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const program = new Command('par')
    .description('PAR toolkit: the reform loop of a Vietnamese People\'s Committee on the command line')
    .option('-w, --workspace <file>', 'the workspace configuration', 'par.config.json')
    .addOption(new Option('--lang <lang>', 'output language').choices(['vi', 'en']).default('vi'))
    .option('--json', 'machine-readable output')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const context = async (): Promise<CommandContext> => {
    const o = program.opts<{ workspace: string; lang: 'vi' | 'en'; json?: boolean }>();
    return { ws: await loadWorkspace(resolve(o.workspace)), lang: o.lang, json: o.json === true, out: io.out };
  };

  program
    .command('validate')
    .description('check every file of the workspace through its schema')
    .action(async () => {
      const ctx = await context();
      const counts = { units: ctx.ws.registry.units.length, frameworks: ctx.ws.frameworks.size, assessments: [...ctx.ws.assessments.values()].flat().length, directives: ctx.ws.directives.length, plugins: ctx.ws.par.plugins.length };
      if (ctx.json) return io.out(JSON.stringify({ valid: true, ...counts }));
      io.out(`OK: ${ctx.ws.registry.units.length} units, ${ctx.ws.frameworks.size} frameworks, ${[...ctx.ws.assessments.values()].flat().length} assessments, ${ctx.ws.directives.length} directives, ${ctx.ws.par.plugins.length} plugins`);
    });
  program.command('score').description('the ranking').requiredOption('--year <period>', 'index year or period, e.g. 2021').action(async (o) => scoreCommand(await context(), o.year));
  program.command('explain <unit>').description('where a unit lost points').requiredOption('--year <period>').action(async (unit, o) => explainCommand(await context(), o.year, unit));
  program.command('gaps').description('where the points are lost, and what each unit could gain').requiredOption('--year <period>').action(async (o) => gapsCommand(await context(), o.year));
  program.command('directives').description('the directive board, overdue first').option('--now <instant>', 'the moment to judge at (default: now)').action(async (o) => directivesCommand(await context(), parseNow(o.now)));
  program.command('check').description("the plugins' findings").requiredOption('--period <period>').option('--now <instant>').action(async (o) => checkCommand(await context(), o.period, parseNow(o.now)));
  program
    .command('report')
    .description('the HTML report')
    .requiredOption('--year <period>')
    .option('--now <instant>')
    .option('--out <file>', 'where to write', 'report.html')
    .action(async (o) => {
      const ctx = await context();
      writeFileSync(o.out, renderReport(ctx, o.year, parseNow(o.now)));
      io.out(`${ctx.lang === 'vi' ? 'Đã ghi báo cáo' : 'Wrote the report'} ${o.out}`);
    });
  program
    .command('template')
    .description('an XLSX self-assessment sheet for one unit')
    .requiredOption('--framework <id>')
    .requiredOption('--unit <unit>')
    .requiredOption('--year <period>')
    .option('--out <file>', 'where to write', 'tu-danh-gia.xlsx')
    .action(async (o) => {
      const ctx = await context();
      const framework = ctx.ws.frameworks.get(o.framework);
      if (!framework) throw new UsageError(`No framework "${o.framework}" (have: ${[...ctx.ws.frameworks.keys()].join(', ')})`);
      await writeTemplate(ctx, framework, findUnit(ctx, o.unit), o.year, o.out);
      io.out(`${ctx.lang === 'vi' ? 'Đã ghi' : 'Wrote'} ${o.out}`);
    });
  program
    .command('import <xlsx...>')
    .description('read filled self-assessment sheets back into assessments')
    .option('--out <file>', 'write the assessments (JSON) here instead of printing them')
    .action(async (files: string[], o) => {
      const ctx = await context();
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
    .command('export')
    .description('the results as CSV or XLSX')
    .requiredOption('--year <period>')
    .addOption(new Option('--format <format>').choices(['csv', 'xlsx']).default('csv'))
    .requiredOption('--out <file>')
    .action(async (o) => {
      const ctx = await context();
      if (o.format === 'csv') exportCsv(ctx, o.year, o.out);
      else await exportXlsx(ctx, o.year, o.out);
    });

  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      io.err(`par: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof WorkspaceError) {
      if (program.opts().json) io.out(JSON.stringify({ valid: false, problems: e.problems }));
      io.err(`par: ${e.message}`);
      for (const p of e.problems) io.err(`  ${p.file}: ${formatIssuePath(p.issue.path)}: ${p.issue.message} [${p.issue.code}]`);
      return EXIT.invalidInput;
    }
    if (e instanceof SheetError) {
      io.err(`par: ${e.message}`);
      for (const p of e.problems) io.err(`  ${p.cell}: ${p.message}`);
      return EXIT.invalidInput;
    }
    if (ParValidationError.isInstance(e)) {
      io.err(`par: invalid ${e.document}`);
      for (const i of e.issues) io.err(`  ${formatIssuePath(i.path)}: ${i.message} [${i.code}]`);
      return EXIT.invalidInput;
    }
    io.err(`par: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.internal;
  }
}
