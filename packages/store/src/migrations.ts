import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './database.js';

/** Tables written only by appending: a trigger refuses UPDATE and DELETE on them. */
const APPEND_ONLY = ['lifecycle_log', 'audit_log', 'assessment_history'] as const; // and assignments, from 0003

/**
 * The versioned migrations, in order. Each runs unchanged on PGlite and PostgreSQL 15+; a released migration is
 * never edited: a change is a new one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_workspace': {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s.createTable('settings').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('doc', 'jsonb', (c) => c.notNull()).execute();
      await s
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text')
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .execute();
      await s.createTable('unit_changes').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('position', 'integer', (c) => c.notNull()).addColumn('doc', 'jsonb', (c) => c.notNull()).execute();
      await s
        .createTable('frameworks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('base_id', 'text', (c) => c.references('frameworks.id'))
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .execute();
      await s
        .createTable('assessments')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessments_pk', ['unit_id', 'framework_id', 'period'])
        .execute();
      await s.createIndex('assessments_period').on('assessments').column('period').execute();
      await s
        .createTable('assessment_history')
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessment_history_pk', ['unit_id', 'framework_id', 'period', 'version'])
        .execute();
      await s
        .createTable('directive_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('issuer_id', 'text', (c) => c.notNull())
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .execute();
      await s
        .createTable('directive_items')
        .addColumn('document_id', 'text', (c) => c.notNull().references('directive_documents.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('directive_items_pk', ['document_id', 'position'])
        .execute();
      await s
        .createTable('assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('issuer_id', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('input', 'jsonb', (c) => c.notNull())
        .execute();
      await s
        .createTable('lifecycle_log')
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('event', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('lifecycle_log_pk', ['assignment_id', 'seq'])
        .execute();
      await s.createTable('plugins').addColumn('package', 'text', (c) => c.primaryKey()).addColumn('position', 'integer', (c) => c.notNull()).addColumn('options', 'jsonb', (c) => c.notNull()).execute();
      await s
        .createTable('plugin_records')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('plugin', 'text', (c) => c.notNull())
        .addColumn('schema_id', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('period', 'text')
        .addColumn('doc', 'jsonb', (c) => c.notNull())
        .execute();
      await s
        .createTable('runs')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'jsonb', (c) => c.notNull())
        .execute();
      for (const t of ['findings', 'metrics'] as const) {
        let b = s.createTable(t).addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id')).addColumn('position', 'integer', (c) => c.notNull());
        if (t === 'metrics') b = b.addColumn('metric_id', 'text', (c) => c.notNull()).addColumn('unit_id', 'text', (c) => c.notNull()).addColumn('period', 'text', (c) => c.notNull());
        await b.addColumn('doc', 'jsonb', (c) => c.notNull()).addPrimaryKeyConstraint(`${t}_pk`, ['run_id', 'position']).execute();
      }
      await s.createTable('audit_head').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('seq', 'integer', (c) => c.notNull()).addColumn('hash', 'text', (c) => c.notNull()).execute();
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
      await s
        .createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_unit', 'text', (c) => c.notNull())
        .addColumn('actor_person', 'text')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('allowed', 'boolean', (c) => c.notNull())
        .addColumn('change', 'jsonb', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await s.createTable('policy').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('version', 'integer', (c) => c.notNull()).addColumn('doc', 'jsonb', (c) => c.notNull()).execute();
      await sql`create function par_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
      for (const t of APPEND_ONLY) await sql`create trigger ${sql.raw(`${t}_append_only`)} before update or delete on ${sql.table(t)} for each row execute function par_append_only()`.execute(db);
    },
  },
  '0002_assessment_text': {
    // An assessment is read whole far more often than it is searched: `json` keeps the document's text as given, so
    // reading it back skips jsonb's conversion to text (most of a 10,000-unit load) and writing it skips jsonb's parse.
    async up(db: Kysely<unknown>) {
      for (const t of ['assessments', 'assessment_history']) await sql`alter table ${sql.table(t)} alter column doc type json using doc::json`.execute(db);
    },
  },
  '0003_log_assignment_check': {
    // The foreign key from lifecycle_log to assignments checked each row on its own (an index probe and a row lock:
    // a third of a million-entry import); one check per statement over the rows it added does the same in one join.
    // Assignments are never updated or deleted (a cancelled one is an event in its log), so no log loses its own.
    async up(db: Kysely<unknown>) {
      await sql`alter table lifecycle_log drop constraint lifecycle_log_assignment_id_fkey`.execute(db);
      await sql`create function par_log_assignments() returns trigger language plpgsql as $$
        declare missing text;
        begin
          select a.assignment_id into missing from added a where not exists (select 1 from assignments s where s.id = a.assignment_id) limit 1;
          if missing is not null then
            raise exception 'insert into lifecycle_log violates its check: no assignment "%"', missing using errcode = 'foreign_key_violation';
          end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger lifecycle_log_assignment after insert on lifecycle_log referencing new table as added for each statement execute function par_log_assignments()`.execute(db);
      await sql`create trigger assignments_append_only before update or delete on assignments for each row execute function par_append_only()`.execute(db);
    },
  },
  '0004_assessment_packed': {
    // Each assessment's compact form beside its document (`packAssessment`, see `packed-column.ts`): a period's
    // assessments are read from it without parsing their documents. A cache: rows written before it have none, and a
    // document changed without it loses it (a trigger); both are parsed from their documents.
    async up(db: Kysely<unknown>) {
      await sql`alter table assessments add column packed json`.execute(db);
      // a document changed without its compact form (by hand, in SQL) loses the compact form: it is then read from the
      // document (the store's own saves write both)
      await sql`create function par_packed_follows_doc() returns trigger language plpgsql as $$
        begin
          if new.doc::text is distinct from old.doc::text and new.packed::text is not distinct from old.packed::text then
            new.packed := null;
          end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger assessments_packed_follows_doc before update on assessments for each row execute function par_packed_follows_doc()`.execute(db);
    },
  },
  '0005_log_check_plan': {
    // 0003's check joins the rows a statement added to the assignments written in the same transaction, which the
    // planner has no figures for: on a store emptied and imported again it took the assignments for none and chose a
    // nested loop scanning every assignment for every entry (a 1,000,000-entry import did not end in 5 minutes where
    // the first took 6 s). Without sequential scans the assignments are reached by their key: one look-up for an
    // append, a join by the key for an import, whatever the figures say (turning nested loops off instead made every
    // single append hash the whole table: 60 ms with 300,000 assignments against 0.4 ms).
    async up(db: Kysely<unknown>) {
      await sql`alter function par_log_assignments() set enable_seqscan = off`.execute(db);
    },
  },
};

/** What `ParStore.migrate()` did: the migrations applied now, in order (none when the schema was up to date). */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the schema up to the latest migration, each in its transaction; throws the first failure. */
export async function migrate(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
