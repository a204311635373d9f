import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Generated, type PostgresPool, type PostgresQueryResult, type Transaction } from 'kysely';
import pg from 'pg';
import type { ResolvedStoreConfig } from './config.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

/** A JSON value as the database returns it (jsonb). */
export type Json = unknown;

/** The tables, as the query builder sees them (see `docs/store.md` for the diagram). */
export interface Database {
  settings: { key: string; doc: Json };
  units: { id: string; position: number; kind: string; parent_id: string | null; valid_from: string; valid_to: string | null; doc: Json };
  unit_changes: { id: string; position: number; doc: Json };
  frameworks: { id: string; position: number; base_id: string | null; doc: Json };
  assessments: { unit_id: string; framework_id: string; period: string; position: number; status: string; version: number; doc: Json };
  assessment_history: { unit_id: string; framework_id: string; period: string; version: number; status: string; at: string; doc: Json };
  directive_documents: { id: string; position: number; issuer_id: string; doc: Json };
  directive_items: { document_id: string; position: number; doc: Json };
  assignments: { id: string; position: number; unit_id: string; issuer_id: string; document_id: string; input: Json };
  lifecycle_log: { assignment_id: string; seq: number; state: string; event: Json };
  plugins: { package: string; position: number; options: Json };
  plugin_records: { id: Generated<number>; plugin: string; schema_id: string; schema_version: string; unit_id: string | null; period: string | null; doc: Json };
  runs: { id: Generated<number>; kind: string; period: string; at: string; actor: Json };
  findings: { run_id: number; position: number; doc: Json };
  metrics: { run_id: number; position: number; metric_id: string; unit_id: string; period: string; doc: Json };
  audit_head: { id: number; seq: number; hash: string };
  audit_log: { seq: number; at: string; actor_unit: string; actor_person: string | null; actor_role: string; action: string; target: string | null; allowed: boolean; change: Json; prev_hash: string; hash: string };
  policy: { id: number; version: number; doc: Json };
}

/**
 * A value written into a jsonb column: sent as its JSON text, which both drivers pass unchanged for a jsonb
 * parameter (`pg` sends strings as they are; PGlite serializes only non-strings).
 */
export const json = (value: unknown): string => JSON.stringify(value);

/**
 * PGlite seen as a one-connection pool by Kysely's PostgreSQL dialect: one query or transaction at a time (a
 * connection is lent to one user until it is released), which is what an embedded database gives.
 */
function pglitePool(db: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect() {
      let release!: () => void;
      const turn = queue;
      queue = new Promise<void>((r) => (release = r));
      await turn;
      return {
        async query<R>(text: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
          const r = await db.query<R>(text, [...parameters]);
          const command = (/^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SELECT') as PostgresQueryResult<R>['command'];
          return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
        },
        release: () => release(),
      } as unknown as ReturnType<PostgresPool['connect']> extends Promise<infer C> ? C : never;
    },
    async end() {
      await db.close();
    },
  };
}

/** Where a configuration points, without a password: for messages. */
export function describeTarget(config: ResolvedStoreConfig): string {
  if (config.kind === 'pglite') return config.dir ? `PGlite ${config.dir}` : 'PGlite (in memory)';
  try {
    const u = new URL(config.url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (unreadable URL)';
  }
}

/**
 * Opens the database a configuration names and checks that it answers; throws {@link StoreUnavailableError} with
 * one clear line otherwise.
 */
export async function connect(config: ResolvedStoreConfig): Promise<Kysely<Database>> {
  const where = describeTarget(config);
  let pool: PostgresPool;
  try {
    if (config.kind === 'pglite') {
      if (config.dir && existsSync(config.dir) && !statSync(config.dir).isDirectory()) throw new Error(`${config.dir} is not a folder`);
      if (config.dir) mkdirSync(dirname(config.dir), { recursive: true });
      pool = pglitePool(await PGlite.create(config.dir));
    }
    else {
      const p = new pg.Pool({ connectionString: config.url, connectionTimeoutMillis: 10_000, max: 10 });
      p.on('error', () => {}); // an idle client's lost connection surfaces on its next query instead
      pool = p as unknown as PostgresPool;
    }
  } catch (e) {
    throw new StoreUnavailableError(where, e instanceof Error ? e.message : String(e));
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => {});
    const err = e as { message?: string; code?: string };
    throw new StoreUnavailableError(where, err.message || err.code || String(e));
  }
  return db;
}

const BATCH = 1_000;

/** Inserts rows in batches (a statement has at most 65,535 parameters). */
export async function insertAll<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
}

/** PostgreSQL's unique_violation: a concurrent writer got there first. */
export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';
