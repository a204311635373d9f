// One store per engine per test file (PGlite takes seconds to start): PGlite in memory always; PostgreSQL when
// PAR_TEST_POSTGRES_URL names a database whose user may create databases (.ci/run sets it), in a fresh database
// dropped at the end. Without it the PostgreSQL suite is skipped with its reason, and under CI it fails.
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore, type ParStore } from '../src/index.js';

export const POSTGRES_URL = process.env.PAR_TEST_POSTGRES_URL;

/** A fresh, empty PostgreSQL database for one test file, and how to drop it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `par_t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs `suite` once on PGlite and once on PostgreSQL, each with its own migrated store. */
export function onBothEngines(suite: (store: () => ParStore, engine: 'pglite' | 'postgres') => void): void {
  describe('on PGlite', () => {
    let store: ParStore | undefined;
    beforeAll(async () => {
      store = await openStore({ kind: 'pglite' });
      await store.migrate();
    }, 180_000);
    afterAll(async () => store?.close());
    suite(() => store!, 'pglite');
  });
  describe('on PostgreSQL', () => {
    if (!POSTGRES_URL) {
      if (process.env.CI) it('has PAR_TEST_POSTGRES_URL under CI', () => { throw new Error('PAR_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL and set it'); });
      else it.skip('skipped: PAR_TEST_POSTGRES_URL is not set (see docs/store.md, "Running it")', () => {});
      return;
    }
    let store: ParStore | undefined;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const db = await freshPostgres();
      drop = db.drop;
      store = await openStore({ kind: 'postgres', url: db.url });
      await store.migrate();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await drop?.();
    });
    suite(() => store!, 'postgres');
  });
}
