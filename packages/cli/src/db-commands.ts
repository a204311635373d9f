import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { DbCommandContext } from './db-store.js';

/** The store's commands load `@par/store`, the library and the workspace checks only when one of them runs. */
const dbStore = () => import('./db-store.js');

/** Registers `par db migrate|import|export|verify` and `par verify`. */
export function registerDbCommands(program: Command, out: (line: string) => void, now: () => Date): void {
  const context = (): DbCommandContext => {
    const o = program.opts<{ workspace: string; json?: boolean; lang: 'vi' | 'en'; pluginTimeout: number }>();
    return { configPath: resolve(o.workspace), json: o.json === true, lang: o.lang, pluginTimeoutMs: o.pluginTimeout, out, now };
  };
  const db = program.command('db').description('the workspace in a database (PGlite or PostgreSQL) named by "store" in par.config.json');
  db.command('migrate')
    .description('bring the database schema up to date')
    .action(async () => (await dbStore()).dbMigrate(context()));
  db.command('import <workspace>')
    .description('validate a workspace of files and write it into the store, all or nothing')
    .action(async (workspace: string) => (await dbStore()).dbImport(context(), workspace));
  db.command('export <dir>')
    .description('write the store back as a workspace of files (a new or empty folder)')
    .action(async (target: string) => (await dbStore()).dbExport(context(), target));
  const verify = async () => (await dbStore()).dbVerify(context());
  db.command('verify').description('check the hash chain of the audit trail').action(verify);
  program.command('verify').description('check the hash chain of the store\'s audit trail (same as db verify)').action(verify);
}
