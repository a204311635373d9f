import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Generated, type PostgresPool, type PostgresQueryResult, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
  assessments: { unit_id: string; framework_id: string; period: string; position: number; status: string; version: number; doc: Json; packed: Json | null };
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

/** The PostgreSQL clients lent to Kysely, by the token of the query that asked which one it is ({@link clientOf}). */
const lent = new Map<string, pg.PoolClient>();
const PROBE = 'select $1::text as par_client_probe';
const watched = new WeakSet<pg.PoolClient>();

/** A `pg` pool as Kysely takes it, whose clients answer {@link clientOf}'s question. */
function postgresPool(p: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await p.connect();
      if (!watched.has(client)) {
        watched.add(client);
        const query = client.query.bind(client) as (text: unknown, values?: unknown) => unknown;
        client.query = ((text: unknown, values?: unknown) => {
          if (text === PROBE) lent.set((values as string[])[0]!, client);
          return query(text, values);
        }) as typeof client.query;
      }
      return client as unknown as ReturnType<PostgresPool['connect']> extends Promise<infer C> ? C : never;
    },
    end: () => p.end(),
  };
}

/** The `pg` client a transaction runs on (PostgreSQL), or undefined (PGlite). */
async function clientOf(trx: Transaction<Database>): Promise<pg.PoolClient | undefined> {
  const token = randomUUID();
  await sql`select ${token}::text as par_client_probe`.execute(trx);
  const client = lent.get(token);
  lent.delete(token);
  return client;
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
      pool = postgresPool(p);
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

/** The column types of the tables written in bulk, for `json_to_recordset`'s row definition. */
const COLUMNS = {
  units: { id: 'text', position: 'integer', kind: 'text', parent_id: 'text', valid_from: 'text', valid_to: 'text', doc: 'jsonb' },
  unit_changes: { id: 'text', position: 'integer', doc: 'jsonb' },
  frameworks: { id: 'text', position: 'integer', base_id: 'text', doc: 'jsonb' },
  assessments: { unit_id: 'text', framework_id: 'text', period: 'text', position: 'integer', status: 'text', version: 'integer', doc: 'json', packed: 'json' },
  directive_documents: { id: 'text', position: 'integer', issuer_id: 'text', doc: 'jsonb' },
  directive_items: { document_id: 'text', position: 'integer', doc: 'jsonb' },
  assignments: { id: 'text', position: 'integer', unit_id: 'text', issuer_id: 'text', document_id: 'text', input: 'jsonb' },
  lifecycle_log: { assignment_id: 'text', seq: 'integer', state: 'text', event: 'jsonb' },
  plugins: { package: 'text', position: 'integer', options: 'jsonb' },
  findings: { run_id: 'integer', position: 'integer', doc: 'jsonb' },
  metrics: { run_id: 'integer', position: 'integer', metric_id: 'text', unit_id: 'text', period: 'text', doc: 'jsonb' },
} as const satisfies { [T in keyof Database]?: { [C in keyof Database[T]]?: string } };

/** A table written by {@link insertAll}. */
export type BulkTable = keyof typeof COLUMNS;

/** A row of a table written by {@link insertAll}. */
export type BulkRow<T extends BulkTable> = { readonly [C in keyof (typeof COLUMNS)[T]]: unknown };

/**
 * The rows {@link insertAll} writes: a list, or rows made as they are taken (with how many there will be, which
 * decides the way in), so that the database takes the first while the next are made.
 */
export type BulkRows<T extends BulkTable> = readonly BulkRow<T>[] | { readonly count: number; readonly rows: Iterable<BulkRow<T>> };

/** From this many rows, PostgreSQL gets them by `COPY` (below, one statement is quicker than the exchange `COPY` needs). */
const COPY_FROM_ROWS = 1_000;
/** The rows of one statement: at most this many, and about this many characters of JSON. */
const BATCH_ROWS = 20_000;
const BATCH_CHARS = 8_000_000;

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in `COPY`'s text format: `\N` for null, a document as its JSON, backslash, tab and line breaks escaped. */
function copyField(value: unknown, isDocument: boolean): string {
  if (value === null || value === undefined) return '\\N';
  const text = isDocument ? JSON.stringify(value) : String(value);
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}

/**
 * Inserts rows in bulk, in the transaction. On PostgreSQL, from {@link COPY_FROM_ROWS} rows, with `COPY ... FROM
 * STDIN` (the fastest way in); otherwise in batches, each one statement whose single parameter is the JSON text of its
 * rows (`insert ... select from json_to_recordset($1)`) instead of a parameter per cell. Document columns take the
 * value itself, not its text.
 */
export async function insertAll<T extends BulkTable>(trx: Transaction<Database>, table: T, rows: BulkRows<T>): Promise<void> {
  const count = 'count' in rows ? rows.count : rows.length;
  if (count === 0) return;
  const columns = Object.entries(COLUMNS[table]);
  const client = count >= COPY_FROM_ROWS ? await clientOf(trx) : undefined;
  if (client) {
    const copy = client.query(copyFrom(`copy ${client.escapeIdentifier(table)} (${columns.map(([c]) => client.escapeIdentifier(c)).join(', ')}) from stdin`));
    const names = columns.map(([c]) => c);
    const documents = columns.map(([, type]) => type.startsWith('json'));
    async function* lines() {
      let chunk = '';
      for (const row of ('count' in rows ? rows.rows : rows) as Iterable<Record<string, unknown>>) {
        for (let i = 0; i < names.length; i++) chunk += (i > 0 ? '\t' : '') + copyField(row[names[i]!], documents[i]!);
        chunk += '\n';
        if (chunk.length > 1_000_000) yield Buffer.from(chunk), (chunk = '');
      }
      yield Buffer.from(chunk);
    }
    return pipeline(Readable.from(lines()), copy);
  }
  const names = sql.join(columns.map(([c]) => sql.ref(c)));
  const definition = sql.join(columns.map(([c, type]) => sql`${sql.ref(c)} ${sql.raw(type)}`));
  const send = (text: string) => sql`insert into ${sql.table(table)} (${names}) select ${names} from json_to_recordset(${`[${text}]`}::json) as r(${definition})`.execute(trx);
  let text = '';
  let n = 0;
  for (const row of 'count' in rows ? rows.rows : rows) {
    text += `${n > 0 ? ',' : ''}${JSON.stringify(row)}`;
    if (++n === BATCH_ROWS || text.length >= BATCH_CHARS) await send(text), (text = ''), (n = 0);
  }
  if (n > 0) await send(text);
}

/** PostgreSQL's unique_violation: a concurrent writer got there first. */
export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';
