import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ParValidationError, type Assessment, type Finding } from '@par/core';
import type { ParStore, StoreActor, WorkspaceDocuments } from '@par/store';
import { tr, UsageError, type CommandContext } from './context.js';
import { readJson, UnreadableFile } from './files.js';
import { buildWorkspace, loadWorkspace, WorkspaceConfigSchema, type LoadOptions, type Workspace } from './workspace.js';

/** A store that cannot be opened or used, in one line (exit code 1). */
export class DbError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = 'DbError';
  }
}

/** The `store` entry of a configuration file, or undefined when it names none (a workspace of files). */
function storeEntry(configPath: string): unknown {
  let raw: unknown;
  try {
    raw = readJson(dirname(configPath), configPath.slice(dirname(configPath).length + 1), { outside: true });
  } catch (e) {
    if (e instanceof UnreadableFile) return undefined; // loadWorkspace reports it
    throw e;
  }
  return raw !== null && typeof raw === 'object' && 'store' in raw ? (raw as { store: unknown }).store : undefined;
}

/**
 * Who the CLI acts as on a store: `PAR_ACTOR` as `unit:role` or `unit:role:person`; by default `local:admin`, the
 * administrator of the store (the person who holds the embedded database folder or the PostgreSQL URL).
 */
function actorOf(env: NodeJS.ProcessEnv): StoreActor {
  const value = env.PAR_ACTOR ?? 'local:admin';
  const [unitId, role, ...person] = value.split(':');
  if (!unitId || !role) throw new UsageError(`PAR_ACTOR must be "unit:role" or "unit:role:person", not "${value}"`);
  return { unitId, role, ...(person.length > 0 ? { person: person.join(':') } : {}) };
}

/** Opens the store the configuration names (`@par/store` is loaded only here); one clear line when it cannot. */
async function open(configPath: string, required = true): Promise<ParStore | undefined> {
  const entry = storeEntry(configPath);
  if (entry === undefined) {
    if (required) throw new UsageError(`${configPath} names no store: add "store": {"kind": "pglite", "dir": ".par/db"} or {"kind": "postgres", "urlFromEnv": "PAR_DATABASE_URL"}`);
    return undefined;
  }
  const { openStore, resolveStoreConfig, StoreUnavailableError } = await import('@par/store');
  try {
    return await openStore(resolveStoreConfig(entry, dirname(configPath), process.env));
  } catch (e) {
    if (StoreUnavailableError.isInstance(e)) throw new DbError(e.message);
    throw e;
  }
}

/** Runs `fn` on the store and closes it; a database error on the way is one line. */
async function withStore<T>(configPath: string, fn: (store: ParStore) => Promise<T>): Promise<T> {
  const store = (await open(configPath))!;
  try {
    return await fn(store);
  } catch (e) {
    // PostgreSQL's connection, shutdown, resource and authorization classes, a lost socket
    const code = (e as { code?: unknown } | null)?.code;
    const lost = (typeof code === 'string' && /^(08|57P|53|28|3D|ECONNRESET$|EPIPE$|ETIMEDOUT$)/.test(code)) || /Connection terminated/.test((e as Error | null)?.message ?? '');
    if (lost) throw new DbError(`The database failed: ${(e as Error).message.split('\n')[0]}`);
    const { ParAccessDeniedError } = await import('@par/store');
    if (ParAccessDeniedError.isInstance(e)) throw new DbError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

/**
 * The documents of a workspace of files, after they passed every check of `loadWorkspace` with the plugins loaded
 * (each plugin's options through the plugin's own zod schema); each file is read once.
 */
async function readDocuments(configPath: string, pluginTimeoutMs: number): Promise<WorkspaceDocuments> {
  const read = new Map<string, unknown>();
  await buildWorkspace(configPath, { plugins: true, pluginTimeoutMs }, (dir, file, options) => {
    if (!read.has(file)) read.set(file, readJson(dir, file, options));
    return read.get(file);
  });
  const doc = (file: string) => read.get(file);
  const config = WorkspaceConfigSchema.parse(doc(basename(configPath)));
  const id = (file: string) => (doc(file) as { id: string }).id;
  return {
    units: doc(config.units),
    ...(config.unitChanges ? { unitChanges: doc(config.unitChanges) } : {}),
    frameworks: config.frameworks.map(doc),
    derivations: config.derivations.map((d) => ({ base: id(d.base), doc: doc(d.file) })),
    assessments: config.assessments.flatMap((f) => {
      const raw = doc(f);
      return Array.isArray(raw) ? raw : [raw];
    }),
    directives: config.directives.map(doc),
    lifecycleLogs: config.lifecycleLogs.flatMap((f) => doc(f) as WorkspaceDocuments['lifecycleLogs']),
    plugins: config.plugins.map((p) => ({ package: p.package, options: doc(p.options) })),
  };
}

/** The file of a workspace's assessments, as `par db export` lays them out. */
const ASSESSMENTS_FILE = 'data/assessments.json';

/** Documents laid out as a workspace of files: `par.config.json` and `data/*.json`, by file name. */
function documentFiles(docs: WorkspaceDocuments): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const put = (file: string, doc: unknown) => (files.set(file, doc), file);
  const frameworks = docs.frameworks.map((f, i) => put(`data/framework-${i + 1}.json`, f));
  const baseFile = (id: string) => frameworks[docs.frameworks.findIndex((f) => (f as { id?: unknown }).id === id)]!;
  files.set('par.config.json', {
    units: put('data/units.json', docs.units),
    ...(docs.unitChanges === undefined ? {} : { unitChanges: put('data/unit-changes.json', docs.unitChanges) }),
    frameworks,
    derivations: docs.derivations.map((d, i) => ({ base: baseFile(d.base), file: put(`data/derivation-${i + 1}.json`, d.doc) })),
    assessments: docs.assessments.length > 0 ? [put(ASSESSMENTS_FILE, docs.assessments)] : [],
    directives: docs.directives.map((d, i) => put(`data/directive-${i + 1}.json`, d)),
    lifecycleLogs: docs.lifecycleLogs.length > 0 ? [put('data/lifecycle-logs.json', docs.lifecycleLogs)] : [],
    plugins: docs.plugins.map((p, i) => ({ package: p.package, options: put(`data/plugin-options-${i + 1}.json`, p.options) })),
  });
  return files;
}

/** Writes documents as a workspace of files in `dir`, keys sorted, so that the same documents always give the same bytes. */
async function writeDocuments(docs: WorkspaceDocuments, dir: string): Promise<void> {
  const { canonicalJson } = await import('@par/store');
  mkdirSync(join(dir, 'data'), { recursive: true });
  for (const [file, doc] of documentFiles(docs)) writeFileSync(join(dir, file), `${JSON.stringify(JSON.parse(canonicalJson(doc)), null, 2)}\n`);
}

/**
 * The workspace a configuration names: from its files, or, when it names a store, from the database: its documents
 * laid out as `par db export` would write them and loaded by `loadWorkspace`'s checks, in memory. What a store's
 * actor may not read is left out.
 */
export async function workspaceFor(configPath: string, options: LoadOptions, now: Date): Promise<Workspace> {
  const store = await open(configPath, false);
  if (!store) return loadWorkspace(configPath, options);
  let docs: WorkspaceDocuments;
  let assessments: readonly Assessment[] = [];
  try {
    const pending = await store.pendingMigrations();
    if (pending.length > 0) throw new DbError(`The store's schema is out of date (${pending.join(', ')} not applied): run par db migrate`);
    const parts = options.parts ?? ['assessments', 'directives'];
    const session = store.session(actorOf(process.env), now);
    // the assessments come parsed from their compact form (loadAssessments), not as documents to parse again
    const omit = parts.includes('directives') ? [] : (['directives', 'lifecycleLogs'] as const);
    docs = await session.exportWorkspace({ omit: ['assessments', ...omit] });
    if (parts.includes('assessments')) {
      try {
        assessments = await session.loadAssessments();
      } catch (e) {
        // a stored document that does not parse: the documents then go through the checks as files do, which name
        // each problem at its place
        if (!ParValidationError.isInstance(e)) throw e;
        docs = await session.exportWorkspace({ omit: [...omit] });
      }
    }
  } finally {
    await store.close();
  }
  // assessments as documents when they could not be loaded parsed
  const asDocuments = docs.assessments.length > 0;
  const files = documentFiles(asDocuments ? docs : { ...docs, assessments: [...assessments] });
  files.set(basename(configPath), files.get('par.config.json'));
  return buildWorkspace(
    configPath,
    options,
    (_dir, file) => {
      if (!files.has(file)) throw new UnreadableFile('unreadable', 'No such document in the store');
      return files.get(file);
    },
    asDocuments ? undefined : new Map([[ASSESSMENTS_FILE, assessments]]),
  );
}

/**
 * When the configuration names a store, records a `par check` run there (as `PAR_ACTOR`, who needs `run.record`):
 * the findings it printed and the plugins' metrics for the same units, period and moment. Says so unless `--json`.
 */
export async function recordCheckRun(configPath: string, ctx: CommandContext, run: { readonly unitIds: readonly string[]; readonly period: string; readonly now: Date }, findings: readonly Finding[]): Promise<void> {
  if (storeEntry(configPath) === undefined) return;
  const { metrics, errors } = await ctx.ws.par!.computeMetrics(run);
  const id = await withStore(configPath, (store) => store.session(actorOf(process.env), run.now).recordRun({ kind: 'check', period: run.period, findings: [...findings, ...errors], metrics }));
  if (!ctx.json) ctx.out(tr(ctx, `Đã ghi lần chạy ${id} vào kho dữ liệu (${findings.length + errors.length} phát hiện, ${metrics.length} chỉ số)`, `Recorded as run ${id} in the store (${findings.length + errors.length} findings, ${metrics.length} metrics)`));
}

/** What `par db` and `par verify` are given: the configuration file, the global options, where to write, the clock. */
export interface DbCommandContext {
  readonly configPath: string;
  readonly json: boolean;
  readonly lang: 'vi' | 'en';
  readonly pluginTimeoutMs: number;
  readonly out: (line: string) => void;
  readonly now: () => Date;
}

/** `par db migrate`: brings the store's schema up to date. */
export const dbMigrate = (c: DbCommandContext) =>
  withStore(c.configPath, async (store) => {
    const { applied } = await store.migrate();
    if (c.json) return c.out(JSON.stringify({ applied }));
    c.out(applied.length === 0 ? tr(c, 'Cơ sở dữ liệu đã cập nhật', 'The schema is up to date') : `${tr(c, 'Đã áp dụng', 'Applied')}: ${applied.join(', ')}`);
  });

/** `par db import <workspace>`: a workspace of files, checked, into the store, all or nothing. */
export async function dbImport(c: DbCommandContext, workspace: string): Promise<void> {
  const docs = await readDocuments(resolve(workspace), c.pluginTimeoutMs);
  await withStore(c.configPath, async (store) => {
    await store.migrate();
    const summary = await store.session(actorOf(process.env), c.now()).importWorkspace(docs);
    if (c.json) return c.out(JSON.stringify(summary));
    c.out(`${tr(c, 'Đã nhập', 'Imported')}: ${summary.units} units, ${summary.frameworks} frameworks, ${summary.assessments} assessments, ${summary.directives} directives, ${summary.assignments} assignments (${summary.logEntries} log entries)`);
  });
}

/** `par db export <dir>`: the store as a workspace of files, in a new or empty folder. */
export async function dbExport(c: DbCommandContext, target: string): Promise<void> {
  const dir = resolve(target);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) throw new UsageError(`${target} must be a new or empty folder`);
  await withStore(c.configPath, async (store) => {
    const docs = await store.session(actorOf(process.env), c.now()).exportWorkspace();
    await writeDocuments(docs, dir);
    c.out(`${tr(c, 'Đã xuất ra', 'Exported to')} ${target}`);
  });
}

/** `par db verify` and `par verify`: the hash chain of the audit trail, or `DbError` at the first broken entry. */
export const dbVerify = (c: DbCommandContext) =>
  withStore(c.configPath, async (store) => {
    const r = await store.verify();
    if (c.json) c.out(JSON.stringify(r));
    else if (r.ok) c.out(`${tr(c, 'Nhật ký kiểm toán nguyên vẹn', 'The audit trail is intact')}: ${r.entries} entries, head ${r.headHash}`);
    if (!r.ok) throw new DbError(`The audit trail is broken at entry ${r.firstBroken}: ${r.reason}`);
  });
