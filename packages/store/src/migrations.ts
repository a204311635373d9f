import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './database.js';

/** Tables written only by appending: a trigger refuses UPDATE and DELETE on them. */
const APPEND_ONLY = ['lifecycle_log', 'audit_log', 'assessment_history'] as const;

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
